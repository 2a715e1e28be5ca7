import { z } from 'zod';
import { bool, int64, message, repeated } from '../../mlflow/mlflow-message';
import { optionalText, text } from '../../mlflow/mlflow-text';
import { type LoggedModelStatus, loggedModelStatuses } from './logged-model-types';

/** Request messages of the logged-model RPCs (service.proto, MLflow 3). */
const keyValues = repeated(z.object({ key: text, value: optionalText })).optional();

/** Enum fields arrive as names or as their protobuf numbers. */
const statusByNumber: Record<number, LoggedModelStatus> = { 1: 'LOGGED_MODEL_PENDING', 2: 'LOGGED_MODEL_READY', 3: 'LOGGED_MODEL_UPLOAD_FAILED' };
const status = z.union([z.enum(loggedModelStatuses), int64.pipe(z.number().refine((n) => n in statusByNumber, 'unknown status')).transform((n) => statusByNumber[n] as LoggedModelStatus)]);

export const modelRef = z.object({ model_id: text });
export const getModel = modelRef.extend({ allow_deleted: bool.optional() });
export const createModel = z.object({
  experiment_id: text,
  name: optionalText,
  model_type: optionalText,
  source_run_id: optionalText,
  params: keyValues,
  tags: keyValues,
});
export const finalizeModel = modelRef.extend({ status });
export const setTags = modelRef.extend({ tags: keyValues });
export const deleteTag = modelRef.extend({ '*': text });
export const logParams = modelRef.extend({ params: keyValues });
export const listDirectories = modelRef.extend({ artifact_directory_path: optionalText, page_token: optionalText });

const datasetRef = z.object({ dataset_name: text, dataset_digest: optionalText });
export const searchModels = z.object({
  experiment_ids: repeated(text).refine((ids) => ids.length > 0, 'at least one experiment id is required'),
  filter: optionalText,
  datasets: repeated(message(datasetRef)).optional(),
  max_results: int64.optional(),
  order_by: repeated(message(z.object({ field_name: text, ascending: bool.optional(), dataset_name: optionalText, dataset_digest: optionalText }))).optional(),
  page_token: optionalText,
});
export type SearchModelsRequest = z.output<typeof searchModels>;
