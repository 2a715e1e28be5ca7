import { openDatabase } from './src/server/db/database';
import { migrateToLatest } from './src/server/db/migrate';
import { seedSearchExperiment, seedHistoryRuns } from './src/server/testing/tracking-bulk-seed';
import { searchRuns } from './src/server/modules/tracking/run-search.service';
import { existsSync } from 'node:fs';
const file = '/tmp/rs/plan.db';
const fresh = !existsSync(file);
const h = openDatabase(`sqlite:${file}`);
await migrateToLatest(h);
let exp = 1;
if (fresh) {
  let t0 = performance.now();
  exp = await seedSearchExperiment(h, 100_000);
  console.log('seed runs', performance.now() - t0);
  t0 = performance.now();
  await seedHistoryRuns(h, 10, 100_000, 'curve');
  console.log('seed history', performance.now() - t0);
}
for (const orderBy of [['metrics.loss DESC'], ['params.model'],['metrics.accuracy DESC'], ['metrics.loss ASC'], [], ['params.lr DESC']]) {
  const times: number[] = [];
  for (let i = 0; i < 20; i++) {
    const t = performance.now();
    const r = await searchRuns(h, { experimentIds: [String(exp)], filter: process.env.F ?? "metrics.accuracy > 0.9 and params.model = 'gbm'", orderBy, maxResults: 100 });
    times.push(performance.now() - t);
    if (i === 0) console.log(r.runIds.length);
  }
  times.sort((a, b) => a - b);
  console.log(orderBy, 'p50', times[10]?.toFixed(1), 'p95', times[18]?.toFixed(1));
}
