// Where the runs-ui benchmark keeps its database. Seeding 100,000 runs and 8 million history points
// takes about half an hour, so `--data-dir <dir>` keeps the seeded database between runs: a marker
// file written after a complete seed records its size and schema, and a later run with the same
// --runs/--steps (and the same migrations) reuses it instead of seeding again.
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export interface SeededRunsUi {
  tableExperiment: number;
  compareRuns: string[];
}

interface Marker extends SeededRunsUi {
  runs: number;
  steps: number;
  schema: string;
}

const markerFile = 'runs-ui-seed.json';
const migrationsDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../server/db/migrations');

/** The latest migration: a database seeded under an older schema is seeded again rather than trusted. */
const latestMigration = () =>
  readdirSync(migrationsDir)
    .filter((f) => /^\d{4}-\d{2}-\d{2}.*\.ts$/.test(f))
    .sort()
    .at(-1) ?? '';

/**
 * Returns the data directory and what it already holds for this size (undefined: seed it, then
 * call `remember`). Without a chosen directory a temporary one is used and removed by `cleanUp`.
 */
export function openBenchDataDir(chosen: string | undefined, size: { runs: number; steps: number }) {
  const dir = chosen ? path.resolve(chosen) : mkdtempSync(path.join(os.tmpdir(), 'sextant-runs-ui-bench-'));
  const marker = path.join(dir, markerFile);
  let reusable: SeededRunsUi | undefined;
  if (chosen && existsSync(marker)) {
    const saved = JSON.parse(readFileSync(marker, 'utf8')) as Marker;
    if (saved.runs === size.runs && saved.steps === size.steps && saved.schema === latestMigration()) reusable = saved;
  }
  if (chosen && !reusable && existsSync(dir) && readdirSync(dir).length > 0) {
    // A partial or different seed is started again; anything else is not ours to delete.
    if (!existsSync(path.join(dir, 'sextant.db'))) throw new Error(`--data-dir ${dir} is not empty and holds no benchmark database`);
    rmSync(dir, { recursive: true, force: true });
  }
  mkdirSync(dir, { recursive: true });
  return {
    dir,
    reusable,
    remember: (seeded: SeededRunsUi) => {
      if (chosen) writeFileSync(marker, JSON.stringify({ ...size, schema: latestMigration(), ...seeded } satisfies Marker));
    },
    cleanUp: () => {
      if (!chosen) rmSync(dir, { recursive: true, force: true });
    },
  };
}
