import type { Db } from '../../db/database';
import { insertDeliveries, insertOutboxEvent } from './outbox.repository';
import { listEnabledWebhookRows } from './webhooks.repository';

export interface WebhookEvent {
  /** e.g. `deployment.changed`, `monitoring.alert`. */
  type: string;
  /** JSON-serialisable; sent as `data` in the delivery body. Never put secrets here. */
  payload: unknown;
}

/** Whether a webhook's filter (event types or `prefix.*` patterns; empty = all) selects a type. */
export function filterMatches(filters: readonly string[], type: string): boolean {
  if (filters.length === 0) return true;
  return filters.some((f) => f === '*' || f === type || (f.endsWith('.*') && type.startsWith(f.slice(0, -1))));
}

/**
 * Records an event for delivery to every enabled webhook whose filter matches. Call it inside the
 * transaction that makes the change the event describes (`inTransaction`): the event then exists
 * if and only if the change committed, and the worker delivers it later with retries, so a crash
 * loses no notification. Returns the outbox event id.
 *
 * `onlyWebhookId` addresses one webhook whatever its filter (test deliveries).
 */
export async function enqueueWebhookEvent(tx: Db, event: WebhookEvent, options: { onlyWebhookId?: number } = {}): Promise<number> {
  const now = Date.now();
  const eventId = await insertOutboxEvent(tx, event.type, JSON.stringify(event.payload ?? null), now);
  const webhooks = await listEnabledWebhookRows(tx);
  const targets = webhooks
    .filter((w) => (options.onlyWebhookId === undefined ? filterMatches(JSON.parse(w.events) as string[], event.type) : Number(w.id) === options.onlyWebhookId))
    .map((w) => Number(w.id));
  await insertDeliveries(tx, eventId, targets, now);
  return eventId;
}
