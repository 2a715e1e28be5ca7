import { runStatuses, type RunStatus } from '../../../../shared/contract/runs';

/** Everything the runs table shows, kept in the URL so a view can be shared and survives a reload. */
export interface RunsViewState {
  filter: string;
  /** One MLflow order_by clause, e.g. `metrics.rmse DESC`; empty = newest first. */
  orderBy: string;
  metrics: string[];
  params: string[];
  tags: string[];
  statuses: RunStatus[];
  startedAfter: string;
  startedBefore: string;
  view: 'active' | 'deleted' | 'all';
  /** `param:model`, `tag:team` or `dataset:`; empty = no grouping. */
  groupBy: string;
  selected: string[];
  pinned: string[];
  /** Run id → palette index chosen by the user. */
  colors: Record<string, number>;
}

export const emptyView: RunsViewState = {
  filter: '', orderBy: '', metrics: [], params: [], tags: [], statuses: [], startedAfter: '', startedBefore: '', view: 'active', groupBy: '', selected: [], pinned: [], colors: {},
};

const isStatus = (s: string): s is RunStatus => (runStatuses as readonly string[]).includes(s);

export function readRunsView(search: URLSearchParams): RunsViewState {
  const view = search.get('view');
  return {
    filter: search.get('filter') ?? '',
    orderBy: search.get('order') ?? '',
    metrics: search.getAll('metric'),
    params: search.getAll('param'),
    tags: search.getAll('tag'),
    statuses: search.getAll('status').filter(isStatus),
    startedAfter: search.get('from') ?? '',
    startedBefore: search.get('to') ?? '',
    view: view === 'deleted' || view === 'all' ? view : 'active',
    groupBy: search.get('group') ?? '',
    selected: search.getAll('sel'),
    pinned: search.getAll('pin'),
    colors: Object.fromEntries(
      search.getAll('color').flatMap((entry) => {
        const [runId, index] = entry.split(':');
        return runId && /^\d+$/.test(index ?? '') ? [[runId, Number(index)]] : [];
      }),
    ),
  };
}

/** The URL search of a view; defaults are left out so links stay short. */
export function writeRunsView(state: RunsViewState): URLSearchParams {
  const search = new URLSearchParams();
  if (state.filter) search.set('filter', state.filter);
  if (state.orderBy) search.set('order', state.orderBy);
  for (const key of state.metrics) search.append('metric', key);
  for (const key of state.params) search.append('param', key);
  for (const key of state.tags) search.append('tag', key);
  for (const status of state.statuses) search.append('status', status);
  if (state.startedAfter) search.set('from', state.startedAfter);
  if (state.startedBefore) search.set('to', state.startedBefore);
  if (state.view !== 'active') search.set('view', state.view);
  if (state.groupBy) search.set('group', state.groupBy);
  for (const runId of state.selected) search.append('sel', runId);
  for (const runId of state.pinned) search.append('pin', runId);
  for (const [runId, index] of Object.entries(state.colors)) search.append('color', `${runId}:${index}`);
  return search;
}

/** The server's query for a view (selection, pins and colours stay in the browser). */
export function toRunsQuery(experimentId: string, state: RunsViewState) {
  return {
    experimentIds: [experimentId],
    filter: state.filter,
    orderBy: state.orderBy ? [state.orderBy] : [],
    statuses: state.statuses.length > 0 ? state.statuses : undefined,
    startedAfter: state.startedAfter ? new Date(state.startedAfter).toISOString() : undefined,
    startedBefore: state.startedBefore ? new Date(state.startedBefore).toISOString() : undefined,
    view: state.view,
    columns: { metrics: state.metrics, params: state.params, tags: state.tags },
  };
}

/** `param:model` → {entity, key}; undefined when not grouping or malformed. */
export function parseGroupBy(groupBy: string): { entity: 'param' | 'tag' | 'dataset'; key: string } | undefined {
  const at = groupBy.indexOf(':');
  const entity = groupBy.slice(0, at);
  if (entity !== 'param' && entity !== 'tag' && entity !== 'dataset') return undefined;
  return { entity, key: groupBy.slice(at + 1) };
}

/** Next sort when a column header is clicked: descending, then ascending, then back to none. */
export function nextOrder(current: string, identifier: string): string {
  if (current === `${identifier} DESC`) return `${identifier} ASC`;
  if (current === `${identifier} ASC`) return '';
  return `${identifier} DESC`;
}
