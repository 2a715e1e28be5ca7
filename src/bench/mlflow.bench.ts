// `npm run bench -- mlflow [--quick] [--runs N] [--steps N] [--history-runs N] [--seconds N]`
// MLflow API figures against a real `sextant serve` process on SQLite (issue 3, Performance):
// 1. runs/search over one experiment of --runs runs (default 100,000): `metrics.accuracy > 0.9
//    and params.model = 'gbm'`, ordered by a metric, 100 results: p50/p95 (target p95 ≤ 50 ms);
// 2. metrics/get-history-bulk-interval, --history-runs runs (10) × --steps steps (100,000):
//    p50/p95 of the time until the whole 3.3 MB answer has arrived (target ≤ 100 ms), and beside
//    it the time including the client's JSON.parse of it (a client's own cost, ~25 ms here);
// 3. runs/log-batch, 1,000 metrics per call from 4 concurrent clients for --seconds (30):
//    metric values/s (target ≥ 100,000/s);
// and the server's RSS, sampled every 100 ms throughout (target < 400 MB). Each figure comes with
// the server's CPU time per request or per value and the load average: 4 other processes may
// share the machine, and CPU time is what their load disturbs least.
import { readFileSync, mkdtempSync, rmSync } from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { openDatabase } from '../server/db/database';
import { migrateToLatest } from '../server/db/migrate';
import { seedHistoryRuns, seedSearchExperiment } from '../server/testing/tracking-bulk-seed';
import { startServerProcess } from '../server/testing/server-process';
import { benchLogBatch } from './mlflow-log-batch';

