import { useQuery, useSuspenseQuery } from '@tanstack/react-query';
import { Download, GitCompare } from 'lucide-react';
import { useCallback, useLayoutEffect, useMemo, useRef, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import type { Experiment } from '../../../../shared/contract/experiments';
import { exportRunsPath } from '../../../../shared/contract/runs';
import { Button } from '../../../components/ui/button';
import { EmptyState } from '../../../components/ui/empty-state';
import { ErrorState } from '../../../components/ui/query-state';
import { paths } from '../../../config/paths';
import { ApiError } from '../../../lib/api-client';
import { pageSize, runsQueries } from '../api/runs.queries';
import { useRunWindow } from '../api/use-run-window';
import { nestRuns, type TreeRow } from '../utils/run-tree';
import { type RunsViewState, nextOrder, parseGroupBy, readRunsView, toRunsQuery, writeRunsView } from '../utils/runs-view-state';
import { ColumnChooser } from './column-chooser';
import { FilterBox, type FilterError } from './filter-box';
import { type RowControls, colorIndex, runColor } from './run-columns';
import { RunGroupsTable } from './run-groups-table';
import { RunsTable } from './runs-table';
import { RunsToolbar } from './runs-toolbar';

const samePages = (a: { start: number; end: number }, b: { start: number; end: number }) =>
  Math.floor(a.start / pageSize) === Math.floor(b.start / pageSize) && Math.floor(a.end / pageSize) === Math.floor(b.end / pageSize);

function filterErrorOf(error: unknown): FilterError | undefined {
  if (!(error instanceof ApiError) || error.status !== 400) return undefined;
  const detail = error.details.find((d) => d.path === 'body.filter' || d.path === 'body.orderBy');
  return { message: detail?.message ?? error.message, start: detail?.path === 'body.filter' ? detail.start : undefined, end: detail?.path === 'body.filter' ? detail.end : undefined };
}

/**
 * The runs table of one experiment with everything in the URL. A new filter is first tried on
 * page 0; only when it succeeds does the table switch to it, so a bad filter leaves the previous
 * results on screen with the server's message under the offending token.
 */
export function ExperimentRunsView({ experiment }: { experiment: Experiment }) {
  const [search, setSearch] = useSearchParams();
  const state = useMemo(() => readRunsView(search), [search]);
  // Patches apply to the latest URL (a ref, as cells may hold an older closure), so quick clicks do not undo each other.
  const latest = useRef(search);
  const pending = useRef<string | null>(null);
  useLayoutEffect(() => {
    // An older render landing after a newer patch must not roll the patch back.
    if (pending.current === null) latest.current = search;
    else if (search.toString() === pending.current) pending.current = null;
  }, [search]);
  const update = useCallback(
    (patch: Partial<RunsViewState> | ((current: RunsViewState) => Partial<RunsViewState>)) => {
      const current = readRunsView(latest.current);
      const next = writeRunsView({ ...current, ...(typeof patch === 'function' ? patch(current) : patch) });
      latest.current = next;
      pending.current = next.toString();
      setSearch(next, { replace: true });
    },
    [setSearch],
  );
  const keys = useSuspenseQuery(runsQueries.keys(experiment.experimentId)).data;

  const requested = useMemo(() => toRunsQuery(experiment.experimentId, state), [experiment.experimentId, state]);
  const probe = useQuery(runsQueries.page(requested, 0));
  const [applied, setApplied] = useState(requested);
  const probeOk = probe.isSuccess && !probe.isPlaceholderData;
  // Adopted during render (React's pattern for state derived from a change), not in an effect.
  if (probeOk && applied !== requested) setApplied(requested);

  const [range, setRange] = useState({ start: 0, end: 50, backward: false });
  const runWindow = useRunWindow(applied, range);
  const [collapsed, setCollapsed] = useState<ReadonlySet<string>>(new Set());
  const pinned = useMemo(() => new Set(state.pinned), [state.pinned]);
  const pinnedRows = useQuery({ ...runsQueries.page({ ...applied, filter: `attributes.run_id IN (${state.pinned.map((id) => `'${id}'`).join(', ')})`, statuses: undefined, startedAfter: undefined, startedBefore: undefined }, 0), enabled: state.pinned.length > 0 });

  const tree: TreeRow[] | undefined = useMemo(() => (runWindow.complete ? nestRuns([...runWindow.rows.values()], pinned, collapsed) : undefined), [runWindow.complete, runWindow.rows, pinned, collapsed]);
  const pinnedTop: TreeRow[] = useMemo(
    () => (tree ? [] : (pinnedRows.data?.items ?? []).map((run) => ({ run, depth: 0, childCount: 0, pinned: true }))),
    [tree, pinnedRows.data],
  );
  const count = tree ? tree.length : pinnedTop.length + runWindow.total;
  const rowAt = (index: number): TreeRow | undefined => {
    if (tree) return tree[index];
    if (index < pinnedTop.length) return pinnedTop[index];
    const run = runWindow.rows.get(index - pinnedTop.length);
    return run && { run, depth: 0, childCount: 0, pinned: pinned.has(run.runId) };
  };

  const toggle = (list: string[], id: string) => (list.includes(id) ? list.filter((x) => x !== id) : [...list, id]);
  const controls: RowControls = useMemo(
    () => ({
      selected: new Set(state.selected),
      toggleSelected: (id) => update((current) => ({ selected: toggle(current.selected, id) })),
      togglePinned: (id) => update((current) => ({ pinned: toggle(current.pinned, id) })),
      colorOf: (id) => runColor(id, state.colors, state.selected),
      cycleColor: (id) => update({ colors: { ...state.colors, [id]: (colorIndex(id, state.colors, state.selected) + 1) % 8 } }),
      collapsed,
      toggleCollapsed: (id) => setCollapsed((c) => (c.has(id) ? new Set([...c].filter((x) => x !== id)) : new Set([...c, id]))),
    }),
    [state.selected, state.colors, collapsed, update],
  );
  // Only a change of the pages under the window matters here: scrolling within them re-renders the table alone.
  const onRangeChange = useCallback((r: { start: number; end: number }) => setRange((old) => (samePages(old, r) ? old : { ...r, backward: r.start < old.start })), []);

  const groupBy = parseGroupBy(state.groupBy);
  const filterError = probe.isError ? filterErrorOf(probe.error) : undefined;
  const compareHref = `${paths.compareRuns.href(state.selected)}${state.selected.map((id) => `&color=${id}:${colorIndex(id, state.colors, state.selected)}`).join('')}`;
  const exportHref = `${exportRunsPath}?query=${encodeURIComponent(JSON.stringify(applied))}`;

  return (
    <div className="space-y-3">
      <div className="flex flex-wrap items-start gap-2">
        <FilterBox value={state.filter} known={keys} error={filterError} onApply={(filter) => update({ filter })} />
        <ColumnChooser keys={keys} chosen={{ metrics: state.metrics, params: state.params, tags: state.tags }} onChange={(next) => update(next)} />
        <a href={exportHref} download className="inline-flex h-9 items-center gap-2 rounded-md border border-border bg-surface px-3 text-sm font-medium hover:bg-muted">
          <Download className="size-4" /> CSV
        </a>
        {state.selected.length >= 2 && state.selected.length <= 100 ? (
          <Link to={compareHref} className="inline-flex h-9 items-center gap-2 rounded-md bg-primary px-3 text-sm font-medium text-primary-foreground hover:bg-primary/90">
            <GitCompare className="size-4" /> Compare {state.selected.length} runs
          </Link>
        ) : (
          <Button variant="secondary" disabled title="Select 2 to 100 runs">
            <GitCompare className="size-4" /> Compare
          </Button>
        )}
      </div>
      <RunsToolbar state={state} keys={keys} onChange={update} />
      <p className="text-xs text-muted-foreground" aria-live="polite">
        {runWindow.first.isSuccess && `${runWindow.total.toLocaleString('en-US')} runs`}
        {state.selected.length > 0 && ` · ${state.selected.length} selected `}
        {state.selected.length > 0 && (
          <button type="button" className="text-primary hover:underline" onClick={() => update({ selected: [] })}>
            clear selection
          </button>
        )}
        {!tree && runWindow.total > 0 && ' · nested runs are shown under their parent when the view holds up to 2,000 runs'}
      </p>
      {runWindow.first.isError && !runWindow.first.data && !filterError ? (
        <ErrorState error={runWindow.first.error} onRetry={() => runWindow.first.refetch()} />
      ) : groupBy ? (
        <RunGroupsTable query={applied} groupBy={groupBy} metrics={state.metrics} />
      ) : runWindow.first.isSuccess && runWindow.total === 0 && state.pinned.length === 0 ? (
        <EmptyState title={applied.filter || applied.statuses || applied.startedAfter || applied.startedBefore ? 'No runs match this view' : 'No runs in this experiment yet'}>
          {applied.filter ? (
            <>
              <p>Nothing matches the filter. Loosen it or clear it.</p>
              <Button variant="secondary" onClick={() => update({ filter: '', statuses: [], startedAfter: '', startedBefore: '' })}>Clear filters</Button>
            </>
          ) : (
            <p>Log a run with an MLflow client and set the experiment to “{experiment.name}”.</p>
          )}
        </EmptyState>
      ) : (
        <RunsTable
          count={count}
          rowAt={rowAt}
          chosen={applied.columns}
          orderBy={state.orderBy}
          onSort={(key) => update({ orderBy: nextOrder(state.orderBy, key) })}
          controls={controls}
          onRangeChange={onRangeChange}
        />
      )}
    </div>
  );
}
