import type { MetricValue, RunRow, RunStatus } from '../../../shared/contract/runs';
import { runStatuses } from '../../../shared/contract/runs';
import type { Db } from '../../db/database';
import { inBatches } from '../../db/in-batches';
import type { RunJson } from '../tracking/tracking-json';

/** Tags MLflow clients set that the table shows as fixed columns. */
export const systemTags = {
  source: 'mlflow.source.name',
  gitCommit: 'mlflow.source.git.commit',
  parentRunId: 'mlflow.parentRunId',
  datasetContext: 'mlflow.data.context',
} as const;

/** JSON has no NaN or infinities: they travel as strings. */
export function metricValue(value: number): MetricValue {
  if (Number.isNaN(value)) return 'NaN';
  if (value === Infinity) return 'Infinity';
  if (value === -Infinity) return '-Infinity';
  return value;
}

const iso = (ms: number) => new Date(Number(ms)).toISOString();
/** A stored status as the contract's enum (an unknown value reads as FAILED). */
export const toStatus = (status: string): RunStatus => ((runStatuses as readonly string[]).includes(status) ? (status as RunStatus) : 'FAILED');

export interface Columns {
  metrics: readonly string[];
  params: readonly string[];
  tags: readonly string[];
}

/** A table row from a loaded run; only the chosen metric/param/tag columns are kept (all when `columns` is omitted). */
export function toRunRow(run: RunJson, versions: RunRow['registeredVersions'], columns?: Columns): RunRow {
  const tags = new Map(run.data.tags.map((tag) => [tag.key, tag.value]));
  const keep = (chosen: readonly string[] | undefined, key: string) => !chosen || chosen.includes(key);
  return {
    runId: run.info.run_id,
    runName: run.info.run_name,
    experimentId: run.info.experiment_id,
    status: toStatus(run.info.status),
    lifecycleStage: run.info.lifecycle_stage === 'deleted' ? 'deleted' : 'active',
    startTime: iso(run.info.start_time),
    endTime: run.info.end_time === null ? null : iso(run.info.end_time),
    userId: run.info.user_id,
    source: tags.get(systemTags.source) ?? null,
    gitCommit: tags.get(systemTags.gitCommit) ?? null,
    parentRunId: tags.get(systemTags.parentRunId) ?? null,
    datasets: run.inputs.dataset_inputs.map((input) => ({
      name: input.dataset.name,
      digest: input.dataset.digest,
      context: input.tags.find((tag) => tag.key === systemTags.datasetContext)?.value ?? null,
    })),
    registeredVersions: versions,
    metrics: Object.fromEntries(run.data.metrics.filter((m) => keep(columns?.metrics, m.key)).map((m) => [m.key, metricValue(m.value)])),
    params: Object.fromEntries(run.data.params.filter((p) => keep(columns?.params, p.key)).map((p) => [p.key, p.value])),
    tags: Object.fromEntries(run.data.tags.filter((t) => keep(columns?.tags, t.key)).map((t) => [t.key, t.value])),
  };
}

/** Live model versions registered from each run (model_versions_run index). */
export async function registeredVersionsOf(db: Db, runIds: readonly string[]) {
  const rows = await inBatches(runIds, (batch) =>
    db
      .selectFrom('model_versions')
      .select(['run_id', 'name', 'version', 'status'])
      .where('run_id', 'in', batch)
      .where('deleted_time', 'is', null)
      .orderBy('name')
      .orderBy('version')
      .execute(),
  );
  const byRun = new Map<string, Array<{ name: string; version: number; status: string }>>();
  for (const row of rows) {
    const list = byRun.get(row.run_id!) ?? [];
    list.push({ name: row.name, version: Number(row.version), status: row.status });
    byRun.set(row.run_id!, list);
  }
  return byRun;
}
