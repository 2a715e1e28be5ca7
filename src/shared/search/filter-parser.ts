import { type Comparator, type FilterAst, type FilterClause, type Span, comparatorSymbols, comparators, isListComparator } from './filter-ast';
import { type Token } from './filter-tokenizer';
import { printIdentifier } from './filter-printer';
import { type ParsedIdentifier, readIdentifier } from './search-identifier';
import { type FieldRule, type SearchKind, isFieldProblem, resolveField, searchableEntities } from './search-rules';
import { describeToken } from './search-syntax-error';
import { TokenStream, isKeyword } from './token-stream';

/**
 * Parses an MLflow search filter: comparisons joined by AND (any case). An empty or blank
 * filter has no clauses. With a `kind`, each identifier, comparator and value is also checked
 * against that search's rules as it is read, so the first offending token is reported, and
 * attribute aliases are normalised. Throws SearchSyntaxError, never anything else.
 */
export function parseFilter(text: string, kind?: SearchKind): FilterAst {
  const stream = new TokenStream(text);
  const clauses: FilterClause[] = [];
  if (stream.atEnd) return { clauses };
  for (;;) {
    clauses.push(readClause(stream, kind));
    const next = stream.peek();
    if (!next) return { clauses };
    if (!stream.nextKeyword('AND')) rejectAfterClause(stream, next);
  }
}

function readClause(stream: TokenStream, kind: SearchKind | undefined): FilterClause {
  rejectClauseStart(stream, stream.peek());
  const identifier = readIdentifier(stream, kind ? searchableEntities(kind) : undefined);
  const field = kind ? resolveOrFail(stream, kind, identifier) : undefined;
  const key = field?.key ?? identifier.key;
  const label = printIdentifier(identifier.entity, key);
  const { comparator, span: comparatorSpan } = readComparator(stream, label, field);
  const { value, span: valueSpan } = readValue(stream, comparator, label, field);
  const kept = field?.lowercaseListValues && Array.isArray(value) ? value.filter((item) => item === item.toLowerCase()) : value;
  return {
    entity: identifier.entity,
    key,
    comparator,
    value: kept,
    span: { start: identifier.span.start, end: valueSpan.end },
    identifierSpan: identifier.span,
    comparatorSpan,
    valueSpan,
  };
}

function rejectClauseStart(stream: TokenStream, token: Token | undefined): void {
  if (!token) stream.fail(undefined, 'Expected a comparison after AND');
  if (token.kind === 'lparen') stream.fail(token, 'Parentheses grouping is not supported', 'join comparisons with AND');
  if (isKeyword(token, 'OR')) stream.fail(token, 'OR is not supported', 'only AND can join comparisons');
  if (isKeyword(token, 'NOT')) stream.fail(token, 'NOT is only supported as NOT IN', 'negate with != or NOT IN');
  if (isKeyword(token, 'AND')) stream.fail(token, 'Expected a comparison before AND');
}

function rejectAfterClause(stream: TokenStream, token: Token): never {
  if (isKeyword(token, 'OR')) return stream.fail(token, 'OR is not supported', 'only AND can join comparisons');
  if (token.kind === 'rparen') return stream.fail(token, "Unexpected ')'", 'parentheses only wrap the value list of IN / NOT IN');
  return stream.fail(token, `Expected AND or the end of the filter but found ${describeToken(token.text)}`);
}

function resolveOrFail(stream: TokenStream, kind: SearchKind, identifier: ParsedIdentifier): FieldRule {
  const field = resolveField(kind, identifier.entity, identifier.key);
  if (!isFieldProblem(field)) return field;
  const at = field.at === 'entity' ? (identifier.entitySpan ?? identifier.span) : identifier.keySpan;
  return stream.fail(at, field.problem, field.hint);
}

