import type { Generated } from 'kysely';

export interface ExperimentsTable {
  experiment_id: Generated<number>;
  name: string;
  artifact_location: string;
  lifecycle_stage: string;
  creation_time: number;
  last_update_time: number;
}

export interface ExperimentTagsTable {
  experiment_id: number;
  key: string;
  value: string;
}

export interface RunsTable {
  run_uuid: string;
  experiment_id: number;
  run_name: string;
  user_id: string;
  status: string;
  start_time: number;
  end_time: number | null;
  lifecycle_stage: string;
  artifact_uri: string;
  deleted_time: number | null;
}

export interface RunKeyValueTable {
  run_uuid: string;
  key: string;
  value: string;
}

/** One metric history (a run and key), numbered so `metrics` rows carry a small integer instead of both. */
export interface MetricSeriesTable {
  series_id: Generated<number>;
  run_uuid: string;
  key: string;
}

/** A logged value of a history (see metric-series.repository). */
export interface MetricsTable {
  series_id: number;
  step: number;
  timestamp: number;
  value: number;
  is_nan: number;
  model_id: string | null;
  dataset_name: string | null;
  dataset_digest: string | null;
}

/** A metric value as logged: its history named by run and key. */
export interface MetricValue extends Omit<MetricsTable, 'series_id'> {
  run_uuid: string;
  key: string;
}

export interface LatestMetricsTable {
  run_uuid: string;
  key: string;
  experiment_id: number;
  step: number;
  timestamp: number;
  value: number;
  is_nan: number;
}

/** A summary of `block_size` consecutive steps of one history (see metric-blocks.repository). */
export interface MetricBlocksTable {
  run_uuid: string;
  key: string;
  block_size: number;
  block_index: number;
  step_min: number;
  step_max: number;
  time_min: number;
  time_max: number;
  /** Lowest and highest finite value, null when the block holds none. */
  value_min: number | null;
  value_max: number | null;
  value_count: number;
  non_finite: number;
}

export interface DatasetsTable {
  dataset_uuid: string;
  experiment_id: number;
  name: string;
  digest: string;
  source_type: string;
  source: string;
  schema: string | null;
  profile: string | null;
}

export interface RunInputsTable {
  input_uuid: string;
  run_uuid: string;
  dataset_uuid: string;
}

export interface InputTagsTable {
  input_uuid: string;
  key: string;
  value: string;
}

export interface LoggedModelsTable {
  model_id: string;
  experiment_id: number;
  name: string;
  artifact_location: string;
  creation_timestamp_ms: number;
  last_updated_timestamp_ms: number;
  status: string;
  status_message: string | null;
  lifecycle_stage: string;
  model_type: string | null;
  source_run_id: string | null;
  creator_id: string | null;
}

export interface LoggedModelKeyValueTable {
  model_id: string;
  key: string;
  value: string;
}

export interface RunModelLinksTable {
  run_uuid: string;
  model_id: string;
  /** 'input' (runs/log-inputs models) or 'output' (runs/outputs). */
  direction: string;
  step: number;
}

export interface TrackingTables {
  experiments: ExperimentsTable;
  experiment_tags: ExperimentTagsTable;
  runs: RunsTable;
  run_tags: RunKeyValueTable;
  params: RunKeyValueTable;
  metric_series: MetricSeriesTable;
  metrics: MetricsTable;
  latest_metrics: LatestMetricsTable;
  metric_blocks: MetricBlocksTable;
  datasets: DatasetsTable;
  run_inputs: RunInputsTable;
  input_tags: InputTagsTable;
  logged_models: LoggedModelsTable;
  logged_model_tags: LoggedModelKeyValueTable;
  logged_model_params: LoggedModelKeyValueTable;
  run_model_links: RunModelLinksTable;
}
