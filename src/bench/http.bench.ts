// HTTP baseline: an authenticated read and an audited write against the real server on SQLite.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import autocannon from 'autocannon';
import { startServerProcess } from '../server/testing/server-process';

const seconds = Number(process.env.BENCH_SECONDS ?? 10);
const warmUpSeconds = 2;
const dataDir = mkdtempSync(path.join(os.tmpdir(), 'sextant-bench-http-'));
const server = await startServerProcess({ SEXTANT_DATA_DIR: dataDir, SEXTANT_ADMIN_PASSWORD: 'bench-admin-password' });

/** CPU time (user + system) the server process has used, from /proc (Linux); NaN elsewhere. */
function serverCpuMs(): number {
  try {
    const fields = readFileSync(`/proc/${server.child.pid}/stat`, 'utf8').split(') ')[1]?.split(' ') ?? [];
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / 100; // utime + stime, in clock ticks of 10 ms
  } catch {
    return Number.NaN;
  }
}

try {
  const basic = `Basic ${Buffer.from('admin:bench-admin-password').toString('base64')}`;
  const created = await fetch(`${server.url}/api/v1/me/tokens`, {
    method: 'POST',
    headers: { authorization: basic, 'content-type': 'application/json' },
    body: JSON.stringify({ name: 'bench' }),
  });
  const { secret } = (await created.json()) as { secret: string };
  const headers = { authorization: `Bearer ${secret}`, 'content-type': 'application/json' };

  const measure = async (title: string, target: string, options: Partial<autocannon.Options>) => {
    const run = (duration: number) => autocannon({ url: `${server.url}/api/v1/me`, connections: 16, duration, headers, ...options });
    // Unmeasured warm-up: JIT, statement cache and SQLite page cache, as on a server that has been up a while.
    await run(warmUpSeconds);
    const cpuBefore = serverCpuMs();
    const result = await run(seconds);
    const cpuPerRequest = ((serverCpuMs() - cpuBefore) * 1000) / result.requests.total;
    const errors = result.errors + result.non2xx;
    console.log(
      `${title.padEnd(38)} ${result.requests.average.toFixed(0).padStart(6)} req/s   p50 ${result.latency.p50} ms   p99 ${result.latency.p99} ms   errors ${errors}   ` +
        `server CPU ${Number.isFinite(cpuPerRequest) ? cpuPerRequest.toFixed(0) : '?'} µs/req   (${target})`,
    );
  };

  console.log(
    `Sextant HTTP benchmark: ${seconds} s each after ${warmUpSeconds} s of warm-up, 16 connections, SQLite, ${os.cpus().length} CPUs, ` +
      `load average ${os.loadavg()[0]?.toFixed(1)} (other processes on the machine slow the figures down)`,
  );
  await measure('GET /api/v1/me (Bearer token)', 'target ≥ 5,000 req/s, p99 < 20 ms', {});
  let n = 0;
  await measure('PATCH /api/v1/me (one audited write)', 'target ≥ 1,500 req/s, p99 < 20 ms', {
    requests: [{ method: 'PATCH', setupRequest: (request) => ({ ...request, body: JSON.stringify({ displayName: `bench ${n++}` }) }) }],
  });
  const audit = await fetch(`${server.url}/metrics`);
  const rss = /sextant_process_resident_memory_bytes (\d+)/.exec(await audit.text())?.[1];
  console.log(`server RSS after the run: ${(Number(rss) / 1024 / 1024).toFixed(0)} MB`);
} finally {
  server.child.kill('SIGTERM');
  await server.exited;
  rmSync(dataDir, { recursive: true, force: true });
}
