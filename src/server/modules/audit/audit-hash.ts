import { createHash } from 'node:crypto';
import type { AuditEventRow } from './audit.tables';

/** The hash of the (non-existent) event before the first one. */
export const genesisHash = '0'.repeat(64);

/**
 * JSON with object keys sorted at every level and no whitespace, so the same value always encodes
 * to the same bytes. `undefined` members are dropped; non-finite numbers encode as null (as JSON).
 */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value ?? null);
  if (Array.isArray(value)) return `[${value.map((v) => canonicalJson(v === undefined ? null : v)).join(',')}]`;
  const entries = Object.keys(value)
    .filter((k) => (value as Record<string, unknown>)[k] !== undefined)
    .sort()
    .map((k) => `${JSON.stringify(k)}:${canonicalJson((value as Record<string, unknown>)[k])}`);
  return `{${entries.join(',')}}`;
}

/**
 * SHA-256 (hex) over the canonical JSON of every stored column except `hash` itself, with the
 * columns under their snake_case names. `before_json`/`after_json` are hashed as the stored strings.
 * The README documents this so an auditor can recompute it from an export.
 */
export function hashEvent(event: Omit<AuditEventRow, 'hash'>): string {
  const material = canonicalJson({
    seq: event.seq,
    occurred_at: event.occurred_at,
    actor_id: event.actor_id,
    actor_name: event.actor_name,
    actor_via: event.actor_via,
    action: event.action,
    entity_type: event.entity_type,
    entity_id: event.entity_id,
    before_json: event.before_json,
    after_json: event.after_json,
    justification: event.justification,
    request_id: event.request_id,
    client_ip: event.client_ip,
    prev_hash: event.prev_hash,
  });
  return createHash('sha256').update(material).digest('hex');
}
