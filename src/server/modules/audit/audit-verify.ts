import { setImmediate as nextTurn } from 'node:timers/promises';
import type { DatabaseHandle } from '../../db/database';
import { type ChainRow, chainAt, genesisHash, rowMaterial, sha256Hex } from './audit-hash';
import { checkLines } from './audit-lines';
import { linesPage } from './audit-lines.repository';
import { chainPage, readHead } from './audit.repository';

export interface VerifyResult {
  ok: boolean;
  /** Events checked. */
  checked: number;
  lastSeq: number;
  /** The first broken link, if any. */
  broken: { seq: number; reason: string } | null;
}

export const pageSize = 2000;

/**
 * Why `row` does not continue the chain after `previous` (null: it does). `material` is the row's
 * hash material; the export reuses it for its JSON Lines, so it is computed once per row.
 * A null `previous.hash` (unknown) skips the link check only.
 */
export function chainProblem(previous: { seq: number; hash: string | null }, row: ChainRow, material: string): string | null {
  const seq = row[chainAt.seq];
  if (seq !== previous.seq + 1) return `event ${previous.seq + 1} is missing (next present is ${seq})`;
  if (previous.hash !== null && row[chainAt.prevHash] !== previous.hash) return 'its prev_hash does not match the hash of the event before it';
  if (sha256Hex(material) !== row[chainAt.hash]) return 'its content does not match its hash (the row was altered)';
  return null;
}

/**
 * The fast path: the next `pageSize` events as one buffer of records the database encoded, all
 * checked at once (checkLines). Null unless the page holds every seq of its range and every
 * record checks out; a query error (json_object refuses a BLOB someone stored) counts as that too,
 * since the row-by-row path that follows reads the same rows and reports what is wrong.
 */
export async function checkedPage(database: DatabaseHandle, previous: { seq: number; hash: string }, toSeq: number, filters: Parameters<typeof linesPage>[2]) {
  const range = { afterSeq: previous.seq, toSeq: Math.min(toSeq, previous.seq + pageSize) };
  const page = await linesPage(database, range, filters).catch(() => null);
  if (!page || page.rows !== range.toSeq - range.afterSeq) return null;
  const last = checkLines(page.lines, page.rows, previous);
  return last && { ...page, last };
}

/**
 * Recomputes the chain from `fromSeq` (after a trusted `fromHash`) to the head and reports the
 * first event whose hash, link or sequence number does not match. Reads a page at a time, so
 * memory stays flat at any size; between pages it lets other requests run. The head is read
 * first: events appended while it runs are left for the next verification, rather than making
 * the chain look longer than the head it is compared with. Each page is checked on the fast path
 * (checkedPage); a page it cannot vouch for is read again as rows and checked one by one.
 */
export async function verifyAuditChain(database: DatabaseHandle, from: { seq: number; hash: string } = { seq: 0, hash: genesisHash }): Promise<VerifyResult> {
  const head = await readHead(database.db);
  let previous = from;
  let checked = 0;
  while (previous.seq < head.seq) {
    const page = await checkedPage(database, previous, head.seq, null);
    if (page) {
      previous = page.last;
      checked += page.rows;
    } else {
      const rows = await chainPage(database, previous.seq, head.seq, pageSize);
      for (const row of rows) {
        const problem = chainProblem(previous, row, rowMaterial(row));
        if (problem) return { ok: false, checked, lastSeq: previous.seq, broken: { seq: row[chainAt.seq], reason: problem } };
        previous = { seq: row[chainAt.seq], hash: row[chainAt.hash] };
        checked += 1;
      }
      if (rows.length < pageSize) break;
    }
    await nextTurn();
  }
  if (head.seq !== previous.seq || head.hash !== previous.hash) {
    return {
      ok: false,
      checked,
      lastSeq: previous.seq,
      broken: { seq: previous.seq + 1, reason: `the chain ends at ${previous.seq} but the head says ${head.seq} (events were deleted)` },
    };
  }
  return { ok: true, checked, lastSeq: previous.seq, broken: null };
}
