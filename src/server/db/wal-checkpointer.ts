import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';

/**
 * WAL checkpoints on a worker thread with its own connection, so the server's event loop never
 * waits for their fsyncs.
 *
 * In WAL mode every commit appends pages to the -wal file; a checkpoint copies them back into the
 * database file, with an fsync of the WAL before and of the database after (synchronous=NORMAL).
 * SQLite's automatic checkpoint runs inside the committing call, on the server's only thread: with
 * the default threshold (1,000 pages, about 100 audited writes) and ~6 ms per fsync on this kind of
 * disk, the server stalled for 20–30 ms every few dozen milliseconds under a write load.
 *
 * The worker runs PASSIVE checkpoints (they never block readers or writers) a few milliseconds
 * apart while there is work, so the database file stays current and each fsync is small. Durability
 * is unchanged: commits still reach the WAL before they are acknowledged, and checkpoints sync
 * exactly as before, only elsewhere.
 *
 * A WAL restarts from its beginning only after a checkpoint has caught up completely, which a
 * continuous stream of commits prevents (a round takes two fsyncs; commits come every millisecond);
 * the main connection therefore keeps SQLite's automatic checkpoint, at `walAutocheckpointPages`,
 * as the backstop that bounds the file. It finds the work already done but still pays the two
 * fsyncs on the event loop, so the threshold is high: under a continuous audited-write load it
 * fires every few seconds (~6,000 writes) rather than every ~1,500, which kept it in the p99.
 * Readers only search the WAL frames newer than the last checkpoint, so a long WAL that is
 * checkpointed does not slow them. If the worker dies, the backstop is all that is left, exactly
 * as SQLite behaves by default with a larger threshold.
 */
export const walAutocheckpointPages = 65_536; // 256 MiB with 4 KiB pages
/** After a restart the WAL file is cut back to this, so a burst does not keep its disk space. */
export const walSizeLimitBytes = 64 * 1024 * 1024;

const workerSource = `
const { parentPort, workerData } = require('node:worker_threads');
const Database = require(workerData.driver);
const db = new Database(workerData.file);
// Never wait for a lock: a busy checkpoint is simply retried on the next round.
db.pragma('busy_timeout = 0');
db.pragma('synchronous = NORMAL');
let timer;
const round = () => {
  let pending = false;
  try {
    const [result] = db.pragma('wal_checkpoint(PASSIVE)');
    pending = result.busy !== 0 || result.checkpointed < result.log;
  } catch {
    pending = true; // SQLITE_BUSY and the like: try again shortly
  }
  // New frames arrive while a round runs; keep up with them, then idle.
  timer = setTimeout(round, pending ? workerData.busyDelayMs : workerData.idleDelayMs);
};
timer = setTimeout(round, workerData.idleDelayMs);
parentPort.on('message', () => {
  clearTimeout(timer);
  db.close();
  parentPort.close();
});
`;

export interface WalCheckpointer {
  stop(): void;
}

export function startWalCheckpointer(file: string, options: { busyDelayMs?: number; idleDelayMs?: number } = {}): WalCheckpointer {
  const driver = createRequire(import.meta.url).resolve('better-sqlite3');
  const worker = new Worker(workerSource, {
    eval: true,
    workerData: { file, driver, busyDelayMs: options.busyDelayMs ?? 2, idleDelayMs: options.idleDelayMs ?? 100 },
  });
  // The backstop covers for a worker that fails; it must never take the server down with it.
  worker.on('error', () => {});
  worker.unref();
  return { stop: () => worker.postMessage('stop') };
}
