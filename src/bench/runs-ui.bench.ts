// `npm run bench -- runs-ui [--quick] [--runs N] [--steps N] [--data-dir DIR]`: the runs UI in Chromium
// against the real server (a child process on SQLite seeded beforehand). Run `npx vite build` first.
// --data-dir keeps the seeded database there and reuses it when it was seeded for the same size.
// 1. An experiment of 100,000 runs (--quick: 20,000) with 20 metric columns chosen in the URL:
//    navigation until the first rows are visible and the page responds (target ≤ 1.5 s).
// 2. Scrolling that table to row 50,000 (or the middle): a jump, then a fast wheel over 2,000 rows;
//    the longest stretch of frames with skeleton rows (target ≤ 100 ms).
// 3. The compare page of 20 runs × 4 metrics × 100,000 steps (--quick: 20,000): until every line is drawn (≤ 1.5 s).
// 4. The gzipped size of the runs route's chunk (target ≤ 150 KB).
import { existsSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { chromium, type Page } from '@playwright/test';
import { startServerProcess } from '../server/testing/server-process';
import { type ScrollSample, countProbe, nextIdleFrame, scrollProbe } from './runs-ui-probes';
import { historyKeys, metricKeys, seedRunsUi } from './runs-ui-seed';
import { routeChunkSizes } from './route-chunk-size';
import { openBenchDataDir } from './runs-ui-data-dir';

const flag = (name: string) => {
  const at = process.argv.indexOf(name);
  return at >= 0 ? Number(process.argv[at + 1]) : undefined;
};
const quick = process.argv.includes('--quick');
const runs = flag('--runs') ?? (quick ? 20_000 : 100_000);
const steps = flag('--steps') ?? (quick ? 20_000 : 100_000);
const scrollRow = Math.min(50_000, Math.floor(runs / 2));
const clientDir = path.resolve('dist/client');
const verdict = (value: number, target: number) => (value <= target ? 'ok' : `OVER ${target} ms`);
const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;
const fmt = (n: number) => n.toLocaleString('en-US');

if (!existsSync(path.join(clientDir, 'index.html'))) {
  console.log('runs-ui benchmark: no built dashboard in dist/client — run `npx vite build` first.');
  process.exit(1);
}

const chosenDir = process.argv.includes('--data-dir') ? process.argv[process.argv.indexOf('--data-dir') + 1] : undefined;
const data = openBenchDataDir(chosenDir, { runs, steps });
const dataDir = data.dir;
const seedStarted = performance.now();
const seeded = data.reusable ?? (await seedRunsUi(`sqlite:${path.join(dataDir, 'sextant.db')}`, { runs, steps }));
if (!data.reusable) data.remember(seeded);
const size = `${fmt(runs)} runs × ${metricKeys.length} metrics and 20 runs × ${historyKeys.length} metrics × ${fmt(steps)} steps`;
console.log(
  `runs-ui benchmark on SQLite (load average ${os.loadavg()[0]?.toFixed(1)} on ${os.cpus().length} cores): ` +
    (data.reusable ? `reused ${dataDir}, seeded earlier with ${size}` : `seeded ${size} in ${((performance.now() - seedStarted) / 1000).toFixed(1)} s`),
);
const server = await startServerProcess({ SEXTANT_DATA_DIR: dataDir, SEXTANT_ADMIN_PASSWORD: 'bench-admin-password' });
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});

