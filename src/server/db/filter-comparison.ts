import { type Expression, type ExpressionBuilder, type SqlBool, sql } from 'kysely';
import type { Comparator } from '../../shared/search/filter-ast';
import type { Dialect } from './database';

/**
 * One MLflow search comparison as SQL, the same on both databases: values are always bound
 * parameters. MLflow's LIKE is case-sensitive and ILIKE is not; SQLite's LIKE ignores ASCII case,
 * so there LIKE becomes GLOB (with the pattern translated) and ILIKE compares lower-cased text.
 */
export function compareColumn(
  eb: ExpressionBuilder<never, never>,
  dialect: Dialect,
  column: Expression<unknown>,
  comparator: Comparator,
  value: string | number | readonly string[],
): Expression<SqlBool> {
  switch (comparator) {
    case 'IN':
    case 'NOT IN': {
      const list = Array.isArray(value) ? value : [String(value)];
      // An empty list (every value dropped, e.g. upper-case run ids) matches nothing.
      if (list.length === 0) return comparator === 'IN' ? sql<SqlBool>`1 = 0` : sql<SqlBool>`1 = 1`;
      return eb(column as never, comparator === 'IN' ? 'in' : 'not in', list as never);
    }
    case 'LIKE':
      return dialect === 'postgres' ? sql<SqlBool>`${column} like ${String(value)}` : sql<SqlBool>`${column} glob ${likeToGlob(String(value))}`;
    case 'ILIKE':
      return dialect === 'postgres' ? sql<SqlBool>`${column} ilike ${String(value)}` : sql<SqlBool>`lower(${column}) like lower(${String(value)})`;
    default:
      return sql<SqlBool>`${column} ${sql.raw(comparator)} ${value}`;
  }
}

/** `%` → `*`, `_` → `?`; GLOB's own wildcards in the text are bracketed so they match literally. */
export function likeToGlob(pattern: string): string {
  return pattern.replace(/[*?[%_]/g, (char) => ({ '*': '[*]', '?': '[?]', '[': '[[]', '%': '*', _: '?' })[char] as string);
}
