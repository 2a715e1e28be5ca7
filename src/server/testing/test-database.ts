import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { type DatabaseHandle, openDatabase } from '../db/database';
import { migrateToLatest } from '../db/migrate';

export interface TestDatabase {
  handle: DatabaseHandle;
  url: string;
  drop(): Promise<void>;
}

/** The dialect this test run uses: the `server-postgres` Vitest project sets SEXTANT_TEST_DIALECT. */
export function testDialect(): 'sqlite' | 'postgres' {
  return process.env.SEXTANT_TEST_DIALECT === 'postgres' ? 'postgres' : 'sqlite';
}

function postgresAdminUrl(): string {
  const url = process.env.TEST_DATABASE_URL;
  if (!url) throw new Error('SEXTANT_TEST_DIALECT=postgres needs TEST_DATABASE_URL (e.g. postgres://postgres@127.0.0.1:5432/test)');
  return url;
}

/** A URL for a brand-new, empty database: a fresh SQLite file or a fresh PostgreSQL database. */
export async function createEmptyDatabaseUrl(): Promise<{ url: string; drop(): Promise<void> }> {
  if (testDialect() === 'postgres') {
    const adminUrl = postgresAdminUrl();
    const name = `sextant_t_${randomBytes(6).toString('hex')}`;
    const admin = new pg.Client({ connectionString: adminUrl });
    await admin.connect();
    await admin.query(`create database ${name}`);
    await admin.end();
    const url = new URL(adminUrl);
    url.pathname = `/${name}`;
    return {
      url: url.toString(),
      drop: async () => {
        const client = new pg.Client({ connectionString: adminUrl });
        await client.connect();
        await client.query(`drop database if exists ${name} with (force)`);
        await client.end();
      },
    };
  }
  const dir = mkdtempSync(path.join(os.tmpdir(), 'sextant-test-'));
  return { url: `sqlite:${path.join(dir, 'test.db')}`, drop: async () => rmSync(dir, { recursive: true, force: true }) };
}

/** A fresh, migrated database for one test file. */
export async function createTestDatabase(): Promise<TestDatabase> {
  const empty = await createEmptyDatabaseUrl();
  const handle = openDatabase(empty.url, { poolSize: 5, readers: 2 });
  await migrateToLatest(handle);
  return {
    handle,
    url: empty.url,
    drop: async () => {
      await handle.db.destroy();
      await empty.drop();
    },
  };
}
