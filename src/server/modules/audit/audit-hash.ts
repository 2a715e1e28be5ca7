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

/**
 * The stored columns in the order their names sort, which is the key order of the hash material,
 * then `hash`: row-by-row chain scans read rows as arrays in this order (no row objects, see
 * selectArrays), and the database encodes JSON Lines records with their members in it (jsonLineSql).
 */
export const chainColumns = [
  'action', 'actor_id', 'actor_name', 'actor_via', 'after_json', 'before_json', 'client_ip', 'entity_id', 'entity_type',
  'justification', 'occurred_at', 'prev_hash', 'request_id', 'seq', 'hash',
] as const;

export type HashedRow = [
  action: string, actor_id: number | null, actor_name: string, actor_via: string, after_json: string | null, before_json: string | null,
  client_ip: string | null, entity_id: string, entity_type: string, justification: string | null, occurred_at: number, prev_hash: string,
  request_id: string | null, seq: number,
];
/** A stored row: its hashed columns, then `hash`, then whatever else a scan selects after them. */
export type ChainRow = [...HashedRow, hash: string, ...more: unknown[]];
/** Positions in a ChainRow (see chainColumns). */
export const chainAt = { occurredAt: 10, prevHash: 11, seq: 13, hash: 14 } as const;

export const hashedRowOf = (e: HashedColumns): HashedRow => [
  e.action, e.actor_id ?? null, e.actor_name, e.actor_via, e.after_json ?? null, e.before_json ?? null, e.client_ip ?? null, e.entity_id,
  e.entity_type, e.justification ?? null, e.occurred_at, e.prev_hash, e.request_id ?? null, e.seq,
];

/**
 * The hash input: the canonical JSON of every stored column except `hash`, under their snake_case
 * names. Every column is a string, a number or null, so one JSON.stringify of an object built with
 * its keys in sorted order produces exactly what `canonicalJson` would, several times faster
 * (verification reads a million rows). A test checks the two agree.
 */
export function rowMaterial(r: HashedRow | ChainRow): string {
  return JSON.stringify({
    action: r[0],
    actor_id: r[1],
    actor_name: r[2],
    actor_via: r[3],
    after_json: r[4],
    before_json: r[5],
    client_ip: r[6],
    entity_id: r[7],
    entity_type: r[8],
    justification: r[9],
    occurred_at: r[10],
    prev_hash: r[11],
    request_id: r[12],
    seq: r[13],
  });
}

export const hashMaterial = (e: HashedColumns): string => rowMaterial(hashedRowOf(e));

export const sha256Hex = (material: string): string => hash('sha256', material, 'hex');

/**
 * SHA-256 (hex) of `hashMaterial(event)` (UTF-8). `before_json`/`after_json` are hashed as the
 * stored strings. The README documents this so an auditor can recompute it from an export.
 */
export function hashEvent(event: HashedColumns): string {
  return sha256Hex(hashMaterial(event));
}

/** HMAC-SHA256 (hex, keyed with the app secret) of a checkpoint's canonical JSON. */
export function signCheckpoint(secret: string, checkpoint: { kind: string; seq: number; hash: string; created_at: number }): string {
  const { kind, seq, hash: eventHash, created_at } = checkpoint;
  return createHmac('sha256', secret).update(canonicalJson({ kind, seq, hash: eventHash, created_at })).digest('hex');
}
