import type { Db } from '../../db/database';
import {
  datasetInputRows,
  experimentRows,
  experimentTagRows,
  inputTagRows,
  latestMetricRows,
  modelLinkRows,
  paramRows,
  runRows,
  runTagRows,
} from './run-data.repository';
import type { Selectable } from 'kysely';
import type { ExperimentsTable, RunsTable } from './tracking.tables';

/**
 * MLflow's wire shapes for tracking objects (section 2 of the MLflow reference): snake_case,
 * experiment ids as strings, int64 as numbers. Unset fields are null here and left out by
 * toMlflowJson, which also spells NaN and ±Infinity as strings.
 */

export interface KeyValueJson {
  key: string;
  value: string;
}

export interface MetricJson {
  key: string;
  value: number;
  timestamp: number;
  step: number;
  dataset_name?: string | null;
  dataset_digest?: string | null;
  model_id?: string | null;
  run_id?: string;
}

export interface RunInfoJson {
  run_id: string;
  run_uuid: string;
  run_name: string;
  experiment_id: string;
  user_id: string;
  status: string;
  start_time: number;
  end_time: number | null;
  artifact_uri: string;
  lifecycle_stage: string;
}

export interface DatasetJson {
  name: string;
  digest: string;
  source_type: string;
  source: string;
  schema: string | null;
  profile: string | null;
}

export interface RunJson {
  info: RunInfoJson;
  data: { metrics: MetricJson[]; params: KeyValueJson[]; tags: KeyValueJson[] };
  inputs: { dataset_inputs: Array<{ tags: KeyValueJson[]; dataset: DatasetJson }>; model_inputs: Array<{ model_id: string }> };
  outputs: { model_outputs: Array<{ model_id: string; step: number }> };
}

export interface ExperimentJson {
  experiment_id: string;
  name: string;
  artifact_location: string;
  lifecycle_stage: string;
  last_update_time: number;
  creation_time: number;
  tags: KeyValueJson[];
}

/** A stored metric value: NaN is kept as 0 with is_nan = 1 (SQLite turns NaN into NULL). */
export function storedMetricValue(row: { value: number; is_nan: number }): number {
  return row.is_nan ? Number.NaN : row.value;
}

export function runInfoJson(row: RunsTable): RunInfoJson {
  return {
    run_id: row.run_uuid,
    run_uuid: row.run_uuid,
    run_name: row.run_name,
    experiment_id: String(row.experiment_id),
    user_id: row.user_id,
    status: row.status,
    start_time: row.start_time,
    end_time: row.end_time,
    artifact_uri: row.artifact_uri,
    lifecycle_stage: row.lifecycle_stage,
  };
}

export function experimentJson(row: Selectable<ExperimentsTable>, tags: KeyValueJson[]): ExperimentJson {
  return {
    experiment_id: String(row.experiment_id),
    name: row.name,
    artifact_location: row.artifact_location,
    lifecycle_stage: row.lifecycle_stage,
    last_update_time: row.last_update_time,
    creation_time: row.creation_time,
    tags,
  };
}

function groupBy<T, K>(rows: readonly T[], keyOf: (row: T) => K): Map<K, T[]> {
  const groups = new Map<K, T[]>();
  for (const row of rows) {
    const key = keyOf(row);
    const group = groups.get(key);
    if (group) group.push(row);
    else groups.set(key, [row]);
  }
  return groups;
}

const keyValue = ({ key, value }: KeyValueJson): KeyValueJson => ({ key, value });

/**
 * Full MLflow runs (info, latest metrics, params, tags, dataset and model inputs, model outputs)
 * for a list of run ids, in the order given; ids with no run are left out. A fixed number of
 * batched queries, however many runs.
 */
export async function loadRuns(db: Db, runIds: readonly string[]): Promise<RunJson[]> {
  if (runIds.length === 0) return [];
  const [runs, tags, params, metrics, inputs, links] = await Promise.all([
    runRows(db, runIds),
    runTagRows(db, runIds),
    paramRows(db, runIds),
    latestMetricRows(db, runIds),
    datasetInputRows(db, runIds),
    modelLinkRows(db, runIds),
  ]);
  const inputTags = groupBy(await inputTagRows(db, inputs.map((input) => input.input_uuid)), (row) => row.input_uuid);
  const byId = new Map(runs.map((run) => [run.run_uuid, run]));
  const tagsOf = groupBy(tags, (row) => row.run_uuid);
  const paramsOf = groupBy(params, (row) => row.run_uuid);
  const metricsOf = groupBy(metrics, (row) => row.run_uuid);
  const inputsOf = groupBy(inputs, (row) => row.run_uuid);
  const linksOf = groupBy(links, (row) => row.run_uuid);

  return runIds.flatMap((runId) => {
    const row = byId.get(runId);
    if (!row) return [];
    const runLinks = linksOf.get(runId) ?? [];
    return [
      {
        info: runInfoJson(row),
        data: {
          metrics: (metricsOf.get(runId) ?? []).map((m) => ({ key: m.key, value: storedMetricValue(m), timestamp: m.timestamp, step: m.step })),
          params: (paramsOf.get(runId) ?? []).map(keyValue),
          tags: (tagsOf.get(runId) ?? []).map(keyValue),
        },
        inputs: {
          dataset_inputs: (inputsOf.get(runId) ?? []).map((input) => ({
            tags: (inputTags.get(input.input_uuid) ?? []).map(keyValue),
            dataset: {
              name: input.name,
              digest: input.digest,
              source_type: input.source_type,
              source: input.source,
              schema: input.schema,
              profile: input.profile,
            },
          })),
          model_inputs: runLinks.filter((link) => link.direction === 'input').map((link) => ({ model_id: link.model_id })),
        },
        outputs: {
          model_outputs: runLinks.filter((link) => link.direction === 'output').map((link) => ({ model_id: link.model_id, step: link.step })),
        },
      },
    ];
  });
}

/** MLflow experiments with their tags, in the order given; unknown ids are left out. */
export async function loadExperiments(db: Db, experimentIds: readonly number[]): Promise<ExperimentJson[]> {
  if (experimentIds.length === 0) return [];
  const [rows, tags] = await Promise.all([experimentRows(db, experimentIds), experimentTagRows(db, experimentIds)]);
  const byId = new Map(rows.map((row) => [Number(row.experiment_id), row]));
  const tagsOf = groupBy(tags, (row) => Number(row.experiment_id));
  return experimentIds.flatMap((id) => {
    const row = byId.get(id);
    return row ? [experimentJson(row, (tagsOf.get(id) ?? []).map(keyValue))] : [];
  });
}
