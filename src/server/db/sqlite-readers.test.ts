import { mkdtempSync, renameSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { CompiledQuery, sql } from 'kysely';
import { afterAll, describe, expect, it } from 'vitest';
import { acquireArena, arenaRegions } from './blob-arenas';
import { openDatabase } from './database';

const dir = mkdtempSync(path.join(os.tmpdir(), 'sextant-readers-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function databaseWithRows(name: string) {
  const handle = openDatabase(`sqlite:${path.join(dir, name)}`, { readers: 2 });
  await sql`create table numbers (n integer primary key, label text not null, body blob)`.execute(handle.db);
  await sql`insert into numbers (n, label, body) values (1, 'one', x'0102'), (2, 'two', null)`.execute(handle.db);
  return handle;
}

describe('SQLite reader threads', () => {
  it('answer reads concurrently with rows as the main connection gives them, blobs as Buffers', async () => {
    const handle = await databaseWithRows('rows.sqlite');
    const read = (n: number) => handle.readConcurrently<{ n: number; label: string; body: Buffer | null }>(CompiledQuery.raw('select n, label, body from numbers where n = ?', [n]));
    const [one, two, none] = await Promise.all([read(1), read(2), read(3)]);
    expect(one).toEqual([{ n: 1, label: 'one', body: Buffer.from([1, 2]) }]);
    expect(Buffer.isBuffer(one?.[0]?.body)).toBe(true);
    expect(two).toEqual([{ n: 2, label: 'two', body: null }]);
    expect(none).toEqual([]);
    await handle.db.destroy();
  });

  it('see every write committed on the main connection before the read starts', async () => {
    const handle = await databaseWithRows('writes.sqlite');
    const count = async () => (await handle.readConcurrently<{ n: number }>(CompiledQuery.raw('select count(*) as n from numbers', [])))[0]?.n;
    expect(await count()).toBe(2);
    await sql`insert into numbers (n, label) values (3, 'three')`.execute(handle.db);
    expect(await count()).toBe(3);
    await handle.db.destroy();
  });

  it('fail a bad statement with SQLite’s message and keep serving', async () => {
    const handle = await databaseWithRows('errors.sqlite');
    await expect(handle.readConcurrently(CompiledQuery.raw('select nope from numbers', []))).rejects.toThrow(/no such column: nope/);
    await expect(handle.readConcurrently(CompiledQuery.raw("insert into numbers (n, label) values (9, 'x') returning n", []))).rejects.toThrow(/readonly/);
    expect(await handle.readConcurrently(CompiledQuery.raw('select 1 as one', []))).toEqual([{ one: 1 }]);
    await handle.db.destroy();
  });

  it('write a blob into the target when it fits, and hand it over as its own Buffer when not', async () => {
    const handle = await databaseWithRows('blobs.sqlite');
    await sql`insert into numbers (n, label, body) values (3, 'big', randomblob(5000))`.execute(handle.db);
    const arena = acquireArena();
    const [small, big] = arenaRegions(arena, 2);
    if (!small || !big) throw new Error('two regions expected');
    const blobOf = (n: number, target: typeof small) => handle.readBlob(CompiledQuery.raw('select body from numbers where n = ?', [n]), { ...target, length: Math.min(target.length, 4096) });
    const [one, large, none, missing] = await Promise.all([blobOf(1, small), blobOf(3, big), blobOf(2, big), blobOf(9, big)]);
    expect(one).toEqual(Buffer.from([1, 2]));
    expect(one?.buffer).toBe(arena.buffer);
    const stored = (await sql<{ body: Buffer }>`select body from numbers where n = 3`.execute(handle.db)).rows[0]?.body;
    expect(large).toEqual(stored);
    expect(large?.buffer).not.toBe(arena.buffer);
    expect([none, missing]).toEqual([null, null]);
    await expect(handle.readBlob(CompiledQuery.raw('select label from numbers where n = 1', []), small)).rejects.toThrow(/not a blob/);
    arena.release();
    await handle.db.destroy();
  });

  it('fail the reads of a reader that dies, and start a new one for the next read', async () => {
    const file = path.join(dir, 'dies.sqlite');
    const handle = openDatabase(`sqlite:${file}`, { readers: 1 });
    await sql`create table t (n integer)`.execute(handle.db);
    // A reader cannot start while the file is away: its thread fails and takes its read with it.
    renameSync(file, `${file}.away`);
    await expect(handle.readConcurrently(CompiledQuery.raw('select 1 as one', []))).rejects.toThrow();
    renameSync(`${file}.away`, file);
    expect(await handle.readConcurrently(CompiledQuery.raw('select count(*) as n from t', []))).toEqual([{ n: 0 }]);
    await handle.db.destroy();
  });

  it('are used only when asked for: without readers the main connection reads', async () => {
    const handle = openDatabase(`sqlite:${path.join(dir, 'plain.sqlite')}`);
    expect(await handle.readConcurrently(CompiledQuery.raw('select 2 as two', []))).toEqual([{ two: 2 }]);
    await handle.db.destroy();
  });
});
