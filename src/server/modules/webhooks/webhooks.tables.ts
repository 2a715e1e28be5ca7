import type { Generated, Selectable } from 'kysely';

export interface WebhooksTable {
  id: Generated<number>;
  name: string;
  url: string;
  /** JSON array of event types or `prefix.*` patterns; an empty array means every event. */
  events: string;
  /** The signing secret, encrypted with the server secret (AES-256-GCM); never returned. */
  secret_ciphertext: string;
  enabled: number;
  created_by: string;
  created_at: number;
  updated_at: number;
}

export interface OutboxEventsTable {
  id: Generated<number>;
  event_type: string;
  payload_json: string;
  created_at: number;
}

export interface WebhookDeliveriesTable {
  id: Generated<number>;
  event_id: number;
  webhook_id: number;
  /** pending | delivered | failed (gave up after the last retry). */
  status: string;
  attempts: number;
  next_attempt_at: number;
  locked_until: number;
  last_status_code: number | null;
  last_error: string | null;
  created_at: number;
  updated_at: number;
  delivered_at: number | null;
}

export interface WebhookDeliveryAttemptsTable {
  id: Generated<number>;
  delivery_id: number;
  attempted_at: number;
  status_code: number | null;
  error: string | null;
  duration_ms: number;
}

export interface WebhooksTables {
  webhooks: WebhooksTable;
  outbox_events: OutboxEventsTable;
  webhook_deliveries: WebhookDeliveriesTable;
  webhook_delivery_attempts: WebhookDeliveryAttemptsTable;
}

export type WebhookRow = Selectable<WebhooksTable>;
