// Ingestion throughput (4 concurrent senders over HTTP, SQLite), its ratio to plain JSON.parse of the
// same payloads, peak RSS, and the 30-day hourly drift query. Prints every figure.
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { buildApp } from '../server/app';
import { loadConfig } from '../server/config/env';
import { openDatabase } from '../server/db/database';
import { migrateToLatest } from '../server/db/migrate';
import { inTransaction } from '../server/db/transaction';
import { systemContext } from '../server/modules/audit/audit.service';
import { createToken } from '../server/modules/auth/tokens.service';
import { createUser } from '../server/modules/auth/users.service';
import { findDriftSettings } from '../server/modules/monitoring/drift-settings.repository';
import { driftStatistics } from '../server/modules/monitoring/drift-statistics';
import { newFeatureRow, setValue } from '../server/modules/monitoring/feature-row';
import { seedDeployment } from '../server/modules/monitoring/monitoring-test-seed';
import { ProfileBuilder } from '../server/modules/monitoring/profile-builder';
import { insertProfile } from '../server/modules/monitoring/profiles.repository';
import { emptyWindow, foldEvent } from '../server/modules/monitoring/window-aggregate';
import { withDrift } from '../server/modules/monitoring/window-drift';
import { upsertWindows } from '../server/modules/monitoring/windows.repository';

const seconds = Number(process.env.BENCH_SECONDS ?? 60);
const senders = 4;
const batchSize = 2000;
const numeric = Array.from({ length: 16 }, (_, i) => `x${i}`);
const categorical = ['plan', 'region', 'device', 'channel'];
const choices = ['a', 'b', 'c', 'd', 'e'];
const normal = () => Math.sqrt(-2 * Math.log(Math.random() + 1e-12)) * Math.cos(2 * Math.PI * Math.random());
const row = () => Object.fromEntries([...numeric.map((n, i) => [n, Math.round((i * 10 + 5 * normal()) * 1000) / 1000]), ...categorical.map((c) => [c, choices[Math.floor(Math.random() * 5)]])]);

const dir = mkdtempSync(path.join(os.tmpdir(), 'sextant-bench-'));
const database = openDatabase(`sqlite:${path.join(dir, 'bench.db')}`);
await migrateToLatest(database);
const config = loadConfig({ SEXTANT_DATA_DIR: dir, DATABASE_URL: `sqlite:${path.join(dir, 'bench.db')}`, LOG_LEVEL: 'silent' });
const app = await buildApp({ config, database, secret: 'bench-secret-0123456789abcdefghijklmnop', logger: false });
const { deploymentId } = await seedDeployment(database.db, { model: 'bench' });

