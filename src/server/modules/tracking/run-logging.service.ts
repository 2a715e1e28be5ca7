import type { DatabaseHandle, Db } from '../../db/database';
import { inTransaction } from '../../db/transaction';
import { invalidParameter } from '../../errors';
import { appendAudit, type AuditContext } from '../audit/audit.service';
import { insertMetricRows, upsertLatestMetrics } from './metrics.repository';
import { insertParams, paramValues, type RunRow, runTagValues, updateRunRow, upsertRunTags } from './runs.repository';
import { requireActiveRun, runEntity, runNameTag } from './runs.service';
import type { MetricInput } from './tracking-messages';
import type { MetricValue } from './tracking.tables';
import { limits, validateKey, validateLength, validateParam, validateRunTag } from './tracking-validation';

/**
 * log-parameter, log-metric and log-batch. Params and tags are audited (one event per call);
 * metric values are telemetry, like monitoring's prediction events: an audit row per logged
 * step would bury the trail and halve logging throughput, so they are not (see mutation-samples.ts).
 */
type KeyValue = { key: string; value: string };
export interface BatchInput {
  metrics: MetricInput[];
  params: Array<{ key: string; value?: string }>;
  tags: Array<{ key: string; value?: string }>;
}

function checkBatchLimits(batch: BatchInput) {
  const counts = [
    ['metrics', batch.metrics.length, limits.batchMetrics],
    ['params', batch.params.length, limits.batchParams],
    ['tags', batch.tags.length, limits.batchTags],
  ] as const;
  for (const [what, count, limit] of counts) {
    if (count > limit) throw invalidParameter(`A batch logging request can contain at most ${limit} ${what}. Got ${count} ${what}. Please split up ${what} across multiple requests and try again.`);
  }
  const total = batch.metrics.length + batch.params.length + batch.tags.length;
  if (total > limits.batchTotal) throw invalidParameter(`A batch logging request can contain at most ${limits.batchTotal} metrics, params and tags in total. Got ${total}.`);
}

function validParams(input: BatchInput['params']): KeyValue[] {
  const params = input.map(validateParam);
  const seen = new Set<string>();
  const duplicates = new Set<string>();
  for (const param of params) (seen.has(param.key) ? duplicates : seen).add(param.key);
  if (duplicates.size > 0) {
    throw invalidParameter(`Duplicate parameter keys have been submitted: ${JSON.stringify([...duplicates])}. Please ensure the request contains only one param value per param key.`);
  }
  return params;
}

/** Metric rows as stored: NaN as 0 with is_nan, the step defaulting to 0. */
function metricRows(runId: string, input: MetricInput[]): MetricValue[] {
  // A batch repeats a few keys many times (step after step): check each name once.
  const validKeys = new Set<string>();
  return input.map((metric) => {
    if (!validKeys.has(metric.key)) validKeys.add(validateKey(metric.key, 'metric'));
    if (metric.timestamp < 0) throw invalidParameter(`Got invalid timestamp ${metric.timestamp} for metric '${metric.key}'. Timestamp must be a non-negative integer (milliseconds since the epoch).`);
    validateLength('Metric model_id', metric.model_id, 256);
    validateLength('Metric dataset_name', metric.dataset_name, limits.datasetName);
    validateLength('Metric dataset_digest', metric.dataset_digest, limits.datasetDigest);
    const isNan = Number.isNaN(metric.value);
    return {
      run_uuid: runId,
      key: metric.key,
      step: metric.step ?? 0,
      timestamp: metric.timestamp,
      value: isNan ? 0 : metric.value,
      is_nan: isNan ? 1 : 0,
      model_id: metric.model_id || null,
      dataset_name: metric.dataset_name || null,
      dataset_digest: metric.dataset_digest || null,
    };
  });
}

/** The latest candidate per key within the batch (later by step, timestamp, value). */
function latestPerKey(run: RunRow, rows: MetricValue[]) {
  const latest = new Map<string, MetricValue>();
  for (const row of rows) {
    const current = latest.get(row.key);
    const later = !current || row.step > current.step || (row.step === current.step && (row.timestamp > current.timestamp || (row.timestamp === current.timestamp && row.value > current.value)));
    if (later) latest.set(row.key, row);
  }
  return [...latest.values()].map(({ key, step, timestamp, value, is_nan }) => ({ run_uuid: run.run_uuid, key, experiment_id: Number(run.experiment_id), step, timestamp, value, is_nan }));
}

