import { execFile } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { createEmptyDatabaseUrl } from '../testing/test-database';
import { openDatabase } from './database';
import { migrateToLatest } from './migrate';

const cli = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../cli.ts');
const run = promisify(execFile);

describe('migrations', () => {
  it('are safe when several processes start at once on one database', { timeout: 120_000 }, async () => {
    const empty = await createEmptyDatabaseUrl();
    try {
      const outputs = await Promise.all(
        Array.from({ length: 3 }, () => run(process.execPath, ['--import', 'tsx', cli, 'migrate'], { env: { ...process.env, DATABASE_URL: empty.url } })),
      );
      // Exactly one process applied the migrations; the others found nothing left to do.
      const appliers = outputs.filter((o) => o.stdout.startsWith('Applied:'));
      expect(appliers).toHaveLength(1);
      expect(outputs.filter((o) => o.stdout.includes('Already up to date'))).toHaveLength(2);

      const handle = openDatabase(empty.url);
      const experiments = await handle.db.selectFrom('experiments').select(['experiment_id', 'name']).execute();
      expect(experiments).toEqual([{ experiment_id: 0, name: 'Default' }]);
      expect((await migrateToLatest(handle)).results).toEqual([]);
      await handle.db.destroy();
    } finally {
      await empty.drop();
    }
  });
});
