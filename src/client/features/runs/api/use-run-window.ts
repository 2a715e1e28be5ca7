import { useQueries, useQuery } from '@tanstack/react-query';
import type { RunRow, RunsQueryInput } from '../../../../shared/contract/runs';
import { pageSize, runsQueries } from './runs.queries';

/** Up to this many runs the table loads them all and nests children under their parents. */
export const treeLimit = 2000;

/**
 * The rows the table can show: page 0 (with the total) always, plus the pages under the visible
 * range and one either side. Beyond `treeLimit` runs only those pages are fetched.
 */
export function useRunWindow(query: RunsQueryInput, range: { start: number; end: number }) {
  const first = useQuery(runsQueries.page(query, 0));
  const total = first.data?.total ?? 0;
  const lastPage = Math.max(0, Math.ceil(total / pageSize) - 1);
  const wanted = new Set<number>();
  if (total <= treeLimit) for (let p = 1; p <= lastPage; p++) wanted.add(p);
  else {
    const from = Math.max(1, Math.floor(range.start / pageSize) - 1);
    const to = Math.min(lastPage, Math.floor(range.end / pageSize) + 1);
    for (let p = from; p <= to; p++) wanted.add(p);
  }
  const pages = useQueries({ queries: first.data && !first.isPlaceholderData ? [...wanted].map((p) => ({ ...runsQueries.page(query, p), enabled: true })) : [] });
  const rows = new Map<number, RunRow>();
  first.data?.items.forEach((run, i) => rows.set(i, run));
  [...wanted].forEach((p, i) => pages[i]?.data?.items.forEach((run, j) => rows.set(p * pageSize + j, run)));
  return { first, total, rows, complete: total <= treeLimit && rows.size >= total };
}
