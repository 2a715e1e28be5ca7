import { type FilterClause, type SearchEntity } from './filter-ast';
import { isWordChar, isWordStart } from './filter-tokenizer';
import { entityPrefixes } from './search-identifier';

/** Words that would be read as keywords if a bare attribute key were spelled like them. */
const reservedWords = new Set(['AND', 'OR', 'NOT', 'IN', 'LIKE', 'ILIKE', 'IS', 'NULL', 'ASC', 'DESC']);

/**
 * True when a key can be written without quotes (letters, digits and `_`, not starting with a
 * digit). Checked per UTF-16 unit, as the tokenizer reads, so astral-plane letters get quoted.
 */
export function isPlainWord(key: string): boolean {
  return key !== '' && isWordStart(key[0] as string) && key.split('').every((char) => isWordChar(char));
}

/** A key as written after `<entity>.`: bare when plain, else in backticks (doubled inside). */
export function quoteKey(key: string): string {
  return isPlainWord(key) ? key : `\`${key.replaceAll('`', '``')}\``;
}

/** A string value in single quotes, quotes doubled as in SQL. */
export function quoteString(value: string): string {
  return `'${value.replaceAll("'", "''")}'`;
}

/** `metrics.acc`, `` tags.`mlflow.user` ``; attributes are printed bare (`status`), as every search accepts. */
export function printIdentifier(entity: SearchEntity, key: string): string {
  if (entity !== 'attribute') return `${entityPrefixes[entity]}.${quoteKey(key)}`;
  return isPlainWord(key) && !reservedWords.has(key.toUpperCase()) ? key : `\`${key.replaceAll('`', '``')}\``;
}

export function printValue(value: FilterClause['value']): string {
  if (Array.isArray(value)) return `(${value.map(quoteString).join(', ')})`;
  if (typeof value === 'string') return quoteString(value);
  if (!Number.isFinite(value)) throw new RangeError(`A filter cannot hold the number ${value}`);
  return Object.is(value, -0) ? '-0' : String(value);
}

export type PrintableClause = Pick<FilterClause, 'entity' | 'key' | 'comparator' | 'value'>;

export function printClause(clause: PrintableClause): string {
  return `${printIdentifier(clause.entity, clause.key)} ${clause.comparator} ${printValue(clause.value)}`;
}

/** The canonical text of a filter; parsing it gives the same clauses back. */
export function printFilter(ast: { clauses: readonly PrintableClause[] }): string {
  return ast.clauses.map(printClause).join(' AND ');
}
