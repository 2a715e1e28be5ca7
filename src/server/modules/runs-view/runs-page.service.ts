import type { z } from 'zod';
import type { RunRow, RunsQuery, searchRunsPage } from '../../../shared/contract/runs';
import { composeViewFilter } from '../../../shared/lib/runs-view-filter';
import type { DatabaseHandle } from '../../db/database';
import { ApiError, invalidParameter } from '../../errors';
import { parseOrderByList } from '../../../shared/search/order-by';
import { SearchSyntaxError } from '../../../shared/search/search-syntax-error';
import { type RunSearchInput, type ViewType, countRuns, searchRuns } from '../tracking/run-search.service';
import { loadRuns } from '../tracking/tracking-json';
import { registeredVersionsOf, toRunRow } from './run-row';

const viewTypes: Record<RunsQuery['view'], ViewType> = { active: 'ACTIVE_ONLY', deleted: 'DELETED_ONLY', all: 'ALL' };

/**
 * The table's view as one MLflow search (run-search's engine): status and time pickers are
 * appended to the user's filter. A filter error keeps pointing at the user's text, under
 * `body.filter` with the token's span.
 */
export function searchInputOf(query: RunsQuery): RunSearchInput {
  return {
    experimentIds: query.experimentIds,
    filter: composeViewFilter(query),
    orderBy: query.orderBy,
    runViewType: viewTypes[query.view],
  };
}

/** Runs a search, relabelling grammar errors so the client can underline the token in its box. */
export async function withFilterErrors<T>(query: RunsQuery, work: () => Promise<T>): Promise<T> {
  try {
    parseOrderByList(query.orderBy, 'runs');
  } catch (error) {
    if (error instanceof SearchSyntaxError) throw invalidParameter(error.message, [{ path: 'body.orderBy', message: error.reason }]);
    throw error;
  }
  try {
    return await work();
  } catch (error) {
    const detail = error instanceof ApiError ? error.options.details?.find((d) => d.path === 'filter') : undefined;
    if (!detail || !(error instanceof ApiError)) throw error;
    throw invalidParameter(error.message, [{ ...detail, path: 'body.filter' }]);
  }
}

export async function rowsOf(database: DatabaseHandle, runIds: readonly string[], columns: RunsQuery['columns']): Promise<RunRow[]> {
  const [runs, versions] = await Promise.all([loadRuns(database.db, runIds), registeredVersionsOf(database.db, runIds)]);
  return runs.map((run) => toRunRow(run, (versions.get(run.info.run_id) ?? []).map(({ name, version }) => ({ name, version })), columns));
}

type PageBody = z.output<(typeof searchRunsPage)['body']>;

export async function runsPage(database: DatabaseHandle, body: PageBody) {
  const input = searchInputOf(body);
  return withFilterErrors(body, async () => {
    const [page, total] = await Promise.all([
      searchRuns(database, { ...input, maxResults: body.limit, pageToken: body.cursor }),
      body.withTotal ? countRuns(database, input) : Promise.resolve(null),
    ]);
    return { items: await rowsOf(database, page.runIds, body.columns), nextCursor: page.nextPageToken ?? null, total };
  });
}
