import type { Utf8Chunk } from '../../http/utf8-chunk';
import { type ChainRow, chainAt } from './audit-hash';

/** The CSV columns: every stored column (occurred_at both as ISO and as the hashed milliseconds). */
export const csvColumns = [
  'seq', 'occurred_at_iso', 'occurred_at', 'actor_id', 'actor_name', 'actor_via', 'action', 'entity_type', 'entity_id',
  'before_json', 'after_json', 'justification', 'request_id', 'client_ip', 'prev_hash', 'hash',
] as const;

export const csvHeader = `${csvColumns.join(',')}\r\n`;

/**
 * One CSV field (RFC 4180). Text starting with = + - @ or a control character is prefixed with `'`
 * so a spreadsheet shows it instead of running it as a formula; the JSONL export is the exact one.
 */
export function csvField(value: string | number | null): string {
  if (value === null) return '';
  if (typeof value === 'number') return String(value);
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}

export function appendCsvLine(out: Utf8Chunk, row: ChainRow): void {
  const [action, actorId, actorName, actorVia, afterJson, beforeJson, clientIp, entityId, entityType, justification, occurredAt, prevHash, requestId, seq, hash] = row;
  const values = [
    seq, new Date(occurredAt).toISOString(), occurredAt, actorId, actorName, actorVia, action, entityType, entityId,
    beforeJson, afterJson, justification, requestId, clientIp, prevHash, hash,
  ];
  out.append(`${values.map(csvField).join(',')}\r\n`);
}

/**
 * One JSON Lines record: the row's hash material (the stored columns, keys sorted, see
 * rowMaterial) with `hash` added as its last member, so each row is JSON-encoded only once.
 */
export function appendJsonLine(out: Utf8Chunk, row: ChainRow, material: string): void {
  out.append(material);
  out.dropLast(1); // the material's closing brace
  out.append(`,"hash":${JSON.stringify(row[chainAt.hash])}}\n`);
}
