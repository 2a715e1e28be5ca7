import type { Kysely } from 'kysely';

/** The dashboard's models list sorts by last change: keyset pagination over this index. */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.createIndex('registered_models_updated').on('registered_models').columns(['last_updated_timestamp', 'name']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('registered_models_updated').execute();
}
