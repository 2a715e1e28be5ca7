import type { Db } from '../../db/database';
import { canonicalJson, hashEvent } from './audit-hash';
import { claimNextSeq, insertEvent } from './audit.repository';

export interface Actor {
  id: number | null;
  name: string;
  /** How the actor authenticated: session, token:<id>, basic-password, basic-token:<id>, proxy, cli, system. */
  via: string;
}

/** Who did it and through which request; built once per request (see `auditContextOf`). */
export interface AuditContext {
  actor: Actor;
  requestId: string | null;
  clientIp: string | null;
}

export interface AuditEntry {
  action: string;
  entityType: string;
  entityId: string;
  /** State before and after the change. Never pass secrets or hashes of secrets. */
  before?: unknown;
  after?: unknown;
  justification?: string | null;
}

export const systemContext: AuditContext = { actor: { id: null, name: 'system', via: 'system' }, requestId: null, clientIp: null };

/**
 * Appends one event to the hash chain. Call it inside the transaction that makes the change
 * (`inTransaction`), so the change and its audit row commit or roll back together.
 *
 * Concurrent appends queue up on the chain head (see `claimNextSeq`), so the chain stays linear
 * across connections and replicas.
 */
export async function appendAudit(tx: Db, context: AuditContext, entry: AuditEntry): Promise<number> {
  const head = await claimNextSeq(tx);
  const event = {
    seq: head.seq,
    occurred_at: Date.now(),
    actor_id: context.actor.id,
    actor_name: context.actor.name,
    actor_via: context.actor.via,
    action: entry.action,
    entity_type: entry.entityType,
    entity_id: entry.entityId,
    before_json: entry.before === undefined ? null : canonicalJson(entry.before),
    after_json: entry.after === undefined ? null : canonicalJson(entry.after),
    justification: entry.justification ?? null,
    request_id: context.requestId,
    client_ip: context.clientIp,
    prev_hash: head.hash,
  };
  await insertEvent(tx, { ...event, hash: hashEvent(event) });
  return event.seq;
}
