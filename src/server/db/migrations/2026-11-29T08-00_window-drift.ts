import type { Kysely } from 'kysely';

/**
 * Drift of a closed-or-growing hourly window, computed when the window is written (ingestion) and
 * stored next to it with the key it depends on (profile, event count, settings): the drift-over-
 * time query then reads results instead of recomputing every window's statistics.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('monitor_windows').addColumn('drift_key', 'text').execute();
  await db.schema.alterTable('monitor_windows').addColumn('drift', 'text').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('monitor_windows').dropColumn('drift').execute();
  await db.schema.alterTable('monitor_windows').dropColumn('drift_key').execute();
}
