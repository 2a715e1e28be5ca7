import { mkdirSync } from 'node:fs';
import path from 'node:path';
import SqliteDatabase from 'better-sqlite3';
import { type CompiledQuery, Kysely, PostgresAdapter, PostgresDialect, SqliteDialect, sql } from 'kysely';
import pg from 'pg';
import type { Database } from './schema';
import type { BlobTarget } from './blob-arenas';
import { sqliteReaders } from './sqlite-readers';
import { withStatementCache } from './statement-cache';
import { startWalCheckpointer, walAutocheckpointPages, walSizeLimitBytes } from './wal-checkpointer';

export type Dialect = 'sqlite' | 'postgres';
export type Db = Kysely<Database>;

export interface DatabaseHandle {
  db: Db;
  dialect: Dialect;
  /** A description safe to log (no password). */
  description: string;
  /** SQLite only: the connection under `db`, for reads that want rows as arrays (see `selectArrays`). */
  sqlite?: SqliteDatabase.Database;
  /**
   * Runs a read that may run alongside others (start several, then await them all): on
   * PostgreSQL on its own pooled connection, on SQLite on a reader thread when the database was
   * opened with readers (see sqlite-readers), else on the main connection.
   */
  readConcurrently<Row>(query: CompiledQuery): Promise<Row[]>;
  /**
   * As `readConcurrently`, for a statement answering one blob (or null) in its first column. A
   * reader thread writes it into `target` when it fits (see blob-arenas), and the Buffer returned
   * is then a view of the target; otherwise it is the blob itself.
   */
  readBlob(query: CompiledQuery, target: BlobTarget): Promise<Buffer | null>;
}

/** The blob (or null) in the first column of the first row. */
function firstBlob(rows: readonly unknown[]): Buffer | null {
  const row = rows[0] as Record<string, unknown> | undefined;
  const value = row ? Object.values(row)[0] : null;
  if (value !== null && value !== undefined && !Buffer.isBuffer(value)) throw new Error('the first column is not a blob');
  return value ?? null;
}

// int8 (counts, millisecond timestamps) and numeric come back as strings from pg by default.
// Every value we store fits in a double, so parse them as numbers on both dialects alike.
const pgTypes = {
  getTypeParser(oid: number, format?: 'text' | 'binary') {
    if (oid === 20 || oid === 1700) return (value: string) => Number(value);
    return pg.types.getTypeParser(oid, format);
  },
};

export interface OpenOptions {
  poolSize?: number;
  /** SQLite: run WAL checkpoints on a worker thread (the long-running server); see wal-checkpointer. */
  backgroundCheckpoints?: boolean;
  /** SQLite: how many reader threads serve `readConcurrently` (none: the main connection does). */
  readers?: number;
}

/** Opens the database named by a `sqlite:<file>` or `postgres://…` URL. */
export function openDatabase(url: string, options: OpenOptions = {}): DatabaseHandle {
  if (url.startsWith('postgres://') || url.startsWith('postgresql://')) {
    const pool = new pg.Pool({ connectionString: url, max: options.poolSize ?? 10, types: pgTypes });
    // An idle connection the server closes (restart, failover, a dropped database) is emitted
    // here; unhandled it would crash the process. The pool discards it and connects anew.
    pool.on('error', () => {});
    const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
    return {
      db,
      dialect: 'postgres',
      description: url.replace(/\/\/[^@/]*@/, '//…@'),
      readConcurrently: async <Row>(query: CompiledQuery) => (await db.executeQuery<Row>(query)).rows as Row[],
      readBlob: async (query: CompiledQuery) => firstBlob((await db.executeQuery(query)).rows),
    };
  }
  const file = url.replace(/^sqlite:(\/\/)?/, '');
  if (file !== ':memory:') mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
  const sqlite = new SqliteDatabase(file);
  // 8 KB pages (SQLite's default is 4 KB) for a new database; an existing one keeps its size.
  // Metric histories are read in long index ranges (a chart samples every k-th step of 100,000):
  // half the page reads made those reads ~30% cheaper, with inserts and run search unchanged.
  // 16 KB saved a little more there but doubled run search's cost (each point lookup copies a
  // bigger page into the same 2 MB cache). It must come first: enabling WAL writes the
  // database header, which fixes the page size.
  sqlite.pragma('page_size = 8192');
  // WAL: readers never block the writer. synchronous=NORMAL keeps every committed transaction
  // across a process crash or kill -9 (the WAL is in the OS page cache); only a power loss can
  // drop the last few. busy_timeout lets the CLI write while the server runs.
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('synchronous = NORMAL');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('busy_timeout = 5000');
  // A 32 MB page cache rather than SQLite's 2 MB: run search sorted by one metric and filtered by
  // another looks up a few thousand runs' rows at random across 100,000 runs (each lookup missed
  // the 2 MB cache and copied its page in from the OS again; 32 MB halved its server CPU). Charts'
  // long histories are read on the reader threads, which have caches of their own (see
  // sqlite-readers). The cache fills only as pages are read, so small databases do not pay for it.
  sqlite.pragma('cache_size = -32768');
  const checkpointer = options.backgroundCheckpoints && file !== ':memory:' ? startWalCheckpointer(path.resolve(file)) : null;
  if (checkpointer) {
    // The backstop and the size the WAL returns to after a restart (see wal-checkpointer).
    sqlite.pragma(`wal_autocheckpoint = ${walAutocheckpointPages}`);
    sqlite.pragma(`journal_size_limit = ${walSizeLimitBytes}`);
  }
  const readers = options.readers && file !== ':memory:' ? sqliteReaders(path.resolve(file), options.readers) : null;
  const statements = withStatementCache(sqlite);
  const database = {
    ...statements,
    close: () => {
      checkpointer?.stop();
      readers?.close();
      statements.close();
    },
  };
  const db = new Kysely<Database>({ dialect: new SqliteDialect({ database }) });
  return {
    db,
    dialect: 'sqlite',
    description: `sqlite:${path.resolve(file)}`,
    sqlite,
    readConcurrently: async <Row>(query: CompiledQuery) =>
      readers ? readers.all<Row>(query.sql, query.parameters) : ((await db.executeQuery<Row>(query)).rows as Row[]),
    readBlob: async (query: CompiledQuery, target: BlobTarget) =>
      readers ? readers.blob(query.sql, query.parameters, target) : firstBlob((await db.executeQuery(query)).rows),
  };
}

/** The dialect `db` speaks (for SQL written out by hand where only a connection is at hand). */
export function dialectOf(db: Db): Dialect {
  return db.getExecutor().adapter instanceof PostgresAdapter ? 'postgres' : 'sqlite';
}

/** Throws if the database does not answer. */
export async function pingDatabase(db: Db): Promise<void> {
  await sql`select 1`.execute(db);
}
