import { sql } from 'kysely';
import type { DatabaseHandle, Db } from './database';

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
    await sql`begin immediate`.execute(conn);
    try {
      const result = await work(conn);
      await sql`commit`.execute(conn);
      return result;
    } catch (error) {
      await sql`rollback`.execute(conn);
      throw error;
    }
  });
}
