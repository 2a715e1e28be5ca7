import { promises as fs } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { type Migration, type MigrationProvider, type MigrationResultSet, Migrator } from 'kysely';
import type { DatabaseHandle, Db } from './database';
import { inTransaction } from './transaction';

const migrationsDir = path.join(path.dirname(fileURLToPath(import.meta.url)), 'migrations');

/** Loads `migrations/<date>_<name>.ts` in name order (files not starting with a date are helpers). */
class MigrationFolder implements MigrationProvider {
  async getMigrations(): Promise<Record<string, Migration>> {
    const files = (await fs.readdir(migrationsDir)).filter((f) => /^\d{4}-\d{2}-\d{2}.*\.ts$/.test(f)).sort();
    const migrations: Record<string, Migration> = {};
    for (const file of files) {
      migrations[file.replace(/\.ts$/, '')] = (await import(pathToFileURL(path.join(migrationsDir, file)).href)) as Migration;
    }
    return migrations;
  }
}

/**
 * Brings the schema to the latest version, safely when several processes start at once:
 * on PostgreSQL Kysely holds an advisory lock and runs each migration in a transaction; on SQLite
 * the whole run happens inside one BEGIN IMMEDIATE transaction, so a second process waits and
 * then finds nothing left to do.
 */
export async function migrateToLatest(handle: DatabaseHandle): Promise<MigrationResultSet> {
  if (handle.dialect === 'postgres') return runMigrator(handle.db);
  return inTransaction(handle, (conn) => runMigrator(conn));
}

/** Brings the schema up to migration `name` (inclusive): for testing a later migration's data copy. */
export async function migrateUpTo(handle: DatabaseHandle, name: string): Promise<MigrationResultSet> {
  if (handle.dialect === 'postgres') return runMigrator(handle.db, name);
  return inTransaction(handle, (conn) => runMigrator(conn, name));
}

async function runMigrator(db: Db, target?: string): Promise<MigrationResultSet> {
  const migrator = new Migrator({ db, provider: new MigrationFolder() });
  const result = target === undefined ? await migrator.migrateToLatest() : await migrator.migrateTo(target);
  if (result.error) {
    const failed = result.results?.find((r) => r.status === 'Error');
    const name = failed ? ` (${failed.migrationName})` : '';
    throw new Error(`Database migration failed${name}: ${(result.error as Error).message ?? result.error}`, {
      cause: result.error,
    });
  }
  return result;
}
