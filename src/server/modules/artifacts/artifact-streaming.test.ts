import { createHash } from 'node:crypto';
import { readdirSync, statSync } from 'node:fs';
import nodePath from 'node:path';
import { Readable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../../testing/build-test-app';
import { listen, rawRequest } from '../../testing/raw-http';

let t: TestApp;
let port: number;
let headers: Record<string, string>;

beforeAll(async () => {
  t = await buildTestApp();
  headers = (await t.userWithRole('data-scientist')).headers;
  ({ port } = await listen(t.app));
});
afterAll(() => t.close());

const totalBytes = 50 * 1024 * 1024;
const chunkBytes = 64 * 1024;

/**
 * 50 MB of deterministic bytes, generated chunk by chunk: the test never holds the file either.
 * `pauseAt` holds the rest back until `resume` resolves.
 */
function generated(pauseAt = Number.POSITIVE_INFINITY, resume: () => Promise<void> = async () => {}): Readable {
  return Readable.from(
    (async function* () {
      for (let sent = 0; sent < totalBytes; sent += chunkBytes) {
        if (sent === pauseAt) await resume();
        yield Buffer.alloc(chunkBytes, sent / chunkBytes);
      }
    })(),
  );
}

/** Bytes already on disk in the store's temporary upload files under `dir`. */
function bytesInTempFiles(dir: string): number {
  try {
    return readdirSync(dir)
      .filter((name) => name.startsWith('.sextant-upload-'))
      .reduce((sum, name) => sum + statSync(nodePath.join(dir, name)).size, 0);
  } catch {
    return 0;
  }
}

async function waitFor(condition: () => boolean) {
  while (!condition()) await new Promise((resolve) => setTimeout(resolve, 10));
}

/** Peak growth of memory held in Buffers while `work` runs (sampled as the transfer progresses). */
async function peakBufferGrowth(work: () => Promise<void>): Promise<number> {
  global.gc?.();
  const baseline = process.memoryUsage().arrayBuffers;
  let peak = 0;
  const timer = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage().arrayBuffers - baseline);
  }, 5);
  try {
    await work();
  } finally {
    clearInterval(timer);
  }
  return peak;
}

describe('streaming a large artifact', () => {
  it('uploads and downloads 50 MB without holding the file in memory', async () => {
    const expected = createHash('sha256');
    for await (const chunk of generated()) expected.update(chunk as Buffer);
    const digest = expected.digest('hex');
    const path = '/api/2.0/mlflow-artifacts/artifacts/9/run/artifacts/model/weights.bin';

    // Halfway through, the first half must already be on disk: the server writes as bytes arrive.
    const half = totalBytes / 2;
    const targetDir = nodePath.join(t.config.artifactsDir, '9/run/artifacts/model');
    const response = await rawRequest(port, {
      method: 'PUT',
      path,
      headers: { ...headers, 'content-type': 'application/octet-stream', 'transfer-encoding': 'chunked' },
      body: generated(half, () => waitFor(() => bytesInTempFiles(targetDir) >= half - 1024 * 1024)),
    });
    expect(response.status).toBe(200);
    await response.text();

    const received = createHash('sha256');
    let size = 0;
    const downloadGrowth = await peakBufferGrowth(async () => {
      const response = await rawRequest(port, { method: 'GET', path, headers });
      expect(response.status).toBe(200);
      expect(response.headers['content-length']).toBe(String(totalBytes));
      for await (const chunk of response.stream) {
        received.update(chunk as Buffer);
        size += (chunk as Buffer).length;
      }
    });

    expect(size).toBe(totalBytes);
    expect(received.digest('hex')).toBe(digest);
    const audit = await t.database.handle.db.selectFrom('audit_events').select('after_json').where('entity_id', '=', '9/run/artifacts/model/weights.bin').executeTakeFirstOrThrow();
    expect(JSON.parse(audit.after_json ?? '{}')).toMatchObject({ size: totalBytes, sha256: digest });
    // Buffering the download would hold all 50 MB at once; streaming keeps a few chunks in flight
    // (plus chunks the garbage collector has not reclaimed yet, hence the margin).
    expect(downloadGrowth).toBeLessThan(45 * 1024 * 1024);
  });
});
