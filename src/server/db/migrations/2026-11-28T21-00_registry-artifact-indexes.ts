import type { Kysely } from 'kysely';

/**
 * Lookups the registry and artifact store make on every write: which live version was registered
 * from a path (artifact writes there are refused), and which aliases point at a version.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.createIndex('model_versions_storage_location').on('model_versions').column('storage_location').execute();
  await db.schema.createIndex('registered_model_aliases_version').on('registered_model_aliases').columns(['name', 'version']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('registered_model_aliases_version').execute();
  await db.schema.dropIndex('model_versions_storage_location').execute();
}
