import { type Span } from './filter-ast';

/** Longest excerpt of the input quoted in a message; longer inputs are cut around the error. */
const maxQuotedLength = 200;

/**
 * A filter or order_by clause that does not parse or is not allowed for the search kind.
 * `start`/`end` locate the offending token in `input` (0-based, end exclusive) so a UI can
 * underline it; `reason` is the message without the location, for an inline hint. The server
 * answers it as INVALID_PARAMETER_VALUE with `message`.
 */
export class SearchSyntaxError extends Error {
  override readonly name = 'SearchSyntaxError';
  readonly start: number;
  readonly end: number;
  readonly reason: string;

  /** `problem` names the offending token; `hint` says what would fit there. */
  constructor(
    readonly input: string,
    span: Span,
    problem: string,
    hint?: string,
  ) {
    const tail = hint ? `; ${hint}` : '';
    super(`${problem} at position ${span.start} in ${quoteInput(input, span)}${tail}`);
    this.start = span.start;
    this.end = span.end;
    this.reason = problem + tail;
  }
}

function quoteInput(input: string, span: Span): string {
  if (input.length <= maxQuotedLength) return JSON.stringify(input);
  const from = Math.max(0, span.start - maxQuotedLength / 2);
  const to = Math.min(input.length, from + maxQuotedLength);
  return `${from > 0 ? '…' : ''}${JSON.stringify(input.slice(from, to))}${to < input.length ? '…' : ''}`;
}

/** How a token is named in messages: `'~'`, or "the end of the filter". */
export function describeToken(text: string | undefined): string {
  return text === undefined ? 'the end of the input' : `'${text}'`;
}
