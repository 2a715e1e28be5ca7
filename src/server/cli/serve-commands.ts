import type { Command } from 'commander';
import { loadConfig } from '../config/env';
import { openDatabase } from '../db/database';
import { migrateToLatest } from '../db/migrate';
import { buildClientIfMissing, runServer } from '../server';

export function registerServeCommands(program: Command) {
  program
    .command('serve')
    .description('Migrate the database and serve the dashboard and APIs')
    .option('--build-if-missing', 'build the dashboard first if it has never been built')
    .action(async (options: { buildIfMissing?: boolean }) => {
      const config = loadConfig();
      if (options.buildIfMissing) await buildClientIfMissing();
      await runServer(config);
    });

  program
    .command('migrate')
    .description('Bring the database schema to the latest version and exit')
    .action(async () => {
      const config = loadConfig();
      const database = openDatabase(config.databaseUrl);
      try {
        const result = await migrateToLatest(database);
        const applied = result.results?.filter((r) => r.status === 'Success').map((r) => r.migrationName) ?? [];
        process.stdout.write(applied.length ? `Applied: ${applied.join(', ')}\n` : 'Already up to date.\n');
      } finally {
        await database.db.destroy();
      }
    });
}
