import type { Webhook } from '../../../shared/contract/webhooks';
import type { Db } from '../../db/database';
import type { WebhookRow } from './webhooks.tables';

const iso = (ms: number) => new Date(ms).toISOString();

export function toWebhook(row: WebhookRow): Webhook {
  return {
    id: String(row.id),
    name: row.name,
    url: row.url,
    events: JSON.parse(row.events) as string[],
    enabled: row.enabled === 1,
    createdBy: row.created_by,
    createdAt: iso(row.created_at),
    updatedAt: iso(row.updated_at),
  };
}

export function listWebhookRows(db: Db) {
  return db.selectFrom('webhooks').selectAll().orderBy('id').execute();
}

export function listEnabledWebhookRows(db: Db) {
  return db.selectFrom('webhooks').select(['id', 'events']).where('enabled', '=', 1).execute();
}

export function findWebhookRow(db: Db, id: number) {
  return db.selectFrom('webhooks').selectAll().where('id', '=', id).executeTakeFirst();
}

export function insertWebhookRow(db: Db, values: { name: string; url: string; events: string[]; secretCiphertext: string; enabled: boolean; createdBy: string }) {
  const now = Date.now();
  return db
    .insertInto('webhooks')
    .values({
      name: values.name,
      url: values.url,
      events: JSON.stringify(values.events),
      secret_ciphertext: values.secretCiphertext,
      enabled: values.enabled ? 1 : 0,
      created_by: values.createdBy,
      created_at: now,
      updated_at: now,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
}

export function updateWebhookRow(
  db: Db,
  id: number,
  changes: { name?: string; url?: string; events?: string[]; enabled?: boolean; secretCiphertext?: string },
) {
  return db
    .updateTable('webhooks')
    .set({
      ...(changes.name !== undefined && { name: changes.name }),
      ...(changes.url !== undefined && { url: changes.url }),
      ...(changes.events !== undefined && { events: JSON.stringify(changes.events) }),
      ...(changes.enabled !== undefined && { enabled: changes.enabled ? 1 : 0 }),
      ...(changes.secretCiphertext !== undefined && { secret_ciphertext: changes.secretCiphertext }),
      updated_at: Date.now(),
    })
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirstOrThrow();
}

export async function deleteWebhookRow(db: Db, id: number): Promise<void> {
  await db.deleteFrom('webhooks').where('id', '=', id).execute();
}
