import { useQueries, useQuery } from '@tanstack/react-query';
import type { RunRow, RunsQueryInput } from '../../../../shared/contract/runs';
import { pageSize, runsQueries } from './runs.queries';

/** Up to this many runs the table loads them all and nests children under their parents. */
export const treeLimit = 2000;
/** Pages fetched beyond the visible ones in the direction of scrolling, and behind it. */
const pagesAhead = 4;
const pagesBehind = 1;

const pagesBetween = (from: number, to: number) => Array.from({ length: Math.max(0, to - from + 1) }, (_, i) => from + i);

/**
 * The rows the table can show: page 0 (with the total) always, then the pages under the rows on
 * screen, then pages ahead in the scroll direction (and one behind). Those are requested after the
 * visible ones, so a jump to row 50,000 is answered first for the page it shows; and they stay
 * requested while the next visible page loads (gating them on it cancelled them at every page
 * boundary of a fast wheel). Up to `treeLimit` runs every page is fetched.
 */
export function useRunWindow(query: RunsQueryInput, range: { start: number; end: number; backward: boolean }) {
  const first = useQuery(runsQueries.page(query, 0));
  const total = first.data?.total ?? 0;
  const lastPage = Math.max(0, Math.ceil(total / pageSize) - 1);
  const ready = first.data !== undefined && !first.isPlaceholderData;
  const startPage = Math.max(1, Math.floor(range.start / pageSize));
  const endPage = Math.min(lastPage, Math.floor(range.end / pageSize));
  const visible = total <= treeLimit ? pagesBetween(1, lastPage) : pagesBetween(startPage, endPage);
  const visiblePages = useQueries({ queries: ready ? visible.map((p) => runsQueries.page(query, p)) : [] });
  const below = (count: number) => pagesBetween(endPage + 1, Math.min(lastPage, endPage + count));
  const above = (count: number) => pagesBetween(Math.max(1, startPage - count), startPage - 1).reverse();
  // Nearest first, the way the table is going first.
  const around = total <= treeLimit ? [] : range.backward ? [...above(pagesAhead), ...below(pagesBehind)] : [...below(pagesAhead), ...above(pagesBehind)];
  const aroundPages = useQueries({ queries: ready ? around.map((p) => runsQueries.page(query, p)) : [] });

  const rows = new Map<number, RunRow>();
  first.data?.items.forEach((run, i) => rows.set(i, run));
  const add = (pages: number[], results: typeof visiblePages) => pages.forEach((p, i) => results[i]?.data?.items.forEach((run, j) => rows.set(p * pageSize + j, run)));
  add(visible, visiblePages);
  add(around, aroundPages);
  return { first, total, rows, complete: total <= treeLimit && rows.size >= total };
}
