// npm run bench -- audit [events=1000000]: seeds a SQLite database with real chained events, starts
// the real server on it (its own process, so its RSS is measurable) and prints the figures of
// issue 7: filtered first page p50/p95, full verification and export throughput, RSS growth.
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openDatabase } from '../server/db/database';
import { migrateToLatest } from '../server/db/migrate';
import { seedAuditEvents } from './audit-seed';

const port = 5391;
const base = `http://127.0.0.1:${port}`;
const password = 'bench-admin-password';

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;
/** CPU seconds the process has used (user + system): throughput per CPU second is what a busy machine cannot hide. */
const cpuSeconds = (pid: number) => {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.split(' ') ?? [];
  return (Number(fields[11]) + Number(fields[12])) / 100;
};
const rssMb = (pid: number) => Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0) / 1024;
const print = (line: string) => process.stdout.write(`${line}\n`);

async function startServer(dir: string, databaseUrl: string): Promise<ChildProcess> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/server/cli.ts', 'serve'], {
    stdio: ['ignore', 'ignore', 'inherit'],
    env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', DATABASE_URL: databaseUrl, SEXTANT_DATA_DIR: dir, SEXTANT_ADMIN_PASSWORD: password, LOG_LEVEL: 'warn' },
  });
  for (let i = 0; i < 600; i++) {
    if ((await fetch(`${base}/readyz`).catch(() => null))?.ok) return child;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error('the server did not start');
}

async function run(args: string[]) {
  const count = Number(args[0] ?? 1_000_000);
  const dir = mkdtempSync(path.join(os.tmpdir(), 'sextant-bench-audit-'));
  const file = path.join(dir, 'sextant.db');
  let server: ChildProcess | undefined;
  try {
    const handle = openDatabase(`sqlite:${file}`);
    await migrateToLatest(handle);
    await handle.db.destroy();
    let started = performance.now();
    seedAuditEvents(file, count);
    print(`seeded ${count.toLocaleString('en')} chained events in ${((performance.now() - started) / 1000).toFixed(1)} s`);

    server = await startServer(dir, `sqlite:${file}`);
    const basic = `Basic ${Buffer.from(`admin:${password}`).toString('base64')}`;
    const token = await fetch(`${base}/api/v1/me/tokens`, { method: 'POST', headers: { authorization: basic, 'content-type': 'application/json' }, body: '{"name":"bench"}' });
    const headers = { authorization: `Bearer ${((await token.json()) as { secret: string }).secret}` };

    const day = new Date(Date.now() - 100 * 86_400_000);
    const filters = [
      'action=promotion.',
      'actor=user-7',
      'model=model-42',
      'entityType=deployment&entityId=model-3%2Fproduction',
      `from=${encodeURIComponent(day.toISOString())}&to=${encodeURIComponent(new Date(day.getTime() + 86_400_000).toISOString())}`,
      'action=promotion.approved&actor=user-3',
      'entityType=run',
      'environment=production',
      '',
    ];
    const timings = new Map<string, number[]>(filters.map((f) => [f, []]));
    for (let i = 0; i < 200; i++) {
      const filter = filters[i % filters.length] as string;
      started = performance.now();
      const response = await fetch(`${base}/api/v1/audit/events?limit=50&${filter}`, { headers });
      await response.arrayBuffer();
      if (!response.ok) throw new Error(`${filter}: ${response.status}`);
      timings.get(filter)?.push(performance.now() - started);
    }
    const all = [...timings.values()].flat().sort((a, b) => a - b);
    print(`filtered first page (200 requests, limit 50): p50 ${percentile(all, 50).toFixed(1)} ms, p95 ${percentile(all, 95).toFixed(1)} ms (target p95 <= 50 ms)`);
    for (const [filter, ms] of timings) print(`  ${(filter || '(no filter)').padEnd(60)} p50 ${percentile(ms.sort((a, b) => a - b), 50).toFixed(1)} ms, max ${Math.max(...ms).toFixed(1)} ms`);

    const pid = server.pid as number;
    let cpu = cpuSeconds(pid);
    started = performance.now();
    const verification = (await (await fetch(`${base}/api/v1/audit/verification?mode=full`, { headers })).json()) as { ok: boolean; checked: number };
    const verifySeconds = (performance.now() - started) / 1000;
    const verifyCpu = cpuSeconds(pid) - cpu;
    print(
      `full verification: ${verification.checked.toLocaleString('en')} events in ${verifySeconds.toFixed(2)} s = ${Math.round(verification.checked / verifySeconds).toLocaleString('en')} events/s ` +
        `(${Math.round(verification.checked / verifyCpu).toLocaleString('en')} per server CPU second), ok=${verification.ok} (target >= 200,000/s)`,
    );

    cpu = cpuSeconds(pid);
    const baseline = rssMb(pid);
    let peak = baseline;
    const sampler = setInterval(() => (peak = Math.max(peak, rssMb(pid))), 50);
    started = performance.now();
    const response = await fetch(`${base}/api/v1/audit/export?format=jsonl`, { headers });
    let bytes = 0;
    let lines = 0;
    // Counting newlines with indexOf (memchr), not a loop per byte: on two shared cores the
    // client's CPU time would otherwise come out of the server's throughput.
    for await (const chunk of response.body as unknown as AsyncIterable<Uint8Array>) {
      const bytesOf = Buffer.from(chunk.buffer, chunk.byteOffset, chunk.length);
      bytes += chunk.length;
      for (let i = bytesOf.indexOf(10); i !== -1; i = bytesOf.indexOf(10, i + 1)) lines += 1;
    }
    clearInterval(sampler);
    const exportSeconds = (performance.now() - started) / 1000;
    const exportCpu = cpuSeconds(pid) - cpu;
    const exported = lines - 1;
    print(
      `export (JSONL, all events): ${exported.toLocaleString('en')} events, ${(bytes / 1e6).toFixed(0)} MB in ${exportSeconds.toFixed(2)} s = ` +
        `${Math.round(exported / exportSeconds).toLocaleString('en')} events/s (${Math.round(exported / exportCpu).toLocaleString('en')} per server CPU second) (target >= 100,000/s)`,
    );
    print(`server RSS: ${baseline.toFixed(0)} MB before the export, peak ${peak.toFixed(0)} MB, growth ${(peak - baseline).toFixed(1)} MB (target < 50 MB)`);
    print(`load average (1, 5, 15 min): ${os.loadavg().map((l) => l.toFixed(2)).join(', ')} on ${os.availableParallelism()} cores`);
  } finally {
    server?.kill('SIGTERM');
    await new Promise((resolve) => setTimeout(resolve, 500));
    rmSync(dir, { recursive: true, force: true });
  }
}

await run(process.argv.slice(3));
