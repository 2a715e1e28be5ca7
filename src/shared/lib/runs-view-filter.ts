import { runStatuses, type RunStatus } from '../contract/runs';
import { type PrintableClause, printClause } from '../search/filter-printer';

export interface ViewFilterInput {
  filter: string;
  statuses?: readonly RunStatus[];
  startedAfter?: string;
  startedBefore?: string;
}

/**
 * The table's status and time-range pickers written in MLflow's grammar and appended after the
 * user's filter, so the one search engine handles them and error offsets in the user's text stay
 * right. The grammar has no OR or status IN, so chosen statuses become `!=` on the others.
 */
export function composeViewFilter(input: ViewFilterInput): string {
  const clauses: PrintableClause[] = [];
  if (input.statuses && input.statuses.length > 0 && input.statuses.length < runStatuses.length) {
    for (const status of runStatuses.filter((s) => !input.statuses!.includes(s))) clauses.push({ entity: 'attribute', key: 'status', comparator: '!=', value: status });
  }
  if (input.startedAfter) clauses.push({ entity: 'attribute', key: 'start_time', comparator: '>=', value: Date.parse(input.startedAfter) });
  if (input.startedBefore) clauses.push({ entity: 'attribute', key: 'start_time', comparator: '<', value: Date.parse(input.startedBefore) });
  const extra = clauses.map(printClause).join(' AND ');
  const own = input.filter.trim() === '' ? '' : input.filter;
  if (!extra) return own;
  return own ? `${own} AND ${extra}` : extra;
}
