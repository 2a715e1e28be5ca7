import type { Generated, Selectable } from 'kysely';

export interface AuditEventsTable {
  seq: number;
  occurred_at: number;
  actor_id: number | null;
  actor_name: string;
  /** How the actor authenticated: session, token:<id>, basic-password, basic-token:<id>, proxy, cli, system. */
  actor_via: string;
  action: string;
  entity_type: string;
  entity_id: string;
  before_json: string | null;
  after_json: string | null;
  justification: string | null;
  request_id: string | null;
  client_ip: string | null;
  prev_hash: string;
  hash: string;
}

export interface AuditHeadTable {
  id: number;
  seq: number;
  hash: string;
}

/** A signed (HMAC-SHA256) point of the chain: `retention` (last deleted event) or `verified`. */
export interface AuditCheckpointsTable {
  id: Generated<number>;
  kind: 'retention' | 'verified';
  seq: number;
  hash: string;
  created_at: number;
  signature: string;
}

export interface AuditSettingsTable {
  id: number;
  /** Days events are kept; null keeps them forever. */
  retention_days: number | null;
  updated_at: number;
}

export interface AuditTables {
  audit_events: AuditEventsTable;
  audit_head: AuditHeadTable;
  audit_checkpoints: AuditCheckpointsTable;
  audit_settings: AuditSettingsTable;
}

export type AuditEventRow = Selectable<AuditEventsTable>;
export type AuditCheckpointRow = Selectable<AuditCheckpointsTable>;
