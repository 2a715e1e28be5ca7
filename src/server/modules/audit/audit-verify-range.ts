import { setImmediate as nextTurn } from 'node:timers/promises';
import { type ChainRow, chainAt, rowMaterial, sha256Hex } from './audit-hash';

/** Reads the events with afterSeq < seq <= toSeq, in chain order, at most `limit`. */
export type ReadPage = (afterSeq: number, toSeq: number, limit: number) => Promise<ChainRow[]> | ChainRow[];

export interface RangeResult {
  /** Events verified before the first problem. */
  checked: number;
  /** The range's first event, whose link to the event before it the caller checks when the range had no trusted start. */
  first: { seq: number; prevHash: string } | null;
  /** How far the chain verified: the last good event, or the trusted start (null: neither). */
  last: { seq: number; hash: string } | null;
  broken: { seq: number; reason: string } | null;
}

const pageSize = 2000;

/** Why the event (seq, prevHash) does not follow `previous` in the chain (null: it does). A null hash skips the link check. */
export function linkProblem(previous: { seq: number; hash: string | null }, seq: number, prevHash: string): string | null {
  if (seq !== previous.seq + 1) return `event ${previous.seq + 1} is missing (next present is ${seq})`;
  if (previous.hash !== null && prevHash !== previous.hash) return 'its prev_hash does not match the hash of the event before it';
  return null;
}

/** Why the row's stored hash is wrong (null: it is right); `material` is the row's hash material. */
export function contentProblem(row: ChainRow, material: string): string | null {
  return sha256Hex(material) === row[chainAt.hash] ? null : 'its content does not match its hash (the row was altered)';
}

/**
 * Verifies the events in (afterSeq, toSeq] page by page and stops at the first problem. With the
 * trusted hash of event `afterSeq` it checks every link; without one (a range verified alongside
 * the ranges before it) it checks only the first event's content and returns that event, so the
 * caller can check its link once the range before is done. Lets other work run between pages.
 */
export async function verifyRange(read: ReadPage, range: { afterSeq: number; toSeq: number }, trustedHash: string | null): Promise<RangeResult> {
  let last = trustedHash === null ? null : { seq: range.afterSeq, hash: trustedHash };
  let first: RangeResult['first'] = null;
  let checked = 0;
  let afterSeq = range.afterSeq;
  for (;;) {
    const rows = await read(afterSeq, range.toSeq, pageSize);
    for (const row of rows) {
      first ??= { seq: row[chainAt.seq], prevHash: row[chainAt.prevHash] };
      const problem = (last && linkProblem(last, row[chainAt.seq], row[chainAt.prevHash])) || contentProblem(row, rowMaterial(row));
      if (problem) return { checked, first, last, broken: { seq: row[chainAt.seq], reason: problem } };
      last = { seq: row[chainAt.seq], hash: row[chainAt.hash] };
      checked += 1;
    }
    const lastRow = rows.at(-1);
    if (rows.length < pageSize || !lastRow) break;
    afterSeq = lastRow[chainAt.seq];
    await nextTurn();
  }
  return { checked, first, last, broken: null };
}
