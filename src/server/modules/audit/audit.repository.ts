import { sql } from 'kysely';
import type { DatabaseHandle, Db } from '../../db/database';
import { preparedQuery } from '../../db/prepared-query';
import { selectArrays } from '../../db/select-arrays';
import { type ChainRow, chainColumns } from './audit-hash';
import type { AuditEventRow } from './audit.tables';

/**
 * Advances the chain head by one and returns the new sequence number with the previous hash.
 * Being an UPDATE, it takes the row lock (PostgreSQL) or the write lock (SQLite) first, so
 * concurrent appends queue up and each one links to the event before it.
 * Every audited mutation runs these statements, so they are compiled once (see preparedQuery).
 */
const advanceHead = preparedQuery((tx) =>
  tx
    .updateTable('audit_head')
    .set({ seq: sql`seq + 1` })
    .where('id', '=', 1)
    .returning(['seq', 'hash']),
);

export async function claimNextSeq(tx: Db): Promise<{ seq: number; hash: string }> {
  const [head] = await advanceHead(tx, {});
  if (!head) throw new Error('audit_head has no row; the audit migration did not run');
  return head;
}

const insertEventRow = preparedQuery((tx, e: AuditEventRow) =>
  tx.insertInto('audit_events').values({
    seq: e.seq,
    occurred_at: e.occurred_at,
    actor_id: e.actor_id,
    actor_name: e.actor_name,
    actor_via: e.actor_via,
    action: e.action,
    entity_type: e.entity_type,
    entity_id: e.entity_id,
    before_json: e.before_json,
    after_json: e.after_json,
    justification: e.justification,
    request_id: e.request_id,
    client_ip: e.client_ip,
    prev_hash: e.prev_hash,
    hash: e.hash,
  }),
);

const setHeadHash = preparedQuery((tx, args: { hash: string }) => tx.updateTable('audit_head').set({ hash: args.hash }).where('id', '=', 1));

export async function insertEvent(tx: Db, event: AuditEventRow): Promise<void> {
  await insertEventRow(tx, event);
  await setHeadHash(tx, { hash: event.hash });
}

export function readHead(db: Db) {
  return db.selectFrom('audit_head').select(['seq', 'hash']).where('id', '=', 1).executeTakeFirstOrThrow();
}

/** Events after `afterSeq` up to `upToSeq` in chain order, as arrays, one page at a time (keyset pagination). */
export function chainPage(database: DatabaseHandle, afterSeq: number, upToSeq: number, limit: number): Promise<ChainRow[]> {
  const query = database.db.selectFrom('audit_events').select(chainColumns).where('seq', '>', afterSeq).where('seq', '<=', upToSeq).orderBy('seq').limit(limit);
  return selectArrays(database, query) as Promise<ChainRow[]>;
}