// A reference profile of 20 features (5,000 rows) for versions 1 and 2.
const builder = new ProfileBuilder({ predictionColumn: 'prediction' });
const referenceRows = Array.from({ length: 5000 }, () => ({ ...row(), prediction: Math.random() }));
for (const r of referenceRows) builder.firstPass(r);
builder.plan();
for (const r of referenceRows) builder.secondPass(r);
const profile = builder.result();
const stored = await inTransaction(database, async (tx) => {
  await insertProfile(tx, { modelName: 'bench', version: 2, source: 'upload', sourceName: 'bench.csv', createdBy: 'bench', profile });
  return insertProfile(tx, { modelName: 'bench', version: 1, source: 'upload', sourceName: 'bench.csv', createdBy: 'bench', profile });
});
const user = await createUser(database, { username: 'serving', role: 'ingest', password: 'serving-password-1' }, systemContext);
const { secret } = await createToken(database, Number(user.id), { name: 'bench' }, systemContext);
await app.listen({ port: 0, host: '127.0.0.1' });
const address = app.server.address();
const url = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}/api/v1/deployments/${deploymentId}/predictions`;

// Payloads made up front, so senders only send.
const now = Date.now();
const payloads = Array.from({ length: 16 }, () =>
  JSON.stringify({
    events: Array.from({ length: batchSize }, () => ({
      timestamp: new Date(now - Math.floor(Math.random() * 300_000)).toISOString(),
      modelVersion: Math.random() < 0.1 ? 2 : 1,
      latencyMs: 20 + 80 * Math.random(),
      features: row(),
      prediction: Math.random(),
    })),
  }),
);
const payloadBytes = payloads.reduce((s, p) => s + Buffer.byteLength(p), 0) / payloads.length;

let peakRss = 0;
const rssTimer = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage().rss)), 200);
let sent = 0;
let failures = 0;
const cpuBefore = process.cpuUsage();
const started = performance.now();
const deadline = started + seconds * 1000;
await Promise.all(
  Array.from({ length: senders }, async (_, s) => {
    let i = s;
    while (performance.now() < deadline) {
      const response = await fetch(url, { method: 'POST', headers: { authorization: `Bearer ${secret}`, 'content-type': 'application/json' }, body: payloads[i++ % payloads.length] });
      const result = (await response.json()) as { accepted?: number };
      if (response.status !== 200 || result.accepted !== batchSize) failures += 1;
      else sent += batchSize;
    }
  }),
);
const elapsed = (performance.now() - started) / 1000;
const ingestCpu = process.cpuUsage(cpuBefore);
clearInterval(rssTimer);
const ingestRate = sent / elapsed;

// Plain JSON.parse of the same payloads, same process.
const parseCpuBefore = process.cpuUsage();
const parseStart = performance.now();
let parsed = 0;
while (performance.now() - parseStart < 5000) {
  for (const p of payloads) parsed += (JSON.parse(p) as { events: unknown[] }).events.length;
}
const parseRate = parsed / ((performance.now() - parseStart) / 1000);
const parseCpu = process.cpuUsage(parseCpuBefore);
// Per event, in CPU time: what the ratio would be if neither phase waited for a core (shared machines).
const ingestCpuPerEvent = (ingestCpu.user + ingestCpu.system) / sent;
const parseCpuPerEvent = (parseCpu.user + parseCpu.system) / parsed;

// 30 days of hourly windows for version 1, folded from synthetic events (1,000 per hour).
const hour = 3_600_000;
const firstHour = Math.floor(now / hour) * hour - 30 * 24 * hour;
const settings = await findDriftSettings(database.db, deploymentId);
const seedStart = performance.now();
for (let day = 0; day < 30; day++) {
  const windows = Array.from({ length: 24 }, (_, h) => {
    const agg = emptyWindow(stored.id, profile);
    const features = newFeatureRow(profile.features.length);
    for (let e = 0; e < 1000; e++) {
      const values = row();
      profile.features.forEach((f, i) => setValue(features, i, f, values[f.name] as number | string));
      foldEvent(agg, { latencyMs: 50, error: false, features, prediction: null, label: null }, profile, 512);
    }
    // As ingestion does for the hourly windows a batch changes: their drift is stored with them.
    return withDrift({ version: 1, granularity: 3600, start: firstHour + (day * 24 + h) * hour, agg }, { id: stored.id, profile }, settings, driftStatistics);
  });
  await inTransaction(database, (tx) => upsertWindows(tx, deploymentId, windows));
}
const seedSeconds = (performance.now() - seedStart) / 1000;

const viewer = await createUser(database, { username: 'viewer', role: 'viewer', password: 'viewer-password-1' }, systemContext);
const viewerToken = (await createToken(database, Number(viewer.id), { name: 'bench' }, systemContext)).secret;
const driftUrl = `/api/v1/deployments/${deploymentId}/drift?version=1&resolution=1h&from=${new Date(firstHour).toISOString()}&to=${new Date(firstHour + 30 * 24 * hour).toISOString()}`;
const timings: number[] = [];
const queryCpu: number[] = [];
let windowsReturned = 0;
for (let i = 0; i < 12; i++) {
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  const response = await app.inject({ method: 'GET', url: driftUrl, headers: { authorization: `Bearer ${viewerToken}` } });
  timings.push(performance.now() - t0);
  const cpu = process.cpuUsage(cpu0);
  queryCpu.push((cpu.user + cpu.system) / 1000);
  windowsReturned = (response.json() as { windows: unknown[] }).windows.length;
}
const sorted = timings.slice().sort((a, b) => a - b);
const pct = (q: number) => sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)] as number;

await app.close();
await database.db.destroy();
rmSync(dir, { recursive: true, force: true });

const lines = [
  `monitoring bench (SQLite, ${senders} concurrent senders, ${batchSize} events × 20 features per request, ${Math.round(payloadBytes / 1024)} KiB per request)`,
  `  ingestion: ${sent} events in ${elapsed.toFixed(1)} s = ${Math.round(ingestRate)} events/s (target ≥ 20,000), ${failures} failed requests`,
  `  process CPU during ingestion (server and the in-process senders): ${ingestCpuPerEvent.toFixed(1)} µs per event (${(((ingestCpu.user + ingestCpu.system) / 1e6 / elapsed) * 100).toFixed(0)} % of one core)`,
  `  peak RSS: ${Math.round(peakRss / 1024 / 1024)} MB (target < 400 MB)`,
  `  JSON.parse of the same payloads: ${Math.round(parseRate)} events/s; ingestion / JSON.parse = ${(ingestRate / parseRate).toFixed(3)} (aim ≥ 0.3); in CPU time ${parseCpuPerEvent.toFixed(1)} / ${ingestCpuPerEvent.toFixed(1)} µs per event = ${(parseCpuPerEvent / ingestCpuPerEvent).toFixed(3)}`,
  `  seeded 720 hourly windows (30 days × 1,000 events each, drift stored as ingestion does) in ${seedSeconds.toFixed(1)} s`,
  `  drift query, 30 days hourly × 20 features (${windowsReturned} windows): first ${timings[0]?.toFixed(0)} ms, p50 ${pct(0.5).toFixed(0)} ms, p95 ${pct(0.95).toFixed(0)} ms (target p95 ≤ 200 ms); CPU first ${queryCpu[0]?.toFixed(0)} ms, then median ${(queryCpu.slice(1).sort((a, b) => a - b)[5] ?? 0).toFixed(0)} ms`,
  `  load average at the end: ${os.loadavg().map((l) => l.toFixed(2)).join(' ')}`,
];
process.stdout.write(`${lines.join('\n')}\n`);
