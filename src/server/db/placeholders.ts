import type { Dialect } from './database';

/**
 * Parameter placeholders for SQL written out by hand (`?` on SQLite, `$n` on PostgreSQL, numbered
 * after the `before` parameters that precede them). Hot statements with thousands of parameters
 * are written this way: compiling them through Kysely's query builder cost more than running them.
 */
export function placeholders(dialect: Dialect, count: number, before = 0): string[] {
  return Array.from({ length: count }, (_, i) => (dialect === 'postgres' ? `$${before + i + 1}` : '?'));
}

/**
 * A subquery (one column, `value`) of the integers in one parameter bound to
 * `JSON.stringify(list)`, for `x in (…)` over thousands of values: one parameter and one statement
 * text whatever the list's length, so the statement is prepared once and nothing per value is
 * allocated to bind it (SQLite seeks with it as fast as with a bound list).
 */
export function integerList(dialect: Dialect, placeholder: string): string {
  return dialect === 'postgres'
    ? `(select cast(value as bigint) from json_array_elements_text(cast(${placeholder} as json)) as list(value))`
    : `(select value from json_each(${placeholder}))`;
}