const args = process.argv.slice(3);
const quick = args.includes('--quick');
const flag = (name: string, fallback: number) => {
  const index = args.indexOf(`--${name}`);
  return index >= 0 ? Number(args[index + 1]) : fallback;
};
const runs = flag('runs', quick ? 20_000 : 100_000);
const steps = flag('steps', quick ? 20_000 : 100_000);
const historyRuns = flag('history-runs', 10);
const seconds = flag('seconds', quick ? 5 : 30);
const clients = 4;

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? Number.NaN;
const ms = (n: number) => `${n.toFixed(1)} ms`;
const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(0)} MB`;

const dataDir = mkdtempSync(path.join(os.tmpdir(), 'sextant-bench-mlflow-'));
console.log(`MLflow API benchmark on SQLite, ${os.cpus().length} CPUs, load average ${os.loadavg()[0]?.toFixed(1)}`);

// --- seed directly, before the server starts --------------------------------------------------
const database = openDatabase(`sqlite:${path.join(dataDir, 'sextant.db')}`);
await migrateToLatest(database);
let started = performance.now();
const searchExperiment = await seedSearchExperiment(database, runs);
console.log(`seeded ${runs.toLocaleString()} runs (2 params, 2 metrics each) in ${((performance.now() - started) / 1000).toFixed(1)} s`);
started = performance.now();
const historyRunIds = await seedHistoryRuns(database, historyRuns, steps, 'curve');
console.log(`seeded ${historyRuns} runs × ${steps.toLocaleString()} steps in ${((performance.now() - started) / 1000).toFixed(1)} s`);
await database.db.destroy();

const server = await startServerProcess({ SEXTANT_DATA_DIR: dataDir, SEXTANT_ADMIN_PASSWORD: 'bench-admin-password' });
let peakRss = 0;
const readRss = () => {
  const status = readFileSync(`/proc/${server.child.pid}/status`, 'utf8');
  return Number(/VmRSS:\s+(\d+) kB/.exec(status)?.[1] ?? 0) * 1024;
};
/** CPU time (user + system) the server process has used so far, from /proc (Linux). */
const serverCpuMs = () => {
  const fields = readFileSync(`/proc/${server.child.pid}/stat`, 'utf8').split(') ')[1]?.split(' ') ?? [];
  return ((Number(fields[11]) + Number(fields[12])) * 1000) / 100;
};
const load = () => `load ${os.loadavg()[0]?.toFixed(1)}`;
const rssTimer = setInterval(() => (peakRss = Math.max(peakRss, readRss())), 100);

try {
  const basic = `Basic ${Buffer.from('admin:bench-admin-password').toString('base64')}`;
  const created = await fetch(`${server.url}/api/v1/me/tokens`, { method: 'POST', headers: { authorization: basic, 'content-type': 'application/json' }, body: JSON.stringify({ name: 'bench' }) });
  const { secret } = (await created.json()) as { secret: string };
  const headers = { authorization: `Bearer ${secret}`, 'content-type': 'application/json' };
  const mlflow = (method: 'GET' | 'POST', endpoint: string, body?: unknown) =>
    fetch(`${server.url}/api/2.0/mlflow/${endpoint}`, { method, headers, ...(body !== undefined && { body: JSON.stringify(body) }) });
  console.log(`server RSS after start: ${mb(readRss())}`);

  // 1. runs/search ---------------------------------------------------------------------------
  const filter = "metrics.accuracy > 0.9 and params.model = 'gbm'";
  console.log(`\n1. runs/search over ${runs.toLocaleString()} runs: ${filter}, max_results 100 (target p95 ≤ 50 ms)`);
  for (const orderBy of ['metrics.accuracy DESC', 'metrics.loss ASC']) {
    const timings: number[] = [];
    let cpu = 0;
    for (let i = 0; i < 220; i++) {
      if (i === 20) cpu = serverCpuMs();
      const start = performance.now();
      const response = await mlflow('POST', 'runs/search', { experiment_ids: [String(searchExperiment)], filter, order_by: [orderBy], max_results: 100 });
      const body = (await response.json()) as { runs?: unknown[] };
      if (response.status !== 200 || body.runs?.length !== 100) throw new Error(`runs/search answered ${response.status} with ${body.runs?.length} runs`);
      if (i >= 20) timings.push(performance.now() - start);
    }
    timings.sort((a, b) => a - b);
    const cpuPerRequest = (serverCpuMs() - cpu) / timings.length;
    const p95 = percentile(timings, 95);
    console.log(`   order_by ${orderBy.padEnd(22)} p50 ${ms(percentile(timings, 50))}  p95 ${ms(p95)}  server CPU ${ms(cpuPerRequest)}/req  ${load()}  ${p95 <= 50 ? 'ok' : 'OVER 50 ms'}`);
  }

  // 2. metrics/get-history-bulk-interval -----------------------------------------------------
  console.log(`   server RSS now ${mb(readRss())}, peak so far ${mb(peakRss)}`);

  console.log(`\n2. metrics/get-history-bulk-interval, ${historyRuns} runs × ${steps.toLocaleString()} steps, max_results 2500 (target ≤ 100 ms)`);
  const query = new URLSearchParams([...historyRunIds.map((id): [string, string] => ['run_ids', id]), ['metric_key', 'curve']]);
  // node:http with keep-alive, as a chart's client holds its connection: undici's fetch added
  // ~10 ms of its own to the p95 of a 3.3 MB answer.
  const agent = new http.Agent({ keepAlive: true });
  const getBody = (url: string) =>
    new Promise<{ status: number; body: Buffer }>((resolve, reject) => {
      http
        .get(url, { agent, headers }, (response) => {
          const chunks: Buffer[] = [];
          response.on('data', (chunk: Buffer) => chunks.push(chunk));
          response.on('end', () => resolve({ status: response.statusCode ?? 0, body: Buffer.concat(chunks) }));
          response.on('error', reject);
        })
        .on('error', reject);
    });
  const arrived: number[] = [];
  const parsed: number[] = [];
  let values = 0;
  let cpu = 0;
  for (let i = 0; i < 65; i++) {
    if (i === 5) cpu = serverCpuMs();
    const start = performance.now();
    const { status, body } = await getBody(`${server.url}/api/2.0/mlflow/metrics/get-history-bulk-interval?${query}`);
    const received = performance.now();
    const answer = JSON.parse(body.toString()) as { metrics?: unknown[] };
    if (status !== 200) throw new Error(`get-history-bulk-interval answered ${status}`);
    values = answer.metrics?.length ?? 0;
    if (i >= 5) {
      arrived.push(received - start);
      parsed.push(performance.now() - start);
    }
  }
  agent.destroy();
  const cpuPerRequest = (serverCpuMs() - cpu) / arrived.length;
  arrived.sort((a, b) => a - b);
  parsed.sort((a, b) => a - b);
  const p95 = percentile(arrived, 95);
  console.log(`   ${values.toLocaleString()} values per answer  p50 ${ms(percentile(arrived, 50))}  p95 ${ms(p95)}  server CPU ${ms(cpuPerRequest)}/req  ${load()}  ${p95 <= 100 ? 'ok' : 'OVER 100 ms'}`);
  console.log(`   with the client's JSON.parse: p50 ${ms(percentile(parsed, 50))}  p95 ${ms(percentile(parsed, 95))}`);
  console.log(`   server RSS now ${mb(readRss())}, peak so far ${mb(peakRss)}`);

  // 3. runs/log-batch --------------------------------------------------------------------------
  console.log(`\n3. runs/log-batch, 1,000 metrics per call, ${clients} concurrent clients, ${seconds} s (target ≥ 100,000 values/s)`);
  const batchCpu = serverCpuMs();
  const batch = await benchLogBatch({ url: server.url, headers }, { clients, seconds });
  const cpuPerValue = ((serverCpuMs() - batchCpu) * 1000) / (batch.calls * 1000);
  const rate = batch.valuesPerSecond;
  console.log(
    `   ${Math.round(rate).toLocaleString()} values/s over ${batch.calls} calls  p50 ${ms(batch.p50)}  p95 ${ms(batch.p95)}  p99 ${ms(batch.p99)}  ${rate >= 100_000 ? 'ok' : 'UNDER 100,000/s'}`,
  );
  console.log(`   server CPU ${cpuPerValue.toFixed(2)} µs/value (${Math.round(1_000_000 / cpuPerValue).toLocaleString()} values per server CPU second)  ${load()}`);

  console.log(`\nserver peak RSS: ${mb(peakRss)} ${peakRss < 400 * 1024 * 1024 ? 'ok (< 400 MB)' : 'OVER 400 MB'}`);
} finally {
  clearInterval(rssTimer);
  server.child.kill('SIGTERM');
  await server.exited;
  rmSync(dataDir, { recursive: true, force: true });
}
