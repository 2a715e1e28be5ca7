// Data for the runs-ui benchmark, written straight into SQLite before the server starts.
import { openDatabase } from '../server/db/database';
import { migrateToLatest } from '../server/db/migrate';
import { seedExperiment, seedHistory, seedRuns } from '../server/testing/bulk-runs-seed';

export const metricKeys = Array.from({ length: 20 }, (_, i) => `metric_${String(i).padStart(2, '0')}`);
export const historyKeys = ['loss', 'accuracy', 'val_loss', 'val_accuracy'];

/** A run's latest metrics: distinct, deterministic values per run and key. */
const latest = (run: number) => Object.fromEntries(metricKeys.map((key, k) => [key, ((run * 7919 + k * 104_729) % 100_000) / 1000]));

/**
 * One experiment of `runs` runs with 20 metric columns (seeded 10,000 at a time to bound memory),
 * and a second one of 20 runs whose 4 metrics have `steps` points each, for the compare page.
 */
export async function seedRunsUi(url: string, { runs, steps }: { runs: number; steps: number }) {
  const database = openDatabase(url);
  try {
    await migrateToLatest(database);
    const tableExperiment = await seedExperiment(database.db, 'bench/runs-table');
    for (let from = 0; from < runs; from += 10_000) {
      const specs = Array.from({ length: Math.min(10_000, runs - from) }, (_, i) => ({
        runName: `run-${from + i}`,
        params: { lr: String(((from + i) % 10) / 100) },
        metrics: latest(from + i),
      }));
      await seedRuns(database.db, tableExperiment, specs);
    }
    const compareExperiment = await seedExperiment(database.db, 'bench/long-histories');
    const compareRuns = await seedRuns(
      database.db,
      compareExperiment,
      Array.from({ length: 20 }, (_, r) => ({ runName: `long-${r}` })),
    );
    for (const [r, runId] of compareRuns.entries()) {
      for (const [k, key] of historyKeys.entries()) {
        const values = Array.from({ length: steps }, (_, step) => Math.exp(-step / (steps / 4)) * (1 + k) + Math.sin(step / 50 + r) * 0.05);
        await seedHistory(database.db, runId, key, values);
        // The latest value, as logging through the API would have recorded it.
        await database.db
          .insertInto('latest_metrics')
          .values({ run_uuid: runId, key, experiment_id: compareExperiment, step: steps - 1, timestamp: 1_700_000_000_000 + (steps - 1) * 1000, value: values.at(-1) ?? 0, is_nan: 0 })
          .execute();
      }
    }
    return { tableExperiment, compareRuns };
  } finally {
    await database.db.destroy();
  }
}
