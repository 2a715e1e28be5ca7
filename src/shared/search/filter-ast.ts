/**
 * The typed result of parsing an MLflow search filter (section 4 of the MLflow reference).
 * Offsets are 0-based UTF-16 indices into the filter text, `end` exclusive, so
 * `text.slice(span.start, span.end)` is the source of a clause or token.
 */
export interface Span {
  start: number;
  end: number;
}

export const searchEntities = ['metric', 'param', 'tag', 'attribute', 'dataset'] as const;
export type SearchEntity = (typeof searchEntities)[number];

/** Comparators in canonical spelling: upper case, and `<>` is read as `!=`. */
export const comparators = ['=', '!=', '>', '>=', '<', '<=', 'LIKE', 'ILIKE', 'IN', 'NOT IN'] as const;
export type Comparator = (typeof comparators)[number];

/** How each comparator symbol is read; `<>` is another spelling of `!=`. */
export const comparatorSymbols: ReadonlyMap<string, Comparator> = new Map<string, Comparator>([
  ['=', '='],
  ['!=', '!='],
  ['<>', '!='],
  ['>', '>'],
  ['>=', '>='],
  ['<', '<'],
  ['<=', '<='],
]);

/** Comparators whose right-hand side is a parenthesised list of strings. */
export function isListComparator(comparator: Comparator): comparator is 'IN' | 'NOT IN' {
  return comparator === 'IN' || comparator === 'NOT IN';
}

export interface FilterClause {
  entity: SearchEntity;
  /** Unquoted key; attribute aliases are normalised when a search kind is given (`created` → `start_time`). */
  key: string;
  comparator: Comparator;
  /** A number for numeric literals, a string for quoted values, a list for IN / NOT IN. */
  value: string | number | string[];
  /** The whole comparison, from the identifier to the end of the value. */
  span: Span;
  identifierSpan: Span;
  comparatorSpan: Span;
  valueSpan: Span;
}

/** Comparisons joined by AND; an empty filter has no clauses. */
export interface FilterAst {
  clauses: FilterClause[];
}
