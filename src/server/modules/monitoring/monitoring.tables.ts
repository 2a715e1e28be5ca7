import type { Generated } from 'kysely';

export interface ReferenceProfilesTable {
  id: Generated<number>;
  model_name: string;
  version: number;
  active: number;
  source: string;
  source_name: string;
  row_count: number;
  /** The whole profile (see reference-profile.ts), JSON. */
  profile_json: string;
  created_at: number;
  created_by: string;
}

export interface ReferenceBaselinesTable {
  model_name: string;
  version: number;
  target_count: number;
  collected_count: number;
  state_json: string;
  created_at: number;
  created_by: string;
}

export interface MonitorWindowsTable {
  deployment_id: number;
  version: number;
  /** Window length in seconds: 60, 3600 or 86400. */
  granularity: number;
  window_start: number;
  /** The reference profile the feature counts are binned on; null without a reference. */
  profile_id: number | null;
  event_count: number;
  error_count: number;
  /** Serialized latency sketch (see latency-sketch.ts). */
  latency: Buffer;
  /** Serialized feature aggregates (see window-codec.ts). */
  features: Buffer | null;
  /** Performance accumulators from labels, JSON. */
  performance: string | null;
  /** Hourly windows: drift computed at write time (JSON) and what it depends on (see window-drift.ts). */
  drift_key: string | null;
  drift: string | null;
  updated_at: number;
}

export interface PredictionIndexTable {
  deployment_id: number;
  event_id: string;
  version: number;
  window_start: number;
  prediction: string;
  labelled: number;
  created_at: number;
}

export interface DriftSettingsTable {
  deployment_id: number;
  settings_json: string;
  updated_at: number;
}

export interface AlertRulesTable {
  id: Generated<number>;
  name: string;
  metric: string;
  operator: string;
  threshold: number;
  window_minutes: number;
  consecutive: number;
  deployment_id: number | null;
  version_role: string;
  action: string;
  enabled: number;
  created_at: number;
  updated_at: number;
}

export interface AlertsTable {
  id: Generated<number>;
  rule_id: number;
  deployment_id: number;
  version: number;
  subject: string;
  status: string;
  metric: string;
  value: number;
  threshold: number;
  message: string;
  action: string;
  opened_at: number;
  resolved_at: number | null;
}

export interface MonitoringTables {
  reference_profiles: ReferenceProfilesTable;
  reference_baselines: ReferenceBaselinesTable;
  monitor_windows: MonitorWindowsTable;
  prediction_index: PredictionIndexTable;
  drift_settings: DriftSettingsTable;
  alert_rules: AlertRulesTable;
  alerts: AlertsTable;
}
