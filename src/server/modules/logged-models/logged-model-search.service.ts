import { parseFilter } from '../../../shared/search/filter-parser';
import { parseLoggedModelOrderBy } from '../../../shared/search/order-by';
import type { DatabaseHandle } from '../../db/database';
import { invalidParameter } from '../../errors';
import { decodePageToken, encodePageToken, maxResults } from '../../mlflow/offset-page-token';
import { parsedOrInvalid } from '../../mlflow/search-input';
import type { LoggedModel } from './logged-model-types';
import { searchLoggedModelRows } from './logged-model-search.repository';
import type { SearchModelsRequest } from './logged-models-messages';
import { hydrateLoggedModels } from './logged-models.repository';
import { experimentNumber } from './logged-models.service';

/**
 * `logged-models/search`. Page tokens carry the query they belong to (experiments, filter,
 * order), as MLflow's do, and are refused with a different query.
 */
export async function searchLoggedModels(database: DatabaseHandle, request: SearchModelsRequest): Promise<{ models: LoggedModel[]; nextPageToken?: string }> {
  const limit = maxResults(request.max_results, { default: 100, max: 1000 });
  const datasets = (request.datasets ?? []).map((d) => {
    if (!d.dataset_name) throw invalidParameter('`dataset_name` in the `datasets` clause must be specified.');
    return { name: d.dataset_name, ...(d.dataset_digest ? { digest: d.dataset_digest } : {}) };
  });
  const { clauses } = parsedOrInvalid(() => parseFilter(request.filter ?? '', 'loggedModels'));
  const orderBy = parsedOrInvalid(() =>
    (request.order_by ?? []).map((o) =>
      parseLoggedModelOrderBy({ fieldName: o.field_name, ascending: o.ascending, datasetName: o.dataset_name || undefined, datasetDigest: o.dataset_digest || undefined }),
    ),
  );
  const bound = { experiment_ids: request.experiment_ids, filter: request.filter ?? null, order_by: request.order_by ?? null };
  const offset = decodePageToken(request.page_token, bound);
  const experimentIds = request.experiment_ids.map(experimentNumber).filter((id): id is number => id !== undefined);
  const rows = await searchLoggedModelRows(database.db, database.dialect, { experimentIds, clauses, datasets, orderBy, offset, limit: limit + 1 });
  return {
    models: await hydrateLoggedModels(database.db, rows.slice(0, limit)),
    nextPageToken: rows.length > limit ? encodePageToken(offset + limit, bound) : undefined,
  };
}
