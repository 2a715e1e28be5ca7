// `npm run bench -- monitoring [--seconds N] [--senders N]`
// Monitoring figures against a real `sextant serve` process on SQLite (issue 8, Performance):
// 1. ingestion from --senders (4) concurrent senders for --seconds (60), 2,000 events × 20 features
//    per request: events/s (target ≥ 20,000), the server's CPU per event, and the ratio to plain
//    JSON.parse of the same payloads in this process (aim ≥ 0.3);
// 2. the server's peak RSS (VmHWM) and its RSS over the run (target < 400 MB);
// 3. the drift query for 30 days at hourly resolution × 20 features: p95 (target ≤ 200 ms);
// and, from those 720 seeded hours of undrifted traffic, how many feature-hours were flagged anyway.
// The server runs in its own process so that its figures are the product's alone: in one process
// the senders' payloads and HTTP client buffers counted as the server's memory and CPU.
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { openDatabase } from '../server/db/database';
import { migrateToLatest } from '../server/db/migrate';
import { startServerProcess } from '../server/testing/server-process';
import { featureRow, seedMonitoring } from './monitoring-seed';
import { processCpuMs, processRss } from './process-stats';

const args = process.argv.slice(3);
const flag = (name: string, fallback: number) => {
  const index = args.indexOf(`--${name}`);
  return index >= 0 ? Number(args[index + 1]) : fallback;
};
const seconds = flag('seconds', 60);
const senders = flag('senders', 4);
const batchSize = 2000;
const mb = (bytes: number) => `${Math.round(bytes / 1024 / 1024)} MB`;
const load = () => `load average ${os.loadavg().map((l) => l.toFixed(2)).join(' ')}`;

const dataDir = mkdtempSync(path.join(os.tmpdir(), 'sextant-bench-monitoring-'));
const now = Date.now();
const database = openDatabase(`sqlite:${path.join(dataDir, 'sextant.db')}`);
await migrateToLatest(database);
let started = performance.now();
const seeded = await seedMonitoring(database, now);
console.log(`seeded 720 hourly windows (30 days × 1,000 events each, drift stored as ingestion does) in ${((performance.now() - started) / 1000).toFixed(1)} s`);
const { drifted, scored } = seeded.falseAlarms;
console.log(`   undrifted data, so every drifted feature-hour is a false alarm: ${drifted} of ${scored.toLocaleString()} (${((100 * drifted) / scored).toFixed(2)} %)`);
await database.db.destroy();

// Payloads made up front, so senders only send.
const payloads = Array.from({ length: 16 }, () =>
  JSON.stringify({
    events: Array.from({ length: batchSize }, () => ({
      timestamp: new Date(now - Math.floor(Math.random() * 300_000)).toISOString(),
      modelVersion: Math.random() < 0.1 ? 2 : 1,
      latencyMs: 20 + 80 * Math.random(),
      features: featureRow(),
      prediction: Math.random(),
    })),
  }),
);
const payloadBytes = payloads.reduce((s, p) => s + Buffer.byteLength(p), 0) / payloads.length;

