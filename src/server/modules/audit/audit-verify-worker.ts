import SqliteDatabase from 'better-sqlite3';
import { parentPort, workerData } from 'node:worker_threads';
import type { ChainRow } from './audit-hash';
import { verifyRange } from './audit-verify-range';

/** What a verification worker is given: a SQLite file, `chainRangeQuery` compiled, and its range. */
export interface RangeJob {
  file: string;
  /** Its parameters are afterSeq, toSeq, limit. */
  sql: string;
  range: { afterSeq: number; toSeq: number };
}

// Verifies one range of the chain on its own read-only connection and posts its RangeResult.
const job = workerData as RangeJob;
const sqlite = new SqliteDatabase(job.file, { readonly: true, fileMustExist: true });
try {
  const page = sqlite.prepare(job.sql).raw(true);
  parentPort?.postMessage(await verifyRange((afterSeq, toSeq, limit) => page.all(afterSeq, toSeq, limit) as ChainRow[], job.range, null));
} finally {
  sqlite.close();
}
