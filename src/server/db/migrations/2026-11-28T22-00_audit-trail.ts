import type { Kysely } from 'kysely';
import { autoId } from './kit';

/**
 * The audit trail's query, retention and verification support:
 * - an index on (entity_id, seq) for the `model` filter (entity ids `<name>`, `<name>/…`, `<name>@…`
 *   are prefix ranges of it), next to the (entity_type, entity_id, seq) index "as of T" uses, and
 *   one on (entity_type, seq) so a type filter reads the newest events first without sorting;
 * - signed checkpoints: `retention` rows keep the seq and hash of the last deleted event, so the
 *   remaining chain verifies from there; `verified` rows remember how far verification got;
 * - one settings row with the retention period (null: keep forever).
 */
export async function up(db: Kysely<any>): Promise<void> {
  const id = autoId(db);
  await db.schema.createIndex('audit_events_entity_id').on('audit_events').columns(['entity_id', 'seq']).execute();
  await db.schema.createIndex('audit_events_entity_type').on('audit_events').columns(['entity_type', 'seq']).execute();

  await db.schema
    .createTable('audit_checkpoints')
    .addColumn('id', id.type, id.build)
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('seq', 'bigint', (c) => c.notNull())
    .addColumn('hash', 'text', (c) => c.notNull())
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('signature', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('audit_checkpoints_kind_seq').on('audit_checkpoints').columns(['kind', 'seq']).execute();

  await db.schema
    .createTable('audit_settings')
    .addColumn('id', 'integer', (c) => c.primaryKey())
    .addColumn('retention_days', 'integer')
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .execute();
  await db.insertInto('audit_settings').values({ id: 1, retention_days: null, updated_at: Date.now() }).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('audit_settings').execute();
  await db.schema.dropTable('audit_checkpoints').execute();
  await db.schema.dropIndex('audit_events_entity_type').execute();
  await db.schema.dropIndex('audit_events_entity_id').execute();
}
