import { parseFilter } from '../../../shared/search/filter-parser';
import { parseOrderByList } from '../../../shared/search/order-by';
import type { DatabaseHandle } from '../../db/database';
import { decodePageToken, encodePageToken, maxResults } from '../../mlflow/offset-page-token';
import { parsedOrInvalid } from '../../mlflow/search-input';
import { hydrateModelVersions, latestVersionPerStage } from './model-versions.repository';
import { loadRegisteredModels } from './registered-models.repository';
import { searchModelVersionKeys, searchRegisteredModelNames } from './registry-search.repository';
import type { ModelVersion, RegisteredModel } from './registry-types';

/** Registered model and model version search (section 4 of the MLflow reference). */
export interface SearchInput {
  filter?: string;
  maxResults?: number;
  orderBy?: string[];
  pageToken?: string;
}

export interface Page<T> {
  items: T[];
  nextPageToken?: string;
}

export async function searchRegisteredModels(database: DatabaseHandle, input: SearchInput): Promise<Page<RegisteredModel> & { latestVersions: ModelVersion[] }> {
  const limit = maxResults(input.maxResults, { default: 100, max: 1000 });
  const offset = decodePageToken(input.pageToken);
  const { clauses } = parsedOrInvalid(() => parseFilter(input.filter ?? '', 'registeredModels'));
  const orderBy = parsedOrInvalid(() => parseOrderByList(input.orderBy, 'registeredModels'));
  // One row more than asked tells whether another page follows.
  const names = await searchRegisteredModelNames(database.db, database.dialect, { clauses, orderBy, offset, limit: limit + 1 });
  const page = names.slice(0, limit);
  return {
    items: await loadRegisteredModels(database.db, page),
    latestVersions: await latestVersionPerStage(database.db, page),
    nextPageToken: names.length > limit ? encodePageToken(offset + limit) : undefined,
  };
}

export async function searchModelVersions(database: DatabaseHandle, input: SearchInput): Promise<Page<ModelVersion>> {
  const limit = maxResults(input.maxResults, { default: 200_000, max: 200_000 });
  const offset = decodePageToken(input.pageToken);
  const { clauses } = parsedOrInvalid(() => parseFilter(input.filter ?? '', 'modelVersions'));
  const orderBy = parsedOrInvalid(() => parseOrderByList(input.orderBy, 'modelVersions'));
  const rows = await searchModelVersionKeys(database.db, database.dialect, { clauses, orderBy, offset, limit: limit + 1 });
  return {
    items: await hydrateModelVersions(database.db, rows.slice(0, limit)),
    nextPageToken: rows.length > limit ? encodePageToken(offset + limit) : undefined,
  };
}
