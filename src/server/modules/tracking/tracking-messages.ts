import { z } from 'zod';
import { double, int32, int64, repeated } from '../../mlflow/mlflow-message';
import { optionalText, text } from '../../mlflow/mlflow-text';

/** Request messages of MLflow's tracking service (service.proto), as the Python and npm clients send them. */

/** Some clients send JSON null for unset fields: treat it as unset. */
const unsetIfNull = <T extends z.ZodType>(schema: T) => z.preprocess((value) => (value === null ? undefined : value), schema.optional());

const keyValue = z.object({ key: text, value: optionalText });
const keyValues = unsetIfNull(repeated(keyValue));

/** Runs are named by `run_id`; older clients send the deprecated `run_uuid` (often both). */
const runRef = { run_id: optionalText, run_uuid: optionalText };

export const createExperiment = z.object({ name: text, artifact_location: optionalText, tags: keyValues });
export const experimentRef = z.object({ experiment_id: text });
export const experimentByName = z.object({ experiment_name: text });
export const updateExperiment = z.object({ experiment_id: text, new_name: optionalText });
export const setExperimentTag = z.object({ experiment_id: text, key: text, value: optionalText });
export const deleteExperimentTag = z.object({ experiment_id: text, key: text });
export const listExperiments = z.object({ view_type: optionalText, max_results: unsetIfNull(int64), page_token: optionalText });

export const createRun = z.object({
  experiment_id: optionalText,
  user_id: optionalText,
  run_name: optionalText,
  start_time: unsetIfNull(int64),
  tags: keyValues,
});
export const runOnly = z.object(runRef);
export const updateRun = z.object({ ...runRef, status: optionalText, end_time: unsetIfNull(int64), run_name: optionalText });
export const setRunTag = z.object({ ...runRef, key: text, value: optionalText });
export const deleteRunTag = z.object({ ...runRef, key: text });
export const logParam = z.object({ ...runRef, key: text, value: optionalText });

const metric = z.object({
  key: text,
  value: double,
  timestamp: int64,
  step: unsetIfNull(int64),
  model_id: optionalText,
  dataset_name: optionalText,
  dataset_digest: optionalText,
});
export type MetricInput = z.output<typeof metric>;
export const logMetric = metric.extend(runRef);
export const logBatch = z.object({ ...runRef, metrics: unsetIfNull(repeated(metric)), params: keyValues, tags: keyValues });
export const logModel = z.object({ ...runRef, model_json: text });

const dataset = z.object({
  name: text,
  digest: text,
  source_type: text,
  source: text,
  schema: optionalText,
  profile: optionalText,
});
export type DatasetInput = z.output<typeof dataset>;
export const logInputs = z.object({
  ...runRef,
  datasets: unsetIfNull(repeated(z.object({ tags: keyValues, dataset }))),
  models: unsetIfNull(repeated(z.object({ model_id: text }))),
});
export const logOutputs = z.object({ ...runRef, models: repeated(z.object({ model_id: text, step: unsetIfNull(int64) })) });

export const metricHistory = z.object({ ...runRef, metric_key: text, max_results: unsetIfNull(int32), page_token: optionalText });
