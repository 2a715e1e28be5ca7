import { createHash } from 'node:crypto';
import { parseFilter } from '../../../shared/search/filter-parser';
import { parseOrderByList } from '../../../shared/search/order-by';
import type { DatabaseHandle } from '../../db/database';
import { invalidParameter } from '../../errors';
import { decodePageToken, encodePageToken, maxResults } from '../../mlflow/offset-page-token';
import { parsedOrInvalid } from '../../mlflow/search-input';
import { countMatchingRuns, selectRunIds } from './run-search-plan.repository';
import type { RunQuery } from './run-search.repository';

/**
 * `runs/search` for the MLflow API and the dashboard's runs table: MLflow's filter grammar,
 * order_by, view types, limits (default 1000, at most 50000) and offset page tokens. A token is
 * bound to its query, so one reused with another filter is refused instead of skipping rows.
 */
export const viewTypes = ['ACTIVE_ONLY', 'DELETED_ONLY', 'ALL'] as const;
export type ViewType = (typeof viewTypes)[number];

export interface RunSearchInput {
  experimentIds: readonly string[];
  filter?: string;
  orderBy?: readonly string[];
  maxResults?: number;
  pageToken?: string;
  /** Default ACTIVE_ONLY. */
  runViewType?: ViewType;
}

export interface RunSearchPage {
  runIds: string[];
  nextPageToken?: string;
}

const lifecycleStages: Record<ViewType, string[]> = { ACTIVE_ONLY: ['active'], DELETED_ONLY: ['deleted'], ALL: ['active', 'deleted'] };
const experimentIdPattern = /^\d{1,18}$/;

function toQuery(input: RunSearchInput): RunQuery {
  const experimentIds = input.experimentIds.map((id) => {
    if (!experimentIdPattern.test(id)) throw invalidParameter(`Invalid experiment id '${String(id).slice(0, 100)}' in 'experiment_ids': experiment ids are integers`);
    return Number(id);
  });
  return {
    experimentIds: [...new Set(experimentIds)],
    clauses: parsedOrInvalid(() => parseFilter(input.filter ?? '', 'runs')).clauses,
    orderBy: parsedOrInvalid(() => parseOrderByList([...(input.orderBy ?? [])], 'runs')),
    lifecycleStages: lifecycleStages[input.runViewType ?? 'ACTIVE_ONLY'],
  };
}

/** What a page token is bound to: the same experiments, filter, order and view. */
function fingerprint(input: RunSearchInput): string {
  const parts = [[...input.experimentIds].sort(), input.filter ?? '', input.orderBy ?? [], input.runViewType ?? 'ACTIVE_ONLY'];
  return createHash('sha256').update(JSON.stringify(parts)).digest('base64url').slice(0, 16);
}

export async function searchRuns(database: DatabaseHandle, input: RunSearchInput): Promise<RunSearchPage> {
  const limit = maxResults(input.maxResults, { default: 1000, max: 50_000 });
  const query = toQuery(input);
  const bound = { q: fingerprint(input) };
  const offset = decodePageToken(input.pageToken, bound);
  // One row more than asked tells whether another page follows.
  const ids = await selectRunIds(database.db, database.dialect, query, { offset, limit: limit + 1 });
  return {
    runIds: ids.slice(0, limit),
    nextPageToken: ids.length > limit ? encodePageToken(offset + limit, bound) : undefined,
  };
}

/** How many runs the same search matches in total (page fields are ignored). */
export async function countRuns(database: DatabaseHandle, input: Omit<RunSearchInput, 'maxResults' | 'pageToken'>): Promise<number> {
  return countMatchingRuns(database.db, database.dialect, toQuery(input));
}

/**
 * One page at an offset, for a dashboard that jumps anywhere in a long result (the runs table's
 * virtual scroll): same filter, order and view rules as searchRuns, no page token.
 */
export async function searchRunIdsAt(database: DatabaseHandle, input: Omit<RunSearchInput, 'maxResults' | 'pageToken'>, page: { offset: number; limit: number }): Promise<string[]> {
  return selectRunIds(database.db, database.dialect, toQuery(input), page);
}
