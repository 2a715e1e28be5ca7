import type { z } from 'zod';
import type { RunRow, RunsQuery, searchRunsPage } from '../../../shared/contract/runs';
import { composeViewFilter } from '../../../shared/lib/runs-view-filter';
import type { DatabaseHandle } from '../../db/database';
import { ApiError, invalidParameter } from '../../errors';
import { parseOrderByList } from '../../../shared/search/order-by';
import { SearchSyntaxError } from '../../../shared/search/search-syntax-error';
import { type RunSearchInput, type ViewType, countRuns, searchRunIdsAt } from '../tracking/run-search.service';
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

/**
 * A page at any offset (the cursor is the offset), so the virtual table can jump to row 50,000
 * without walking the pages before it.
 */
export async function runsPage(database: DatabaseHandle, body: PageBody) {
  const input = searchInputOf(body);
  const offset = Number(body.cursor ?? 0);
  return withFilterErrors(body, async () => {
    const [ids, total] = await Promise.all([
      searchRunIdsAt(database, input, { offset, limit: body.limit + 1 }),
      body.withTotal ? countRuns(database, input) : Promise.resolve(null),
    ]);
    const items = await rowsOf(database, ids.slice(0, body.limit), body.columns);
    return { items, nextCursor: ids.length > body.limit ? String(offset + body.limit) : null, total };
  });
}
