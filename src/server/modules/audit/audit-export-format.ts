import type { AuditEventRow } from './audit.tables';

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

export function csvLine(row: AuditEventRow): string {
  const values: Array<string | number | null> = [
    row.seq, new Date(row.occurred_at).toISOString(), row.occurred_at, row.actor_id, row.actor_name, row.actor_via, row.action,
    row.entity_type, row.entity_id, row.before_json, row.after_json, row.justification, row.request_id, row.client_ip, row.prev_hash, row.hash,
  ];
  return `${values.map(csvField).join(',')}\r\n`;
}

/** One JSON Lines record: the stored row exactly as hashed (see hashMaterial), plus `hash`. */
export function jsonLine(row: AuditEventRow): string {
  const { seq, occurred_at, actor_id, actor_name, actor_via, action, entity_type, entity_id, before_json, after_json, justification, request_id, client_ip, prev_hash, hash } = row;
  return `${JSON.stringify({ seq, occurred_at, actor_id, actor_name, actor_via, action, entity_type, entity_id, before_json, after_json, justification, request_id, client_ip, prev_hash, hash })}\n`;
}
