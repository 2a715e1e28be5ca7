import { parseMessage } from '../../mlflow/mlflow-message';
import { logBatch, type MetricInput } from './tracking-messages';

/**
 * log-batch's request, parsed with a fast path for its metrics. Running zod over 1,000 metrics
 * per call cost more than storing them. A metric already in its plain JSON shape (string key,
 * finite number value, integer timestamp and step, string or absent optional fields) is exactly
 * what zod would accept unchanged, so it is copied here; anything else (strings for numbers,
 * "NaN", wrong types, …) sends the whole request through zod, which converts it or answers with
 * MLflow's error as before. log-batch-parse.test.ts checks both agree.
 */
export type LogBatchInput = ReturnType<typeof logBatch.parse>;

const isText = (value: unknown): value is string => typeof value === 'string' && !value.includes('\u0000');
const isOptionalText = (value: unknown) => value === undefined || value === null || isText(value);
const isStep = (value: unknown) => value === undefined || value === null || Number.isSafeInteger(value);

function plainMetric(item: unknown): MetricInput | undefined {
  if (typeof item !== 'object' || item === null || Array.isArray(item)) return undefined;
  const { key, value, timestamp, step, model_id, dataset_name, dataset_digest } = item as Record<string, unknown>;
  if (!isText(key) || typeof value !== 'number' || !Number.isFinite(value) || !Number.isSafeInteger(timestamp) || !isStep(step)) return undefined;
  if (!isOptionalText(model_id) || !isOptionalText(dataset_name) || !isOptionalText(dataset_digest)) return undefined;
  return {
    key,
    value,
    timestamp: timestamp as number,
    step: (step ?? undefined) as number | undefined,
    model_id: (model_id ?? undefined) as string | undefined,
    dataset_name: (dataset_name ?? undefined) as string | undefined,
    dataset_digest: (dataset_digest ?? undefined) as string | undefined,
  };
}

function plainMetrics(items: unknown[]): MetricInput[] | undefined {
  const metrics: MetricInput[] = [];
  for (const item of items) {
    const metric = plainMetric(item);
    if (!metric) return undefined;
    metrics.push(metric);
  }
  return metrics;
}

export function parseLogBatch(fields: Record<string, unknown>): LogBatchInput {
  const metrics = Array.isArray(fields.metrics) ? plainMetrics(fields.metrics) : undefined;
  if (!metrics) return parseMessage(logBatch, fields);
  return { ...parseMessage(logBatch, { ...fields, metrics: undefined }), metrics };
}
