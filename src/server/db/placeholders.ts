import type { Dialect } from './database';

/**
 * Parameter placeholders for SQL written out by hand (`?` on SQLite, `$n` on PostgreSQL, numbered
 * after the `before` parameters that precede them). Hot statements with thousands of parameters
 * are written this way: compiling them through Kysely's query builder cost more than running them.
 */
export function placeholders(dialect: Dialect, count: number, before = 0): string[] {
  return Array.from({ length: count }, (_, i) => (dialect === 'postgres' ? `$${before + i + 1}` : '?'));
}