function readComparator(stream: TokenStream, label: string, field: FieldRule | undefined): { comparator: Comparator; span: Span } {
  const allowed = field?.comparators ?? comparators;
  const hint = `expected one of ${allowed.join(', ')}`;
  const token = stream.peek();
  let comparator: Comparator | undefined;
  let span = stream.spanOf(token);
  if (token?.kind === 'symbol') {
    comparator = comparatorSymbols.get(token.text);
  } else if (token?.kind === 'word') {
    const word = token.text.toUpperCase();
    if (word === 'LIKE' || word === 'ILIKE' || word === 'IN') comparator = word;
    if (word === 'IS') stream.fail(token, 'IS NULL comparisons are not supported', 'a missing key never matches a comparison');
    if (word === 'NOT') {
      const after = stream.peek(1);
      if (!isKeyword(after, 'IN')) stream.fail(token, 'NOT is only supported as NOT IN', hint);
      stream.next();
      comparator = 'NOT IN';
      span = { start: token.start, end: after?.end ?? token.end };
    }
  } else {
    stream.fail(token, `Expected a comparator after '${label}' but found ${describeToken(token?.text)}`, hint);
  }
  if (!comparator) return stream.fail(token, `Invalid comparator ${describeToken(token?.text)}`, hint);
  stream.next();
  if (!allowed.includes(comparator)) {
    stream.fail(span, `Invalid comparator '${stream.text.slice(span.start, span.end)}' for ${label}`, hint);
  }
  return { comparator, span };
}

type ReadValue = { value: FilterClause['value']; span: Span };

function readValue(stream: TokenStream, comparator: Comparator, label: string, field: FieldRule | undefined): ReadValue {
  if (isListComparator(comparator)) return readList(stream, comparator);
  const token = stream.peek();
  const isString = token?.kind === 'quoted' && token.quote !== '`';
  if (token?.kind !== 'number' && !isString) rejectValue(stream, token, comparator);
  const value = token.value as string | number;
  if (field?.type === 'number' && typeof value !== 'number') {
    stream.fail(token, `Expected a numeric value for ${label} but found ${token.text}`, `e.g. ${label} > 0.5`);
  }
  if (field?.type === 'string' && typeof value !== 'string') {
    stream.fail(token, `Expected a quoted string value for ${label} but found ${token.text}`, `e.g. ${label} = '${token.text}'`);
  }
  stream.next();
  return { value, span: stream.spanOf(token) };
}

function rejectValue(stream: TokenStream, token: Token | undefined, comparator: Comparator): never {
  const hint = "quote strings with single quotes, e.g. 'my-value'; numbers are written bare, e.g. 0.5";
  if (!token) return stream.fail(undefined, `Expected a value after ${comparator}`, hint);
  if (token.kind === 'lparen') return stream.fail(token, 'A value list is only allowed after IN or NOT IN', hint);
  if (token.kind === 'quoted') return stream.fail(token, `Backticks quote keys, not values: ${token.text}`, hint);
  if (isKeyword(token, 'NULL')) return stream.fail(token, 'NULL values are not supported', 'a missing key never matches a comparison');
  return stream.fail(token, `Expected a quoted string or a number but found ${describeToken(token.text)}`, hint);
}

function readList(stream: TokenStream, comparator: 'IN' | 'NOT IN'): { value: string[]; span: Span } {
  const hint = "e.g. ('a', 'b')";
  const open = stream.next();
  if (open?.kind !== 'lparen') {
    return stream.fail(open, `Expected a parenthesised list of quoted strings after ${comparator} but found ${describeToken(open?.text)}`, hint);
  }
  const values: string[] = [];
  for (;;) {
    const item = stream.next();
    if (item?.kind === 'rparen' && values.length === 0) return stream.fail({ start: open.start, end: item.end }, `Empty list after ${comparator}`, hint);
    if (item?.kind !== 'quoted' || item.quote === '`') {
      return stream.fail(item, `Expected a quoted string in the list but found ${describeToken(item?.text)}`, hint);
    }
    values.push(item.value as string);
    const separator = stream.next();
    if (separator?.kind === 'rparen') return { value: values, span: { start: open.start, end: separator.end } };
    if (!separator) return stream.fail(undefined, `Unclosed list after ${comparator}`, hint);
    if (separator.kind !== 'comma') return stream.fail(separator, `Expected ',' or ')' but found ${describeToken(separator.text)}`, hint);
  }
}
