import { parseFilter } from '../../../shared/search/filter-parser';
import { parseOrderByList } from '../../../shared/search/order-by';
import type { DatabaseHandle } from '../../db/database';
import { decodePageToken, encodePageToken, maxResults } from '../../mlflow/offset-page-token';
import { parsedOrInvalid } from '../../mlflow/search-input';
import { searchExperimentIds } from './experiment-search.repository';
import type { ViewType } from './run-search.service';
import { type ExperimentJson, loadExperiments } from './tracking-json';

/** `experiments/search`: filter on name, times and tags; default 1000 results, at most 50000. */
export interface ExperimentSearchInput {
  filter?: string;
  orderBy?: readonly string[];
  maxResults?: number;
  pageToken?: string;
  /** Default ACTIVE_ONLY. */
  viewType?: ViewType;
}

const lifecycleStages: Record<ViewType, string[]> = { ACTIVE_ONLY: ['active'], DELETED_ONLY: ['deleted'], ALL: ['active', 'deleted'] };

export async function searchExperiments(database: DatabaseHandle, input: ExperimentSearchInput): Promise<{ experiments: ExperimentJson[]; nextPageToken?: string }> {
  const limit = maxResults(input.maxResults, { default: 1000, max: 50_000 });
  const offset = decodePageToken(input.pageToken);
  const { clauses } = parsedOrInvalid(() => parseFilter(input.filter ?? '', 'experiments'));
  const orderBy = parsedOrInvalid(() => parseOrderByList([...(input.orderBy ?? [])], 'experiments'));
  const ids = await searchExperimentIds(database.db, database.dialect, {
    clauses,
    orderBy,
    lifecycleStages: lifecycleStages[input.viewType ?? 'ACTIVE_ONLY'],
    offset,
    limit: limit + 1,
  });
  return {
    experiments: await loadExperiments(database.db, ids.slice(0, limit)),
    nextPageToken: ids.length > limit ? encodePageToken(offset + limit) : undefined,
  };
}
