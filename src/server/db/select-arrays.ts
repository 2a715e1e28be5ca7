import type { Compilable } from 'kysely';
import type { DatabaseHandle } from './database';

/**
 * Runs a read and returns each row as an array of its selected columns, in select order. For
 * scans of many rows (the audit CSV export reads a million): on SQLite, better-sqlite3's
 * raw mode builds no row objects at all, which roughly halves the cost of reading a row. The read
 * holds Kysely's connection lock like any other query, so it never sees a transaction that
 * another request has open on the same connection.
 */
export async function selectArrays(handle: DatabaseHandle, query: Compilable): Promise<unknown[][]> {
  const compiled = query.compile();
  const { sqlite } = handle;
  if (!sqlite) return (await handle.db.executeQuery<Record<string, unknown>>(compiled)).rows.map((row) => Object.values(row));
  return handle.db.connection().execute(async () => sqlite.prepare(compiled.sql).raw(true).all(compiled.parameters) as unknown[][]);
}