/** Params are immutable: the same value again is fine, another value is INVALID_PARAMETER_VALUE. */
async function writeParams(tx: Db, runId: string, params: KeyValue[]): Promise<KeyValue[]> {
  if (params.length === 0) return [];
  const keys = params.map((param) => param.key);
  const existing = await paramValues(tx, runId, keys);
  const fresh = params.filter((param) => !existing.has(param.key));
  await insertParams(tx, runId, fresh);
  // Re-read: a concurrent writer may have logged one of these keys first.
  const stored = fresh.length === 0 ? existing : await paramValues(tx, runId, keys);
  const changed = params.filter((param) => stored.get(param.key) !== param.value);
  if (changed.length > 0) {
    const detail = changed.map((param) => ({ key: param.key, old_value: stored.get(param.key), new_value: param.value }));
    throw invalidParameter(
      `Changing param values is not allowed. Params were already logged='${JSON.stringify(detail)}' for run ID='${runId}'.`,
    );
  }
  return fresh;
}

async function writeTags(tx: Db, runId: string, input: BatchInput['tags']) {
  // A key repeated in one batch keeps its last value.
  const tags = [...new Map(input.map(validateRunTag).map((tag) => [tag.key, tag] as const)).values()];
  if (tags.length === 0) return { tags, before: [] };
  const previous = await runTagValues(tx, runId, tags.map((tag) => tag.key));
  await upsertRunTags(tx, runId, tags);
  const renamed = tags.find((tag) => tag.key === runNameTag);
  if (renamed) await updateRunRow(tx, runId, { run_name: renamed.value });
  return { tags, before: tags.filter((tag) => previous.has(tag.key)).map((tag) => ({ key: tag.key, value: previous.get(tag.key) })) };
}

export async function logBatch(database: DatabaseHandle, context: AuditContext, runId: string, batch: BatchInput, action = 'run.log-batch'): Promise<void> {
  checkBatchLimits(batch);
  const params = validParams(batch.params);
  const metrics = metricRows(runId, batch.metrics);
  await inTransaction(database, async (tx) => {
    const run = await requireActiveRun(tx, runId);
    const fresh = await writeParams(tx, runId, params);
    const { tags, before } = await writeTags(tx, runId, batch.tags);
    if (metrics.length > 0) {
      await insertMetricRows(tx, database.dialect, metrics);
      await upsertLatestMetrics(tx, latestPerKey(run, metrics));
    }
    if (fresh.length > 0 || tags.length > 0) {
      await appendAudit(tx, context, { action, ...runEntity(runId), before: before.length > 0 ? { tags: before } : null, after: { params: fresh, tags } });
    }
  });
}

export async function logParam(database: DatabaseHandle, context: AuditContext, runId: string, param: { key: string; value?: string }) {
  await logBatch(database, context, runId, { metrics: [], params: [param], tags: [] }, 'run.log-param');
}

export async function logMetric(database: DatabaseHandle, context: AuditContext, runId: string, metric: MetricInput) {
  await logBatch(database, context, runId, { metrics: [metric], params: [], tags: [] });
}

/**
 * MLflow 2's `runs/log-model`: appends the model's MLmodel summary to the run's
 * `mlflow.log-model.history` tag (a JSON list), which the MLflow UI reads.
 */
export const logModelHistoryTag = 'mlflow.log-model.history';
const requiredModelFields = ['artifact_path', 'flavors', 'utc_time_created', 'run_id'];

export async function logModel(database: DatabaseHandle, context: AuditContext, runId: string, modelJson: string) {
  let model: unknown;
  try {
    model = JSON.parse(modelJson);
  } catch {
    throw invalidParameter("Parameter 'model_json' must be a JSON object (the model's MLmodel summary).");
  }
  if (!model || typeof model !== 'object' || Array.isArray(model)) throw invalidParameter("Parameter 'model_json' must be a JSON object.");
  const missing = requiredModelFields.filter((field) => !(field in model));
  if (missing.length > 0) throw invalidParameter(`Model json is missing mandatory fields: ${JSON.stringify(missing)}`);
  await inTransaction(database, async (tx) => {
    await requireActiveRun(tx, runId);
    const previous = (await runTagValues(tx, runId, [logModelHistoryTag])).get(logModelHistoryTag);
    let history: unknown[] = [];
    try {
      const parsed: unknown = previous ? JSON.parse(previous) : [];
      if (Array.isArray(parsed)) history = parsed;
    } catch {
      // A client overwrote the tag with something else: start a fresh list.
    }
    await upsertRunTags(tx, runId, [{ key: logModelHistoryTag, value: JSON.stringify([...history, model]) }]);
    await appendAudit(tx, context, { action: 'run.log-model', ...runEntity(runId), after: { model } });
  });
}
