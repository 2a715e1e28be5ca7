import { mkdtempSync, rmSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import { afterAll, describe, expect, it } from 'vitest';
import { openDatabase } from './database';
import { walAutocheckpointPages } from './wal-checkpointer';

const dir = mkdtempSync(path.join(os.tmpdir(), 'sextant-wal-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function writeRows(url: string, backgroundCheckpoints: boolean) {
  const handle = openDatabase(url, { backgroundCheckpoints });
  await sql`create table if not exists filler (id integer primary key, body text not null)`.execute(handle.db);
  for (let i = 0; i < 200; i++) await sql`insert into filler (body) values (${'x'.repeat(2000)})`.execute(handle.db);
  return handle;
}

const fileSize = (file: string) => statSync(file).size;

describe('background WAL checkpoints', () => {
  it('copy committed pages into the database file off the main thread, and leave the main connection a backstop only', async () => {
    const file = path.join(dir, 'background.sqlite');
    const handle = await writeRows(`sqlite:${file}`, true);
    const deadline = Date.now() + 5000;
    while (fileSize(file) < 200 * 2000 && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 50));
    expect(fileSize(file)).toBeGreaterThan(200 * 2000);
    const { rows } = await sql<{ wal_autocheckpoint: number }>`pragma wal_autocheckpoint`.execute(handle.db);
    expect(rows[0]?.wal_autocheckpoint).toBe(walAutocheckpointPages);
    await handle.db.destroy();
  });

  it('are off by default: short-lived processes (CLI, tests) keep SQLite’s own checkpoints', async () => {
    const file = path.join(dir, 'default.sqlite');
    const handle = await writeRows(`sqlite:${file}`, false);
    await new Promise((resolve) => setTimeout(resolve, 300));
    // 200 rows of 2 kB fill fewer than SQLite's default 1,000 WAL pages: nothing is copied yet.
    expect(fileSize(file)).toBeLessThan(200 * 2000);
    const { rows } = await sql<{ wal_autocheckpoint: number }>`pragma wal_autocheckpoint`.execute(handle.db);
    expect(rows[0]?.wal_autocheckpoint).toBe(1000);
    await handle.db.destroy();
  });
});
