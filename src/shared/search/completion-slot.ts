import { type Comparator, comparatorSymbols, isListComparator } from './filter-ast';
import { type Token } from './filter-tokenizer';
import { readIdentifier } from './search-identifier';
import { type FieldRule, type SearchKind, isFieldProblem, resolveField } from './search-rules';
import { SearchSyntaxError } from './search-syntax-error';
import { TokenStream, isKeyword } from './token-stream';

/** What the grammar expects after a run of complete tokens. */
export type CompletionSlot =
  | { expecting: 'identifier' }
  | { expecting: 'comparator'; field: FieldRule; pendingNot?: Token }
  | { expecting: 'value'; field: FieldRule; comparator: Comparator }
  | { expecting: 'list-item'; field: FieldRule }
  | { expecting: 'list-separator' }
  | { expecting: 'and' }
  | { expecting: 'nothing' };

/**
 * Walks `before` (text that ends between tokens) with the filter grammar and says what comes
 * next. Anything that does not parse yields `nothing`: there is no useful suggestion after an
 * error.
 */
export function completionSlot(before: string, kind: SearchKind): CompletionSlot {
  const stream = new TokenStream(before);
  try {
    for (;;) {
      if (stream.atEnd) return { expecting: 'identifier' };
      const identifier = readIdentifier(stream);
      const field = resolveField(kind, identifier.entity, identifier.key);
      if (isFieldProblem(field)) return { expecting: 'nothing' };
      if (stream.atEnd) return { expecting: 'comparator', field };
      const comparator = readComparator(stream);
      if (comparator === 'NOT') {
        const not = stream.next() as Token;
        return stream.atEnd ? { expecting: 'comparator', field, pendingNot: not } : { expecting: 'nothing' };
      }
      if (!comparator || !field.comparators.includes(comparator)) return { expecting: 'nothing' };
      if (stream.atEnd) return { expecting: 'value', field, comparator };
      const afterValue = isListComparator(comparator) ? walkList(stream, field) : walkScalar(stream);
      if (afterValue) return afterValue;
      if (stream.atEnd) return { expecting: 'and' };
      if (!stream.nextKeyword('AND')) return { expecting: 'nothing' };
    }
  } catch (error) {
    if (error instanceof SearchSyntaxError) return { expecting: 'nothing' };
    throw error;
  }
}

/** Consumes a comparator; `NOT` is returned unconsumed so the caller can see whether IN follows. */
function readComparator(stream: TokenStream): Comparator | 'NOT' | undefined {
  const token = stream.peek() as Token;
  const word = token.kind === 'word' ? token.text.toUpperCase() : undefined;
  if (word === 'NOT') {
    if (!isKeyword(stream.peek(1), 'IN')) return 'NOT';
    stream.next();
    stream.next();
    return 'NOT IN';
  }
  const comparator = token.kind === 'symbol' ? comparatorSymbols.get(token.text) : word === 'LIKE' || word === 'ILIKE' || word === 'IN' ? word : undefined;
  if (comparator) stream.next();
  return comparator;
}

function walkScalar(stream: TokenStream): CompletionSlot | undefined {
  const token = stream.next() as Token;
  const isValue = token.kind === 'number' || (token.kind === 'quoted' && token.quote !== '`');
  return isValue ? undefined : { expecting: 'nothing' };
}

function walkList(stream: TokenStream, field: FieldRule): CompletionSlot | undefined {
  if (stream.next()?.kind !== 'lparen') return { expecting: 'nothing' };
  for (;;) {
    if (stream.atEnd) return { expecting: 'list-item', field };
    const item = stream.next() as Token;
    if (item.kind !== 'quoted' || item.quote === '`') return { expecting: 'nothing' };
    if (stream.atEnd) return { expecting: 'list-separator' };
    const separator = stream.next() as Token;
    if (separator.kind === 'rparen') return undefined;
    if (separator.kind !== 'comma') return { expecting: 'nothing' };
  }
}
