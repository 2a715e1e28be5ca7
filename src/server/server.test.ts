import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from './db/database';
import { verifyAuditChain } from './modules/audit/audit-verify';
import { startServerProcess } from './testing/server-process';
import { createEmptyDatabaseUrl } from './testing/test-database';

// The real process: start-up, kill -9 durability and graceful shutdown, on the test run's dialect.
let dataDir: string;
let database: { url: string; drop(): Promise<void> };
let env: Record<string, string>;
const auth = { authorization: `Basic ${Buffer.from('admin:durable-admin-pw').toString('base64')}`, 'content-type': 'application/json' };

beforeAll(async () => {
  dataDir = mkdtempSync(path.join(os.tmpdir(), 'sextant-process-'));
  database = await createEmptyDatabaseUrl();
  env = { SEXTANT_DATA_DIR: dataDir, DATABASE_URL: database.url, SEXTANT_ADMIN_PASSWORD: 'durable-admin-pw' };
});
afterAll(async () => {
  await database.drop();
  rmSync(dataDir, { recursive: true, force: true });
});

describe('the server process', () => {
  it('keeps every acknowledged write across kill -9, and the audit chain verifies', { timeout: 120_000 }, async () => {
    const first = await startServerProcess(env);
    const acknowledged: string[] = [];
    let stop = false;
    const writer = async (worker: number) => {
      for (let i = 0; !stop; i++) {
        const name = `w${worker}-${i}`;
        try {
          const response = await fetch(`${first.url}/api/v1/me/tokens`, { method: 'POST', headers: auth, body: JSON.stringify({ name }) });
          if (response.status === 201) acknowledged.push(name);
        } catch {
          return; // the process is gone
        }
      }
    };
    const writers = Array.from({ length: 8 }, (_, worker) => writer(worker));
    while (acknowledged.length < 200) await new Promise((resolve) => setTimeout(resolve, 20));
    first.child.kill('SIGKILL');
    stop = true;
    await Promise.all(writers);
    await first.exited;

    const second = await startServerProcess(env);
    const listed = (await (await fetch(`${second.url}/api/v1/me/tokens`, { headers: auth })).json()) as { items: Array<{ name: string }> };
    const stored = new Set(listed.items.map((token) => token.name));
    expect(acknowledged.filter((name) => !stored.has(name))).toEqual([]);
    second.child.kill('SIGTERM');
    expect(await second.exited, second.output()).toBe(0);

    const handle = openDatabase(database.url);
    const chain = await verifyAuditChain(handle);
    await handle.db.destroy();
    expect(chain.ok).toBe(true);
    expect(chain.checked).toBeGreaterThanOrEqual(acknowledged.length);
  });

  it('finishes in-flight requests on SIGTERM, then exits cleanly', { timeout: 120_000 }, async () => {
    const server = await startServerProcess(env);
    const created = (await (await fetch(`${server.url}/api/v1/me/tokens`, { method: 'POST', headers: auth, body: JSON.stringify({ name: 'bench' }) })).json()) as { secret: string };
    const bearer = { authorization: `Bearer ${created.secret}`, 'content-type': 'application/json' };
    const inFlight = Array.from({ length: 40 }, (_, i) =>
      fetch(`${server.url}/api/v1/me/tokens`, { method: 'POST', headers: bearer, body: JSON.stringify({ name: `graceful-${i}` }) }).then(
        (r) => r.status,
        () => 'connection refused',
      ),
    );
    await new Promise((resolve) => setTimeout(resolve, 20));
    server.child.kill('SIGTERM');
    const statuses = await Promise.all(inFlight);
    const code = await server.exited;
    expect(code, server.output()).toBe(0);
    // Each request was either completed (201) or, arriving after shutdown began, refused cleanly
    // (503 or no connection); none was cut off half-way.
    expect(statuses.filter((s) => s !== 201 && s !== 503 && s !== 'connection refused')).toEqual([]);
  });
});
