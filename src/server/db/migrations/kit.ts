import { type ColumnDefinitionBuilder, type Kysely, PostgresAdapter, sql } from 'kysely';

/**
 * The few column shapes that differ between SQLite and PostgreSQL. Frozen: migrations depend on
 * it, so change it only by adding new helpers.
 *
 * Conventions for both dialects: timestamps are `bigint` milliseconds since the epoch, booleans
 * are `integer` 0/1, JSON is `text`, floating point is `double precision`.
 */
export function isPostgres(db: Kysely<any>): boolean {
  return db.getExecutor().adapter instanceof PostgresAdapter;
}

/** An auto-incrementing integer primary key. */
export function autoId(db: Kysely<any>) {
  return isPostgres(db)
    ? { type: 'bigint' as const, build: (c: ColumnDefinitionBuilder) => c.primaryKey().generatedByDefaultAsIdentity() }
    : { type: 'integer' as const, build: (c: ColumnDefinitionBuilder) => c.primaryKey().autoIncrement() };
}

export { sql };
