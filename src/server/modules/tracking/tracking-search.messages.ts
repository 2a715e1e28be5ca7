import { z } from 'zod';
import { int64, repeated } from '../../mlflow/mlflow-message';
import { optionalText, text } from '../../mlflow/mlflow-text';
import { viewTypes } from './run-search.service';

/** Request messages of the tracking searches (service.proto): runs, experiments, metric intervals. */

/** ViewType by name, or by its protobuf number (1 ACTIVE_ONLY, 2 DELETED_ONLY, 3 ALL). */
const viewType = z.preprocess(
  (value) => (typeof value === 'number' || (typeof value === 'string' && /^[123]$/.test(value)) ? viewTypes[Number(value) - 1] : value),
  z.enum(viewTypes),
);

export const searchRuns = z.object({
  experiment_ids: repeated(text).optional(),
  filter: optionalText,
  run_view_type: viewType.optional(),
  max_results: int64.optional(),
  order_by: repeated(text).optional(),
  page_token: optionalText,
});

export const searchExperiments = z.object({
  filter: optionalText,
  view_type: viewType.optional(),
  max_results: int64.optional(),
  order_by: repeated(text).optional(),
  page_token: optionalText,
});

export const metricBulkInterval = z.object({
  run_ids: repeated(text),
  metric_key: text,
  start_step: int64.optional(),
  end_step: int64.optional(),
  max_results: int64.optional(),
});
