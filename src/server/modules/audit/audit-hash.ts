import { createHmac, hash } from 'node:crypto';
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

type HashedColumns = Omit<AuditEventRow, 'hash'>;

/** Every stored column but `hash`, in sorted order (what canonicalJson would produce). */
const hashedColumns = (
  ['seq', 'occurred_at', 'actor_id', 'actor_name', 'actor_via', 'action', 'entity_type', 'entity_id', 'before_json', 'after_json',
    'justification', 'request_id', 'client_ip', 'prev_hash'] as const
).toSorted();

/**
 * The hash input: the canonical JSON of every stored column except `hash`, under their snake_case
 * names. Every column is a string, a number or null, so this flat loop produces exactly what
 * `canonicalJson` would, several times faster (verification reads a million rows).
 */
export function hashMaterial(event: HashedColumns): string {
  let out = '{';
  for (let i = 0; i < hashedColumns.length; i++) {
    const column = hashedColumns[i] as (typeof hashedColumns)[number];
    out += `${i === 0 ? '' : ','}"${column}":${JSON.stringify(event[column] ?? null)}`;
  }
  return `${out}}`;
}

/**
 * SHA-256 (hex) of `hashMaterial(event)` (UTF-8). `before_json`/`after_json` are hashed as the
 * stored strings. The README documents this so an auditor can recompute it from an export.
 */
export function hashEvent(event: HashedColumns): string {
  return hash('sha256', hashMaterial(event), 'hex');
}

/** HMAC-SHA256 (hex, keyed with the app secret) of a checkpoint's canonical JSON. */
export function signCheckpoint(secret: string, checkpoint: { kind: string; seq: number; hash: string; created_at: number }): string {
  const { kind, seq, hash: eventHash, created_at } = checkpoint;
  return createHmac('sha256', secret).update(canonicalJson({ kind, seq, hash: eventHash, created_at })).digest('hex');
}
