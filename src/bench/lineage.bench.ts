// `npm run bench -- lineage [--postgres]`: a model with 500 versions from 2,000 runs over 50 datasets.
// 1. The lineage endpoint over HTTP (model, version, run and dataset roots): p50/p95 (target p95 ≤ 50 ms);
//    the model root both as the model page asks (its 50 newest versions) and with all 500. Next to each,
//    the server's CPU per request, from 50 requests injected in-process (no socket, and not the bench's own
//    HTTP client, which shares the process), since wall-clock figures move with whatever else the machine runs.
// 2. The version page in Chromium (built dashboard): navigation until the graph and signature are drawn
//    (target ≤ 1.5 s). Run `npx vite build` first. Prints every figure.
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { chromium } from '@playwright/test';
import { buildApp } from '../server/app';
import { loadConfig } from '../server/config/env';
import { openDatabase } from '../server/db/database';
import { migrateToLatest } from '../server/db/migrate';
import { systemContext } from '../server/modules/audit/audit.service';
import { createToken } from '../server/modules/auth/tokens.service';
import { createUser } from '../server/modules/auth/users.service';
import { createEmptyDatabaseUrl } from '../server/testing/test-database';
import { seedLineage } from './lineage-seed';

if (process.argv.includes('--postgres')) {
  process.env.SEXTANT_TEST_DIALECT = 'postgres';
  process.env.TEST_DATABASE_URL ??= 'postgres://postgres@127.0.0.1:5432/test';
}
const dir = mkdtempSync(path.join(os.tmpdir(), 'sextant-lineage-bench-'));
// A brand-new database for the run (a fresh PostgreSQL database with --postgres), dropped after.
const empty = await createEmptyDatabaseUrl();
const url = empty.url;
const database = openDatabase(url);
await migrateToLatest(database);
const clientDir = path.resolve('dist/client');
const config = loadConfig({ SEXTANT_DATA_DIR: dir, DATABASE_URL: url, LOG_LEVEL: 'silent' });
const app = await buildApp({ config, database, secret: 'bench-secret-0123456789abcdefghijklmnop', logger: false, clientDir: existsSync(clientDir) ? clientDir : null });
const model = 'churn/gbm';

const seedStarted = performance.now();
const sample = await seedLineage(database.db, { model, runs: 2000, datasets: 50, versions: 500 });
console.log(`lineage benchmark on ${database.dialect} (load average ${os.loadavg()[0]?.toFixed(1)} on ${os.cpus().length} cores): seeded 2,000 runs, 50 datasets, 500 versions in ${((performance.now() - seedStarted) / 1000).toFixed(1)} s`);
const user = await createUser(database, { username: 'bench', role: 'viewer', password: 'bench-password-1' }, systemContext);
// A Bearer token, as a dashboard session or CI would use: Basic passwords are hashed on every request.
const { secret } = await createToken(database, Number(user.id), { name: 'bench' }, systemContext);
await app.listen({ port: 0, host: '127.0.0.1' });
const address = app.server.address();
const base = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
const auth = { authorization: `Bearer ${secret}` };

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;

async function timeEndpoint(label: string, query: Record<string, string>, requests = 200) {
  const target = `${base}/api/v1/lineage?${new URLSearchParams(query)}`;
  let nodes = 0;
  let bytes = 0;
  for (let i = 0; i < 10; i++) await (await fetch(target, { headers: auth })).arrayBuffer();
  const times: number[] = [];
  for (let i = 0; i < requests; i++) {
    const started = performance.now();
    const response = await fetch(target, { headers: auth });
    const text = await response.text();
    times.push(performance.now() - started);
    if (response.status !== 200) throw new Error(`${label}: ${response.status} ${text.slice(0, 200)}`);
    bytes = text.length;
    nodes = (JSON.parse(text) as { nodes: unknown[] }).nodes.length;
  }
  times.sort((a, b) => a - b);
  const p95 = percentile(times, 95);
  const cpuBefore = process.cpuUsage();
  for (let i = 0; i < 50; i++) await app.inject({ method: 'GET', url: target.slice(base.length), headers: auth });
  const cpu = process.cpuUsage(cpuBefore);
  const cpuPerRequest = (cpu.user + cpu.system) / 1000 / 50;
  console.log(
    `   ${label.padEnd(44)} ${String(nodes).padStart(5)} nodes ${(bytes / 1024).toFixed(0).padStart(5)} kB   p50 ${percentile(times, 50).toFixed(1)} ms  p95 ${p95.toFixed(1)} ms  server CPU ${cpuPerRequest.toFixed(1)} ms/request  ${p95 <= 50 ? 'ok' : 'OVER 50 ms'}`,
  );
}

console.log(`\n1. GET /api/v1/lineage, 200 sequential requests each after 10 warm-ups (then 50 in-process for server CPU; load average ${os.loadavg()[0]?.toFixed(1)})`);
await timeEndpoint('model, depth 4 (as the model page: 50 newest)', { kind: 'model', id: model, depth: '4' });
await timeEndpoint('model, depth 4, all 500 versions (+N expanded)', { kind: 'model', id: model, depth: '4', versions: '500' });
await timeEndpoint(`version v${sample.sampleVersion}, both ways, depth 4`, { kind: 'model-version', id: model, version: String(sample.sampleVersion), depth: '4' });
await timeEndpoint('source run, both ways, depth 4', { kind: 'run', id: sample.sampleRun, depth: '4' });
await timeEndpoint('dataset, downstream, depth 3', { kind: 'dataset', id: sample.sampleDigest, direction: 'down', depth: '3' });

if (!existsSync(clientDir)) {
  console.log('\n2. skipped: no built dashboard (run `npx vite build` first)');
} else {
  console.log('\n2. Version page in Chromium: navigation until the lineage graph and the signature are on screen');
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] });
  try {
    const context = await browser.newContext({ viewport: { width: 1400, height: 1000 } });
    const page = await context.newPage();
    const signIn = await page.request.post(`${base}/api/v1/auth/sign-in`, { data: { username: 'bench', password: 'bench-password-1' } });
    if (!signIn.ok()) throw new Error(`sign-in: ${signIn.status()}`);
    const pages = [
      { label: `version page (v${sample.sampleVersion})`, href: `/models/${encodeURIComponent(model)}/versions/${sample.sampleVersion}`, target: 1500 },
      { label: 'model page (500 versions, collapsed graph)', href: `/models/${encodeURIComponent(model)}`, target: null },
    ];
    for (const { label, href, target } of pages) {
      const times: number[] = [];
      for (let i = 0; i < 6; i++) {
        const started = performance.now();
        await page.goto(`${base}${href}`);
        await page
          .locator('[data-testid^="lineage-node-"]')
          .first()
          .waitFor({ state: 'visible', timeout: 20_000 })
          .catch(async (error: unknown) => {
            await page.screenshot({ path: 'test-results/lineage-bench-timeout.png', fullPage: true });
            throw error;
          });
        await page.locator('table').first().waitFor({ state: 'visible' });
        if (i > 0) times.push(performance.now() - started); // the first load fills the HTTP cache
      }
      times.sort((a, b) => a - b);
      const worst = times.at(-1) ?? NaN;
      const verdict = target === null ? '' : worst <= target ? 'ok' : `OVER ${target} ms`;
      console.log(`   ${label.padEnd(44)} median ${percentile(times, 50).toFixed(0)} ms  worst ${worst.toFixed(0)} ms (5 loads)  ${verdict}`);
    }
  } finally {
    await browser.close();
  }
}

await app.close();
await database.db.destroy();
await empty.drop();
rmSync(dir, { recursive: true, force: true });
