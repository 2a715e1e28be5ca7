// MLflow API benchmarks against the real server process on SQLite (issue targets in brackets).
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startServerProcess } from '../server/testing/server-process';
import { benchLogBatch } from './mlflow-log-batch';

const seconds = Number(process.env.BENCH_SECONDS ?? 30);
const dataDir = mkdtempSync(path.join(os.tmpdir(), 'sextant-bench-mlflow-'));
const server = await startServerProcess({ SEXTANT_DATA_DIR: dataDir, SEXTANT_ADMIN_PASSWORD: 'bench-admin-password' });

/** Samples the server's resident memory once a second from its Prometheus endpoint. */
function watchRss() {
  let peak = 0;
  const timer = setInterval(async () => {
    const text = await (await fetch(`${server.url}/metrics`)).text().catch(() => '');
    const rss = Number(/sextant_process_resident_memory_bytes (\d+)/.exec(text)?.[1] ?? 0);
    peak = Math.max(peak, rss);
  }, 1000);
  return { stop: () => (clearInterval(timer), peak) };
}

try {
  const basic = `Basic ${Buffer.from('admin:bench-admin-password').toString('base64')}`;
  const created = await fetch(`${server.url}/api/v1/me/tokens`, { method: 'POST', headers: { authorization: basic, 'content-type': 'application/json' }, body: JSON.stringify({ name: 'bench' }) });
  const { secret } = (await created.json()) as { secret: string };
  const target = { url: server.url, headers: { authorization: `Bearer ${secret}`, 'content-type': 'application/json' } };

  console.log(`Sextant MLflow benchmark: SQLite, ${os.cpus().length} CPUs, ${seconds} s per measurement`);
  const rss = watchRss();
  const batch = await benchLogBatch(target, { clients: 4, seconds });
  console.log(
    `runs/log-batch, 4 clients × 1,000 metrics/call   ${Math.round(batch.valuesPerSecond).toLocaleString('en')} values/s   ` +
      `${batch.calls} calls, p50 ${batch.p50.toFixed(1)} ms, p95 ${batch.p95.toFixed(1)} ms, p99 ${batch.p99.toFixed(1)} ms   [≥ 100,000 values/s sustained]`,
  );
  console.log(`server peak RSS: ${(rss.stop() / 1024 / 1024).toFixed(0)} MB   [< 400 MB]`);
} finally {
  server.child.kill('SIGTERM');
  await server.exited;
  rmSync(dataDir, { recursive: true, force: true });
}
