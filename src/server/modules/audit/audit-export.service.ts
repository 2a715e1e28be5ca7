import type { ExportReport } from '../../../shared/contract/audit';
import type { DatabaseHandle } from '../../db/database';
import type { AuditFilters } from './audit-filters.repository';
import { csvHeader, csvLine, jsonLine } from './audit-export-format';
import { boundarySeq, scanBatch } from './audit-export.repository';
import { genesisHash, hashEvent } from './audit-hash';
import { eventHashAt, latestCheckpoint } from './audit-retention.repository';
import { readHead } from './audit.repository';

const batchSize = 500;

export const howToVerify =
  'Export as JSON Lines and run `npm run sextant -- audit verify-export <file>`, or re-implement it: for each event line, ' +
  'SHA-256 (hex) of the canonical JSON (keys sorted, no whitespace) of every field but `hash` must equal `hash`, and each ' +
  "event's prev_hash must equal the hash of the event with the previous seq. Compare the last hash with head.hash. See the README.";

/**
 * Streams the filtered events as CSV or JSON Lines, from a keyset cursor: memory stays flat at
 * any size, and a consumer that reads slowly (backpressure) simply pauses the generator. While it
 * streams, it verifies the chain over every event from the first to the last exported one; JSON
 * Lines end with one `{"verification_report": …}` line (CSV readers fetch the report separately).
 */
export async function* exportEvents(database: DatabaseHandle, filters: AuditFilters, format: 'csv' | 'jsonl', filterLabels: Record<string, string>) {
  if (format === 'csv') yield csvHeader;
  const encode = format === 'csv' ? csvLine : jsonLine;
  const report = yield* scanAndVerify(database, filters, filterLabels, (rows) => rows.map(encode).join(''));
  if (format === 'jsonl') yield `${JSON.stringify({ verification_report: report })}\n`;
}

/** The report alone: the same scan without the output. */
export async function exportReport(database: DatabaseHandle, filters: AuditFilters, filterLabels: Record<string, string>): Promise<ExportReport> {
  const scan = scanAndVerify(database, filters, filterLabels, () => '');
  for (;;) {
    const next = await scan.next();
    if (next.done) return next.value;
  }
}

async function* scanAndVerify(
  database: DatabaseHandle,
  filters: AuditFilters,
  filterLabels: Record<string, string>,
  render: (rows: Parameters<typeof csvLine>[0][]) => string,
): AsyncGenerator<string, ExportReport> {
  const { db, dialect } = database;
  const head = await readHead(db);
  const fromSeq = await boundarySeq(db, dialect, filters, 'first');
  const toSeq = fromSeq === null ? null : await boundarySeq(db, dialect, filters, 'last');
  const report = (exported: number, checked: number, broken: ExportReport['chain']['broken']): ExportReport => ({
    generatedAt: new Date().toISOString(),
    filters: filterLabels,
    exported,
    range: fromSeq === null || toSeq === null ? null : { fromSeq, toSeq },
    chain: { ok: broken === null, checked, broken },
    head,
    howToVerify,
  });
  if (fromSeq === null || toSeq === null) return report(0, 0, null);

  let previous = { seq: fromSeq - 1, hash: await hashBefore(database, fromSeq) };
  let broken: ExportReport['chain']['broken'] = previous.hash === null ? { seq: fromSeq, reason: `event ${fromSeq - 1} before it is missing` } : null;
  let exported = 0;
  let checked = 0;
  for (;;) {
    const rows = await scanBatch(db, dialect, filters, { afterSeq: previous.seq, toSeq }, batchSize);
    if (rows.length === 0) break;
    const matching = [];
    for (const row of rows) {
      if (!broken) {
        if (row.seq !== previous.seq + 1) broken = { seq: row.seq, reason: `event ${previous.seq + 1} is missing (next present is ${row.seq})` };
        else if (previous.hash !== null && row.prev_hash !== previous.hash) broken = { seq: row.seq, reason: 'its prev_hash does not match the hash of the event before it' };
        else if (hashEvent(row) !== row.hash) broken = { seq: row.seq, reason: 'its content does not match its hash (the row was altered)' };
        else checked += 1;
      }
      previous = { seq: row.seq, hash: row.hash };
      if (Number(row.matches) === 1) matching.push(row);
    }
    exported += matching.length;
    if (matching.length > 0) yield render(matching);
    if (rows.length < batchSize) break;
  }
  return report(exported, checked, broken);
}

/** The hash the first event of the range must link to: genesis, the event before, or the retention checkpoint. */
async function hashBefore(database: DatabaseHandle, fromSeq: number): Promise<string | null> {
  if (fromSeq === 1) return genesisHash;
  const before = await eventHashAt(database.db, fromSeq - 1);
  if (before) return before.hash;
  const retention = await latestCheckpoint(database.db, 'retention');
  return retention?.seq === fromSeq - 1 ? retention.hash : null;
}
