import type { DatabaseHandle } from '../../db/database';
import { genesisHash } from './audit-hash';
import { joinRanges, rangeCount, splitRange, verifyRangeInWorker } from './audit-verify-parallel';
import { type ReadPage, verifyRange } from './audit-verify-range';
import { chainPage, readHead } from './audit.repository';

export interface VerifyResult {
  ok: boolean;
  /** Events checked. */
  checked: number;
  lastSeq: number;
  /** The first broken link, if any. */
  broken: { seq: number; reason: string } | null;
}

/**
 * Recomputes the chain from `from.seq` (after a trusted `from.hash`) to the head and reports the
 * first event whose hash, link or sequence number does not match. Reads keyset pages of rows as
 * arrays, so memory stays flat at any size. A long chain in a SQLite file is split into one range
 * per core: worker threads verify the later ranges while this thread verifies the first, and the
 * results are joined as if read in one pass. For tests, `ranges` sets the split and
 * `workers: false` verifies the later ranges on this thread, as when a worker cannot start.
 */
export async function verifyAuditChain(
  database: DatabaseHandle,
  from: { seq: number; hash: string } = { seq: 0, hash: genesisHash },
  options: { ranges?: number; workers?: boolean } = {},
): Promise<VerifyResult> {
  const read: ReadPage = (afterSeq, toSeq, limit) => chainPage(database, afterSeq, toSeq, limit);
  const expected = await readHead(database.db);
  const [first, ...later] = splitRange(from.seq, Math.max(expected.seq, from.seq), rangeCount(database, expected.seq - from.seq, options.ranges));
  // A worker that cannot start or fails leaves its range to this thread: slower, same answer.
  const inThisThread = (range: (typeof later)[number]) => verifyRange(read, range, null);
  const laterResults = later.map((range) => (options.workers === false ? inThisThread(range) : verifyRangeInWorker(database, range).catch(() => inThisThread(range))));
  const result = joinRanges([await verifyRange(read, first, from.hash), ...(await Promise.all(laterResults))]);

  const last = result.last ?? from;
  if (result.broken) return { ok: false, checked: result.checked, lastSeq: last.seq, broken: result.broken };
  const head = await readHead(database.db);
  if (head.seq !== last.seq || head.hash !== last.hash) {
    return {
      ok: false,
      checked: result.checked,
      lastSeq: last.seq,
      broken: { seq: last.seq + 1, reason: `the chain ends at ${last.seq} but the head says ${head.seq} (events were deleted)` },
    };
  }
  return { ok: true, checked: result.checked, lastSeq: last.seq, broken: null };
}
