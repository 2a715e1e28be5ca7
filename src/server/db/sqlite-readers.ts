import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';
import type { BlobTarget } from './blob-arenas';

/**
 * Read-only SQLite connections on worker threads, for long reads whose statements are
 * independent (a chart's ten metric histories, 25,000 values).
 *
 * better-sqlite3 runs a statement on the calling thread: on the main connection ten 4 ms history
 * reads take 40 ms of one core, during which no other request is served. Here they run on the
 * readers side by side while the event loop stays free. In WAL mode a reader never blocks or
 * waits for the writer, and each statement sees every transaction committed before it started,
 * so a request still reads every write acknowledged before it.
 *
 * Workers start on first use, so a server that never draws a chart never pays for them. A
 * reader that dies fails its pending reads and is replaced on the next one.
 */
export interface SqliteReaders {
  all<Row>(sql: string, parameters: readonly unknown[]): Promise<Row[]>;
  /**
   * The blob in the first column of the first row (null when none), copied into `target` when it
   * fits (the answer is then a view of it) and otherwise handed over as a Buffer of its own.
   */
  blob(sql: string, parameters: readonly unknown[], target: BlobTarget): Promise<Buffer | null>;
  close(): void;
}

/**
 * Each reader's page cache: the pages of the histories it samples (~3 MB per 100,000-step run; a
 * reader takes about half of a chart's runs). Pages beyond it are copied in from the OS's cache.
 */
const readerCacheKiB = 20 * 1024;

const workerSource = `
const { parentPort, workerData } = require('node:worker_threads');
const Database = require(workerData.driver);
const db = new Database(workerData.file, { readonly: true, fileMustExist: true });
db.pragma('cache_size = -${readerCacheKiB}');
const statements = new Map();
const prepared = (sql) => {
  let statement = statements.get(sql);
  if (!statement) {
    if (statements.size >= 64) statements.clear();
    statements.set(sql, (statement = db.prepare(sql)));
  }
  return statement;
};
parentPort.on('message', (message) => {
  if (message === 'close') {
    db.close();
    parentPort.close();
    return;
  }
  const { id, sql, parameters, target } = message;
  try {
    if (target) return answerBlob(id, prepared(sql).raw(true).get(parameters)?.[0] ?? null, target);
    const rows = prepared(sql).raw(false).all(parameters);
    // Blobs move to the main thread without a copy.
    const transfer = [];
    for (const row of rows) for (const value of Object.values(row)) if (ownsBuffer(value)) transfer.push(value.buffer);
    parentPort.postMessage({ id, rows }, transfer);
  } catch (error) {
    parentPort.postMessage({ id, error: { message: error.message, code: error.code } });
  }
});
function ownsBuffer(value) {
  return value instanceof Uint8Array && value.byteOffset === 0 && value.byteLength === value.buffer.byteLength;
}
function answerBlob(id, blob, target) {
  if (blob !== null && !(blob instanceof Uint8Array)) throw new Error('the first column is not a blob');
  if (blob !== null && blob.byteLength <= target.length) {
    new Uint8Array(target.buffer, target.offset, blob.byteLength).set(blob);
    return parentPort.postMessage({ id, written: blob.byteLength });
  }
  parentPort.postMessage({ id, blob }, ownsBuffer(blob) ? [blob.buffer] : []);
}
`;

interface Answer {
  id: number;
  rows?: unknown[];
  /** `blob`: bytes written into the target, or the blob itself. */
  written?: number;
  blob?: Uint8Array | null;
  error?: { message: string; code?: string };
}

interface Pending {
  resolve(answer: Answer): void;
  reject(error: Error): void;
}

interface Reader {
  worker: Worker;
  pending: Map<number, Pending>;
}

/** `count` readers of the database file `file`. */
export function sqliteReaders(file: string, count: number): SqliteReaders {
  const driver = createRequire(import.meta.url).resolve('better-sqlite3');
  const readers: Array<Reader | undefined> = Array.from({ length: count }, () => undefined);
  let nextId = 0;
  let closed = false;

  const start = (slot: number): Reader => {
    const reader: Reader = { worker: new Worker(workerSource, { eval: true, workerData: { file, driver } }), pending: new Map() };
    const fail = (error: Error) => {
      if (readers[slot] === reader) readers[slot] = undefined;
      for (const { reject } of reader.pending.values()) reject(error);
      reader.pending.clear();
    };
    reader.worker.on('message', (answer: Answer) => {
      const pending = reader.pending.get(answer.id);
      reader.pending.delete(answer.id);
      if (reader.pending.size === 0) reader.worker.unref();
      const { error } = answer;
      if (!error) return pending?.resolve(answer);
      pending?.reject(Object.assign(new Error(error.message), { code: error.code }));
    });
    reader.worker.on('error', fail);
    reader.worker.on('exit', () => fail(new Error('SQLite reader thread exited')));
    reader.worker.unref();
    readers[slot] = reader;
    return reader;
  };

  /** The reader with the fewest reads in flight (starting it if needed). */
  const leastBusy = (): Reader => {
    let best = 0;
    for (let slot = 1; slot < count; slot++) {
      if ((readers[slot]?.pending.size ?? 0) < (readers[best]?.pending.size ?? 0)) best = slot;
    }
    return readers[best] ?? start(best);
  };

  const ask = (message: { sql: string; parameters: readonly unknown[]; target?: BlobTarget }): Promise<Answer> => {
    if (closed) return Promise.reject(new Error('the database is closed'));
    const reader = leastBusy();
    const id = nextId++;
    return new Promise<Answer>((resolve, reject) => {
      // An idle reader must not keep the process alive; one with reads in flight must.
      if (reader.pending.size === 0) reader.worker.ref();
      reader.pending.set(id, { resolve, reject });
      reader.worker.postMessage({ id, ...message });
    });
  };

  return {
    async all<Row>(sql: string, parameters: readonly unknown[]) {
      const { rows } = await ask({ sql, parameters });
      return (rows ?? []).map(asBuffers) as Row[];
    },
    async blob(sql: string, parameters: readonly unknown[], target: BlobTarget) {
      const { written, blob } = await ask({ sql, parameters, target });
      if (written !== undefined) return Buffer.from(target.buffer, target.offset, written);
      return blob ? asBuffer(blob) : null;
    },
    close() {
      closed = true;
      for (const reader of readers) reader?.worker.postMessage('close');
    },
  };
}

/** Blobs arrive as plain Uint8Arrays; the main connection gives Buffers (same memory, no copy). */
function asBuffer(value: Uint8Array): Buffer {
  return Buffer.isBuffer(value) ? value : Buffer.from(value.buffer, value.byteOffset, value.byteLength);
}

function asBuffers(row: unknown): unknown {
  const record = row as Record<string, unknown>;
  for (const [column, value] of Object.entries(record)) if (value instanceof Uint8Array) record[column] = asBuffer(value);
  return record;
}
