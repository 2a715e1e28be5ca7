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
 * Text as the database stores it. A lone UTF-16 surrogate (JSON allows `"\ud800"`, so a
 * justification can carry one) has no UTF-8 form: both databases store U+FFFD instead, so the
 * event is hashed with that too, or it would never verify. (before/after are canonical JSON,
 * which escapes such a surrogate.)
 */
const storable = (text: string) => text.replace(/\p{Cs}/gu, '\ufffd');
const storableOrNull = (text: string | null) => (text === null ? null : storable(text));

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
    actor_name: storable(context.actor.name),
    actor_via: storable(context.actor.via),
    action: storable(entry.action),
    entity_type: storable(entry.entityType),
    entity_id: storable(entry.entityId),
    before_json: entry.before === undefined ? null : canonicalJson(entry.before),
    after_json: entry.after === undefined ? null : canonicalJson(entry.after),
    justification: storableOrNull(entry.justification ?? null),
    request_id: storableOrNull(context.requestId),
    client_ip: storableOrNull(context.clientIp),
    prev_hash: head.hash,
  };
  await insertEvent(tx, { ...event, hash: hashEvent(event) });
  return event.seq;
}
