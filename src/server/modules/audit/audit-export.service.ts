import type { ExportReport } from '../../../shared/contract/audit';
import type { DatabaseHandle } from '../../db/database';
import type { AuditFilters } from './audit-filters.repository';
import { Utf8Chunk } from '../../http/utf8-chunk';
import { appendCsvLine, appendJsonLine, csvHeader } from './audit-export-format';
import { boundarySeq, matchesAt, type ScannedRow, scanPage } from './audit-export.repository';
import { chainAt, genesisHash, rowMaterial } from './audit-hash';
import { eventHashAt, latestCheckpoint } from './audit-retention.repository';
import { matchingLines } from './audit-lines';
import { chainProblem, checkedPage, pageSize } from './audit-verify';
import { readHead } from './audit.repository';

export const howToVerify =
  'Export as JSON Lines and run `npm run sextant -- audit verify-export <file>`, or re-implement it: for each event line, ' +
  'SHA-256 (hex) of the canonical JSON (keys sorted, no whitespace) of every field but `hash` must equal `hash`, and each ' +
  "event's prev_hash must equal the hash of the event with the previous seq. Compare the last hash with head.hash. See the README.";

/** Appends one exported row to the chunk; `material` is its hash material, already computed by the scan. */
type Encode = (out: Utf8Chunk, row: ScannedRow, material: string) => void;
/** Ends a page of records as the database joined them (newlines between them only). */
const lastNewline = Buffer.from('\n');
/** Roughly the bytes of one JSON Lines record, to size a page's chunk. */
const bytesPerRow = 600;

/**
 * Streams the filtered events as CSV or JSON Lines, from a keyset cursor: memory stays flat at
 * any size, and a consumer that reads slowly (backpressure) simply pauses the generator. Each
 * chunk is a page of rows (about a megabyte) encoded straight into one buffer. While it streams,
 * it verifies the chain over every event from the first to the last exported one; JSON Lines end
 * with one `{"verification_report": …}` line (CSV readers fetch the report separately).
 */
export async function* exportEvents(database: DatabaseHandle, filters: AuditFilters, format: 'csv' | 'jsonl', filterLabels: Record<string, string>) {
  if (format === 'csv') yield csvHeader;
  const report = yield* scanAndVerify(database, filters, filterLabels, format);
  if (format === 'jsonl') yield `${JSON.stringify({ verification_report: report })}\n`;
}

/** The report alone: the same scan without the output. */
export async function exportReport(database: DatabaseHandle, filters: AuditFilters, filterLabels: Record<string, string>): Promise<ExportReport> {
  const scan = scanAndVerify(database, filters, filterLabels, null);
  for (;;) {
    const next = await scan.next();
    if (next.done) return next.value;
  }
}

/**
 * Pages are checked on verification's fast path (checkedPage), whose records are JSON Lines: a
 * clean page is sent as the database encoded it. CSV, and every page after a broken link (still
 * exported, no longer checked), go row by row.
 */
async function* scanAndVerify(database: DatabaseHandle, filters: AuditFilters, filterLabels: Record<string, string>, format: 'csv' | 'jsonl' | null): AsyncGenerator<Buffer, ExportReport> {
  const encode: Encode | null = format === 'csv' ? appendCsvLine : format === 'jsonl' ? appendJsonLine : null;
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
  while (previous.seq < toSeq) {
    const page = !broken && format !== 'csv' && previous.hash !== null ? await checkedPage(database, { seq: previous.seq, hash: previous.hash }, toSeq, filters) : null;
    if (page) {
      previous = page.last;
      checked += page.rows;
      if (page.matches === null) {
        exported += page.rows;
        if (encode) yield* [page.lines, lastNewline];
      } else {
        const out = matchingLines(page.lines, page.matches);
        exported += out.count;
        if (encode && out.count > 0) yield out.bytes;
      }
      continue;
    }
    const rows = await scanPage(database, filters, { afterSeq: previous.seq, toSeq }, pageSize);
    if (rows.length === 0) break;
    const chunk = encode ? new Utf8Chunk(rows.length * bytesPerRow) : null;
    for (const row of rows) {
      const material = rowMaterial(row);
      if (!broken) {
        const problem = chainProblem(previous, row, material);
        if (problem) broken = { seq: row[chainAt.seq], reason: problem };
        else checked += 1;
      }
      previous = { seq: row[chainAt.seq], hash: row[chainAt.hash] };
      if (Number(row[matchesAt]) === 1) {
        exported += 1;
        if (chunk && encode) encode(chunk, row, material);
      }
    }
    if (chunk && chunk.byteLength > 0) yield chunk.bytes();
    if (rows.length < pageSize) break;
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
