import type { AsOfEntity } from '../../../shared/contract/audit';
import type { Db } from '../../db/database';
import { entityEventsThrough, lastSeqAt, latestEventPerEntity, toAuditEvent } from './audit-query.repository';

/**
 * "As of T", generically: for each entity of the asked types, the state recorded by its latest
 * event at or before T (that event's `after`; entities whose latest event has no `after`, such as
 * a removed alias, did not exist then and are left out). Found per entity through the
 * (entity_type, entity_id, seq) index, never by replaying the log.
 *
 * Deployments (`<model>/<environment>`, after = {stableVersion, canaryVersion, canaryWeight,
 * status, requestId}) also carry the events of the promotion request named by `requestId`, up to
 * T: who requested, who approved, which gates passed.
 */
export async function stateAsOf(db: Db, atMs: number, types: readonly string[]) {
  const at = new Date(atMs).toISOString();
  const throughSeq = await lastSeqAt(db, atMs);
  if (throughSeq === null) return { at, throughSeq, entities: [] };
  const entities: AsOfEntity[] = [];
  for (const type of new Set(types)) {
    for (const row of await latestEventPerEntity(db, type, throughSeq)) {
      const event = toAuditEvent(row);
      if (event.after === null) continue;
      entities.push({ entityType: type, entityId: row.entity_id, state: event.after, event, promotion: await promotionOf(db, event.after, type, throughSeq) });
    }
  }
  return { at, throughSeq, entities };
}

async function promotionOf(db: Db, state: unknown, type: string, throughSeq: number) {
  if (type !== 'deployment' || typeof state !== 'object' || state === null) return null;
  const requestId = (state as { requestId?: unknown }).requestId;
  if ((typeof requestId !== 'string' && typeof requestId !== 'number') || requestId === '') return null;
  const events = await entityEventsThrough(db, 'promotion-request', String(requestId), throughSeq);
  return { requestId: String(requestId), events: events.map(toAuditEvent) };
}