/** CPU time (user + system, ms) the server process has used: less load-sensitive than wall time. */
const serverCpuMs = () => {
  const fields = readFileSync(`/proc/${server.child.pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
  return ((Number(fields[11]) + Number(fields[12])) * 1000) / 100; // utime, stime in clock ticks (USER_HZ 100)
};
const cpuSince = (from: number, loads: number) => `server CPU ${((serverCpuMs() - from) / loads).toFixed(0)} ms per load`;

/** Navigates and waits for `ready`; the first load of each page only fills the HTTP cache. */
async function timeLoads(page: Page, href: string, ready: (page: Page) => Promise<void>, loads = 4) {
  const times: number[] = [];
  for (let i = 0; i <= loads; i++) {
    const started = performance.now();
    await page.goto(`${server.url}${href}`);
    await ready(page).catch(async (error: unknown) => {
      await page.screenshot({ path: 'test-results/runs-ui-bench-timeout.png', fullPage: true });
      throw error;
    });
    if (i > 0) times.push(performance.now() - started);
  }
  return times.sort((a, b) => a - b);
}

try {
  const context = await browser.newContext({ viewport: { width: 1600, height: 1000 } });
  const page = await context.newPage();
  const signIn = await page.request.post(`${server.url}/api/v1/auth/sign-in`, { data: { username: 'admin', password: 'bench-admin-password' } });
  if (!signIn.ok()) throw new Error(`sign-in: ${signIn.status()}`);

  const columns = new URLSearchParams(metricKeys.map((key): [string, string] => ['metric', key]));
  const tableHref = `/experiments/${seeded.tableExperiment}?${columns}`;
  console.log(`\n1. Runs table, ${fmt(runs)} runs, ${metricKeys.length} metric columns: navigation until the first rows are shown and the page responds`);
  let cpuFrom = serverCpuMs();
  const tableTimes = await timeLoads(page, tableHref, async (p) => {
    await p.locator('tr[aria-rowindex="2"][data-loaded="true"]').waitFor({ state: 'visible', timeout: 30_000 });
    await p.evaluate(nextIdleFrame);
  });
  const tableWorst = tableTimes.at(-1) ?? NaN;
  console.log(`   median ${percentile(tableTimes, 50).toFixed(0)} ms  worst ${tableWorst.toFixed(0)} ms (${tableTimes.length} loads)  target ≤ 1500 ms  ${verdict(tableWorst, 1500)}`);
  console.log(`   ${cpuSince(cpuFrom, tableTimes.length + 1)}, load average ${os.loadavg()[0]?.toFixed(1)}`);

  console.log(`\n2. Scrolling that table to row ${fmt(scrollRow)}: longest stretch of frames with skeleton rows`);
  const jumps: ScrollSample[] = [];
  const wheels: ScrollSample[] = [];
  for (let i = 0; i < 3; i++) {
    await page.goto(`${server.url}${tableHref}`);
    await page.locator('tr[aria-rowindex="2"][data-loaded="true"]').waitFor({ state: 'visible', timeout: 30_000 });
    // Each repetition lands on different pages, so none is served from the query cache.
    jumps.push(await page.evaluate<ScrollSample>(scrollProbe({ row: scrollRow - i * 3000, rows: 0, step: 0, timeoutMs: 20_000 })));
    wheels.push(await page.evaluate<ScrollSample>(scrollProbe({ row: 0, rows: 2000, step: 10, timeoutMs: 60_000 })));
  }
  for (const [label, samples] of [['jump (scrollbar drag)', jumps], ['wheel, 2,000 rows at 10 rows per frame', wheels]] as const) {
    const worst = Math.max(...samples.map((s) => s.maxBlankMs));
    const settled = samples.map((s) => s.settledMs.toFixed(0)).join(', ');
    const longest = Math.max(...samples.map((s) => s.longestFrameMs));
    const frames = samples.reduce((sum, s) => sum + s.frames, 0);
    const mean = samples.reduce((sum, s) => sum + s.settledMs, 0) / frames;
    console.log(`   ${label.padEnd(40)} max blank ${worst.toFixed(0)} ms  target ≤ 100 ms  ${verdict(worst, 100)}`);
    console.log(`   ${''.padEnd(40)} settled after ${settled} ms; frames: mean ${mean.toFixed(0)} ms, longest ${longest.toFixed(0)} ms`);
  }

  console.log(`\n3. Compare page, 20 runs × ${historyKeys.length} metrics × ${fmt(steps)} steps: navigation until every chart line is drawn`);
  const lines = seeded.compareRuns.length * historyKeys.length;
  cpuFrom = serverCpuMs();
  const compareTimes = await timeLoads(page, `/compare?runs=${seeded.compareRuns.join(',')}`, async (p) => {
    await p.evaluate(countProbe('section[aria-label="Metric charts"] path.chart-line[d^="M"]', lines, 60_000));
  });
  const compareWorst = compareTimes.at(-1) ?? NaN;
  console.log(`   median ${percentile(compareTimes, 50).toFixed(0)} ms  worst ${compareWorst.toFixed(0)} ms (${compareTimes.length} loads, ${lines} lines)  target ≤ 1500 ms  ${verdict(compareWorst, 1500)}`);
  console.log(`   ${cpuSince(cpuFrom, compareTimes.length + 1)}, load average ${os.loadavg()[0]?.toFixed(1)}`);
} finally {
  await browser.close();
  server.child.kill('SIGTERM');
  await server.exited;
  data.cleanUp();
}

console.log('\n4. Runs route JavaScript (from dist/client; rebuild with `npx vite build` after changes)');
for (const { route, chunk, lazy } of routeChunkSizes(clientDir, ['experiment', 'compare-runs'])) {
  console.log(`   ${route.padEnd(14)} route chunk ${chunk.toFixed(1)} KB gzipped, ${lazy.toFixed(1)} KB with the chunks it loads beyond the shell  target ≤ 150 KB  ${lazy <= 150 ? 'ok' : 'OVER 150 KB'}`);
}
