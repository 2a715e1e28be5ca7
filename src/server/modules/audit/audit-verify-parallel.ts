import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { DatabaseHandle } from '../../db/database';
import type { RangeResult } from './audit-verify-range';
import { linkProblem } from './audit-verify-range';
import type { RangeJob } from './audit-verify-worker';
import { chainRangeQuery } from './audit.repository';

type Range = RangeJob['range'];

/** Below this many events per range, a worker (about half a CPU second to start) does not pay. */
const minEventsPerRange = 250_000;

/**
 * How many ranges to verify at once: one per core for a long chain in a SQLite file (workers
 * open their own read-only connections to it), else one. `requested` overrides the sizing.
 */
export function rangeCount(database: DatabaseHandle, events: number, requested?: number): number {
  if (!database.sqlite || database.sqlite.memory) return 1;
  return Math.max(1, requested ?? Math.min(availableParallelism(), Math.floor(events / minEventsPerRange)));
}

/** Splits (afterSeq, toSeq] into `count` consecutive ranges; the last one is open-ended (events appended meanwhile). */
export function splitRange(afterSeq: number, toSeq: number, count: number): [Range, ...Range[]] {
  const size = Math.ceil((toSeq - afterSeq) / count);
  const rangeAt = (i: number): Range => ({ afterSeq: afterSeq + i * size, toSeq: i === count - 1 ? Number.MAX_SAFE_INTEGER : afterSeq + (i + 1) * size });
  return [rangeAt(0), ...Array.from({ length: count - 1 }, (_, i) => rangeAt(i + 1))];
}

/** Verifies a range (with no trusted start) in a worker thread. */
export function verifyRangeInWorker(database: DatabaseHandle, range: Range): Promise<RangeResult> {
  const file = database.sqlite?.name;
  if (!file) return Promise.reject(new Error('only a SQLite file can be verified in a worker'));
  const job: RangeJob = { file, sql: chainRangeQuery(database.db, 0, 0, 0).compile().sql, range };
  return new Promise((resolve, reject) => {
    const worker = new Worker(new URL('./audit-verify-worker.mjs', import.meta.url), { workerData: job });
    worker.once('message', resolve);
    worker.once('error', reject);
    worker.once('exit', (code) => reject(new Error(`the verification worker exited with code ${code} before answering`)));
  });
}

/**
 * Joins the results of consecutive ranges into the result of one pass over all of them: each
 * range's first event must follow where the range before it ended, and the first problem wins.
 */
export function joinRanges([first, ...rest]: [RangeResult, ...RangeResult[]]): RangeResult {
  let joined = first;
  for (const next of rest) {
    if (joined.broken || !joined.last) break;
    const link = next.first && linkProblem(joined.last, next.first.seq, next.first.prevHash);
    if (next.first && link) return { ...joined, broken: { seq: next.first.seq, reason: link } };
    joined = { checked: joined.checked + next.checked, first: joined.first, last: next.last ?? joined.last, broken: next.broken };
  }
  return joined;
}
