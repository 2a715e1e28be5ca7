import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { text } from 'node:stream/consumers';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiError } from '../../errors';
import { LocalArtifactStore } from './local-artifact-store';

let dir: string;
let store: LocalArtifactStore;
const body = (value: string) => Readable.from([Buffer.from(value)]);
const write = (p: string, value: string) => store.write(p, body(value), { maxBytes: 1024 });

beforeAll(() => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'sextant-store-'));
  store = new LocalArtifactStore(path.join(dir, 'root'), path.join(dir, 'staging'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('LocalArtifactStore', () => {
  it('writes, stats, reads and lists files with their sizes and digests', async () => {
    const stored = await write('1/run/artifacts/model/MLmodel', 'flavors: {}\n');
    expect(stored).toMatchObject({ path: '1/run/artifacts/model/MLmodel', size: 12 });
    expect(stored.sha256).toMatch(/^[0-9a-f]{64}$/);
    await write('1/run/artifacts/model/model.pkl', 'x');
    expect(await store.stat('1/run/artifacts/model')).toEqual({ isDir: true, size: 0 });
    expect(await store.stat('1/run/artifacts/nothing')).toBeNull();
    const { stream, size } = await store.read('1/run/artifacts/model/MLmodel');
    expect(size).toBe(12);
    expect(await text(stream)).toBe('flavors: {}\n');
    expect((await store.list('1/run/artifacts')).entries).toEqual([{ path: '1/run/artifacts/model', name: 'model', isDir: true }]);
    expect((await store.list('1/run/artifacts/model')).entries.map((e) => [e.name, e.size])).toEqual([
      ['MLmodel', 12],
      ['model.pkl', 1],
    ]);
    expect((await store.list('no/such/dir')).entries).toEqual([]);
  });

  it('pages listings with a cursor', async () => {
    for (const name of ['a', 'b', 'c', 'd', 'e']) await write(`paged/${name}`, name);
    const first = await store.list('paged', { pageSize: 2 });
    expect(first.entries.map((e) => e.name)).toEqual(['a', 'b']);
    const second = await store.list('paged', { pageSize: 2, pageToken: first.nextPageToken });
    expect(second.entries.map((e) => e.name)).toEqual(['c', 'd']);
    const third = await store.list('paged', { pageSize: 2, pageToken: second.nextPageToken });
    expect(third).toEqual({ entries: [{ path: 'paged/e', name: 'e', isDir: false, size: 1 }] });
    await expect(store.list('paged', { pageToken: 'garbage' })).rejects.toThrow(/page token/);
  });

  it('refuses oversized bodies and leaves nothing behind', async () => {
    await expect(store.write('big/file', body('x'.repeat(2000)), { maxBytes: 1024 })).rejects.toMatchObject({ code: 'PAYLOAD_TOO_LARGE' });
    expect(await store.stat('big/file')).toBeNull();
    expect((await store.list('big')).entries).toEqual([]);
  });

  it('publishes nothing when beforePublish fails, and overwrites atomically otherwise', async () => {
    await write('atomic/f', 'old');
    await expect(
      store.write('atomic/f', body('new'), { maxBytes: 1024, beforePublish: async () => Promise.reject(new Error('audit failed')) }),
    ).rejects.toThrow('audit failed');
    expect(await text((await store.read('atomic/f')).stream)).toBe('old');
    await write('atomic/f', 'new');
    expect(await text((await store.read('atomic/f')).stream)).toBe('new');
  });

  it('refuses non-canonical paths and paths that collide with files or directories', async () => {
    for (const bad of ['../x', '/etc/passwd', 'a//b', 'a/./b', 'a\\b']) {
      await expect(store.write(bad, body('x'), { maxBytes: 10 })).rejects.toBeInstanceOf(ApiError);
      await expect(store.read(bad)).rejects.toBeInstanceOf(ApiError);
      await expect(store.delete(bad)).rejects.toBeInstanceOf(ApiError);
    }
    await write('clash/file', 'x');
    await expect(write('clash/file/child', 'y')).rejects.toThrow(/a file exists/);
    await expect(write('clash', 'y')).rejects.toThrow(/is a directory/);
    await expect(store.read('clash')).rejects.toThrow(/is a directory/);
    await expect(store.delete('')).rejects.toThrow(/root/);
  });

  it('never follows a symlink out of the root', async () => {
    const outside = path.join(dir, 'outside');
    mkdirSync(outside, { recursive: true });
    writeFileSync(path.join(outside, 'secret.txt'), 'secret');
    mkdirSync(path.join(store.root, 'links'), { recursive: true });
    symlinkSync(outside, path.join(store.root, 'links', 'out-dir'));
    symlinkSync(path.join(outside, 'secret.txt'), path.join(store.root, 'links', 'out-file'));
    await expect(store.read('links/out-dir/secret.txt')).rejects.toMatchObject({ code: 'PERMISSION_DENIED' });
    await expect(store.read('links/out-file')).rejects.toMatchObject({ code: 'PERMISSION_DENIED' });
    await expect(write('links/out-dir/planted.txt', 'x')).rejects.toMatchObject({ code: 'PERMISSION_DENIED' });
    expect((await store.list('links')).entries).toEqual([]);
    await expect(store.list('links/out-dir')).rejects.toMatchObject({ code: 'PERMISSION_DENIED' });
    // Deleting the link removes the link, not its target.
    expect(await store.delete('links/out-file')).toBe(true);
    expect(readFileSync(path.join(outside, 'secret.txt'), 'utf8')).toBe('secret');
  });

  it('deletes files and whole directories', async () => {
    await write('del/a/b', 'x');
    await write('del/c', 'x');
    expect(await store.delete('del/a')).toBe(true);
    expect(await store.delete('del/a')).toBe(false);
    expect((await store.list('del')).entries.map((e) => e.name)).toEqual(['c']);
  });

  it('assembles multipart uploads in order, checking etags, and cleans up', async () => {
    const upload = await store.createMultipartUpload('mpu/big.bin', 7);
    expect(await store.getMultipartUpload(upload.uploadId)).toMatchObject({ path: 'mpu/big.bin', createdBy: 7 });
    const p2 = await store.uploadPart(upload.uploadId, 2, body('world'), { maxBytes: 100 });
    const p1 = await store.uploadPart(upload.uploadId, 1, body('hello '), { maxBytes: 100 });
    expect(p1.etag).toMatch(/^"[0-9a-f]{32}"$/);
    await expect(store.completeMultipartUpload(upload.uploadId, [p2, p1], {})).rejects.toThrow(/ascending/);
    await expect(store.completeMultipartUpload(upload.uploadId, [p1, { partNumber: 2, etag: '"nope"' }], {})).rejects.toThrow(/etag/);
    await expect(store.completeMultipartUpload(upload.uploadId, [p1, { partNumber: 3, etag: p2.etag }], {})).rejects.toThrow(/not uploaded/);
    const stored = await store.completeMultipartUpload(upload.uploadId, [p1, p2], {});
    expect(stored.size).toBe(11);
    expect(await text((await store.read('mpu/big.bin')).stream)).toBe('hello world');
    expect(await store.getMultipartUpload(upload.uploadId)).toBeNull();

    const aborted = await store.createMultipartUpload('mpu/other.bin', 7);
    await store.abortMultipartUpload(aborted.uploadId);
    await expect(store.uploadPart(aborted.uploadId, 1, body('x'), { maxBytes: 10 })).rejects.toMatchObject({ code: 'RESOURCE_DOES_NOT_EXIST' });
    expect(await store.getMultipartUpload('../../etc')).toBeNull();
  });
});
