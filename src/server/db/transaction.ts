import { CompiledQuery } from 'kysely';
import type { DatabaseHandle, Db } from './database';

// Compiled once: every audited mutation runs these.
const begin = CompiledQuery.raw('begin immediate');
const commit = CompiledQuery.raw('commit');
const rollback = CompiledQuery.raw('rollback');

/**
 * Runs `work` in one transaction and returns its result; rolls back if it throws.
 * On SQLite the transaction starts with BEGIN IMMEDIATE so it holds the write lock from the first
 * statement: a read-then-write transaction can then never fail half-way because another process
 * (the CLI, a second server) wrote in between.
 */
export async function inTransaction<T>(handle: DatabaseHandle, work: (tx: Db) => Promise<T>): Promise<T> {
  if (handle.dialect === 'postgres') {
    return handle.db.transaction().execute((trx) => work(trx));
  }
  return handle.db.connection().execute(async (conn) => {
    await conn.executeQuery(begin);
    try {
      const result = await work(conn);
      await conn.executeQuery(commit);
      return result;
    } catch (error) {
      await conn.executeQuery(rollback);
      throw error;
    }
  });
}