const server = await startServerProcess({ SEXTANT_DATA_DIR: dataDir, SEXTANT_ADMIN_PASSWORD: 'bench-admin-password' });
const pid = server.child.pid as number;
try {
  console.log(`monitoring bench: server process on SQLite, ${os.cpus().length} CPUs, ${load()}; server RSS after start ${mb(processRss(pid).rss)}`);

  // 1. Ingestion ---------------------------------------------------------------------------------
  const url = `${server.url}/api/v1/deployments/${seeded.deploymentId}/predictions`;
  const headers = { authorization: `Bearer ${seeded.ingestToken}`, 'content-type': 'application/json' };
  const rssEvery10s: number[] = [];
  let rssSamples = 0;
  const rssTimer = setInterval(() => {
    if (++rssSamples % 100 === 0) rssEvery10s.push(processRss(pid).rss);
  }, 100);
  let sent = 0;
  let failures = 0;
  const cpuBefore = processCpuMs(pid);
  started = performance.now();
  const deadline = started + seconds * 1000;
  await Promise.all(
    Array.from({ length: senders }, async (_, s) => {
      let i = s;
      while (performance.now() < deadline) {
        const response = await fetch(url, { method: 'POST', headers, body: payloads[i++ % payloads.length] });
        const result = (await response.json()) as { accepted?: number };
        if (response.status !== 200 || result.accepted !== batchSize) failures += 1;
        else sent += batchSize;
      }
    }),
  );
  const elapsed = (performance.now() - started) / 1000;
  const ingestCpuMs = processCpuMs(pid) - cpuBefore;
  clearInterval(rssTimer);
  const ingestRate = sent / elapsed;
  const serverUsPerEvent = (ingestCpuMs * 1000) / sent;
  const ingestLoad = load();

  // Plain JSON.parse of the same payloads, in this process.
  const parseCpuBefore = process.cpuUsage();
  const parseStart = performance.now();
  let parsed = 0;
  while (performance.now() - parseStart < 5000) {
    for (const p of payloads) parsed += (JSON.parse(p) as { events: unknown[] }).events.length;
  }
  const parseRate = parsed / ((performance.now() - parseStart) / 1000);
  const parseCpu = process.cpuUsage(parseCpuBefore);
  const parseUsPerEvent = (parseCpu.user + parseCpu.system) / parsed;

  console.log(`\n1. ingestion: ${senders} concurrent senders, ${batchSize} events × 20 features per request (${Math.round(payloadBytes / 1024)} KiB), ${seconds} s`);
  console.log(`   ${sent.toLocaleString()} events in ${elapsed.toFixed(1)} s = ${Math.round(ingestRate).toLocaleString()} events/s (target ≥ 20,000), ${failures} failed requests`);
  console.log(`   server CPU ${serverUsPerEvent.toFixed(2)} µs per event (${((ingestCpuMs / 1000 / elapsed) * 100).toFixed(0)} % of one core)  ${ingestLoad}`);
  console.log(
    `   JSON.parse of the same payloads: ${Math.round(parseRate).toLocaleString()} events/s (${parseUsPerEvent.toFixed(2)} µs per event); ` +
      `ingestion / JSON.parse = ${(ingestRate / parseRate).toFixed(3)} in events/s, ${(parseUsPerEvent / serverUsPerEvent).toFixed(3)} in CPU per event (aim ≥ 0.3)`,
  );

  // 2. Memory ------------------------------------------------------------------------------------
  const { peak } = processRss(pid);
  console.log(`\n2. server RSS every 10 s of ingestion: ${rssEvery10s.map(mb).join(', ')}`);
  console.log(`   server peak RSS (VmHWM): ${mb(peak)} ${peak < 400 * 1024 * 1024 ? 'ok (< 400 MB)' : 'OVER 400 MB'}`);

  // 3. Drift over time ---------------------------------------------------------------------------
  const driftUrl = `${server.url}/api/v1/deployments/${seeded.deploymentId}/drift?version=1&resolution=1h&from=${new Date(seeded.driftFrom).toISOString()}&to=${new Date(seeded.driftTo).toISOString()}`;
  const timings: number[] = [];
  const queryCpu: number[] = [];
  let windowsReturned = 0;
  for (let i = 0; i < 12; i++) {
    const cpu = processCpuMs(pid);
    const t0 = performance.now();
    const response = await fetch(driftUrl, { headers: { authorization: `Bearer ${seeded.viewerToken}` } });
    const body = (await response.json()) as { windows: unknown[] };
    timings.push(performance.now() - t0);
    queryCpu.push(processCpuMs(pid) - cpu);
    windowsReturned = body.windows.length;
  }
  const sorted = timings.slice().sort((a, b) => a - b);
  const pct = (q: number) => sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)] as number;
  const medianCpu = queryCpu.slice(1).sort((a, b) => a - b)[Math.floor((queryCpu.length - 1) / 2)] ?? 0;
  console.log(`\n3. drift query, 30 days hourly × 20 features (${windowsReturned} windows), 12 requests (target p95 ≤ 200 ms)`);
  console.log(`   first ${timings[0]?.toFixed(0)} ms, p50 ${pct(0.5).toFixed(0)} ms, p95 ${pct(0.95).toFixed(0)} ms; server CPU first ${queryCpu[0]?.toFixed(0)} ms, then median ${medianCpu.toFixed(0)} ms  ${load()}`);
} finally {
  server.child.kill('SIGTERM');
  await server.exited;
  rmSync(dataDir, { recursive: true, force: true });
}
