import type { ColumnDef } from '@tanstack/react-table';
import { ChevronDown, ChevronRight, Pin } from 'lucide-react';
import { Link } from 'react-router';
import type { RunRow } from '../../../../shared/contract/runs';
import { chartColor } from '../../../components/charts/chart-theme';
import { paths } from '../../../config/paths';
import { formatDateTime } from '../../../lib/format';
import { formatDuration, formatMetric } from '../utils/chart-data';
import type { TreeRow } from '../utils/run-tree';
import { RunStatusBadge } from './run-status-badge';

/** What a cell needs besides its row: selection, pins, colours and nesting controls. */
export interface RowControls {
  selected: ReadonlySet<string>;
  toggleSelected: (runId: string) => void;
  togglePinned: (runId: string) => void;
  colorOf: (runId: string) => string;
  cycleColor: (runId: string) => void;
  collapsed: ReadonlySet<string>;
  toggleCollapsed: (runId: string) => void;
}

export interface RunColumnMeta {
  /** The MLflow order_by identifier; absent = not sortable. */
  sortKey?: string;
  width: number;
}

type Col = ColumnDef<TreeRow> & { meta: RunColumnMeta };

const quote = (key: string) => (/^[A-Za-z_][A-Za-z0-9_]*$/.test(key) ? key : `\`${key}\``);

export function runColumns(chosen: { metrics: string[]; params: string[]; tags: string[] }, controls: RowControls): Col[] {
  const fixed: Col[] = [
    {
      id: 'select',
      header: () => <span className="sr-only">Select</span>,
      cell: ({ row: { original } }) => (
        <input
          type="checkbox"
          aria-label={`Select ${original.run.runName}`}
          checked={controls.selected.has(original.run.runId)}
          onChange={() => controls.toggleSelected(original.run.runId)}
        />
      ),
      meta: { width: 36 },
    },
    {
      id: 'pin',
      header: () => <span className="sr-only">Pin and colour</span>,
      cell: ({ row: { original } }) => (
        <span className="flex items-center gap-1">
          <button type="button" aria-label={`Change colour of ${original.run.runName}`} className="size-3 rounded-full" style={{ background: controls.colorOf(original.run.runId) }} onClick={() => controls.cycleColor(original.run.runId)} />
          <button type="button" aria-label={`${original.pinned ? 'Unpin' : 'Pin'} ${original.run.runName}`} aria-pressed={original.pinned} onClick={() => controls.togglePinned(original.run.runId)}>
            <Pin className={original.pinned ? 'size-3.5 fill-current text-primary' : 'size-3.5 text-muted-foreground'} />
          </button>
        </span>
      ),
      meta: { width: 52 },
    },
    {
      id: 'name',
      header: 'Run',
      cell: ({ row: { original } }) => {
        const { run, depth, childCount } = original;
        const open = !controls.collapsed.has(run.runId);
        return (
          <span className="flex items-center gap-1" style={{ paddingLeft: depth * 16 }}>
            {childCount > 0 ? (
              <button type="button" aria-label={`${open ? 'Collapse' : 'Expand'} ${run.runName}`} aria-expanded={open} onClick={() => controls.toggleCollapsed(run.runId)}>
                {open ? <ChevronDown className="size-3.5" /> : <ChevronRight className="size-3.5" />}
              </button>
            ) : depth > 0 || run.parentRunId ? <span className="text-muted-foreground" title="Nested run">↳</span> : null}
            <Link to={paths.run.href(run.runId)} className="truncate font-medium text-primary hover:underline">{run.runName || run.runId.slice(0, 8)}</Link>
          </span>
        );
      },
      meta: { sortKey: 'attributes.run_name', width: 200 },
    },
    { id: 'status', header: 'Status', cell: ({ row: { original } }) => <RunStatusBadge status={original.run.status} />, meta: { sortKey: 'attributes.status', width: 100 } },
    { id: 'created', header: 'Created', cell: ({ row: { original } }) => formatDateTime(original.run.startTime), meta: { sortKey: 'attributes.start_time', width: 160 } },
    {
      id: 'duration',
      header: 'Duration',
      cell: ({ row: { original } }) => (original.run.endTime ? formatDuration(Date.parse(original.run.endTime) - Date.parse(original.run.startTime)) : '—'),
      meta: { width: 90 },
    },
    { id: 'user', header: 'User', cell: ({ row: { original } }) => original.run.userId, meta: { sortKey: 'attributes.user_id', width: 100 } },
    { id: 'source', header: 'Source', cell: ({ row: { original } }) => original.run.source ?? '', meta: { sortKey: 'tags.`mlflow.source.name`', width: 120 } },
    { id: 'commit', header: 'Commit', cell: ({ row: { original } }) => <span className="font-mono">{original.run.gitCommit?.slice(0, 7) ?? ''}</span>, meta: { sortKey: 'tags.`mlflow.source.git.commit`', width: 80 } },
    { id: 'dataset', header: 'Dataset', cell: ({ row: { original } }) => original.run.datasets.map((d) => `${d.name}${d.context ? ` (${d.context})` : ''}`).join(', '), meta: { width: 130 } },
    {
      id: 'models',
      header: 'Models',
      cell: ({ row: { original } }) =>
        original.run.registeredVersions.map((v) => (
          <Link key={`${v.name}/${v.version}`} to={paths.modelVersion.href(v.name, v.version)} className="mr-1 text-primary hover:underline">{`${v.name} v${v.version}`}</Link>
        )),
      meta: { width: 120 },
    },
  ];
  const value = (kind: 'metrics' | 'params' | 'tags', key: string) => (run: RunRow) => (kind === 'metrics' ? formatMetric(run.metrics[key]) : run[kind][key] ?? '');
  const chosenCols = (kind: 'metrics' | 'params' | 'tags', keys: string[]): Col[] =>
    keys.map((key) => ({
      id: `${kind}.${key}`,
      header: `${kind === 'metrics' ? '' : `${kind.slice(0, -1)} `}${key}`,
      cell: ({ row: { original } }) => <span className={kind === 'metrics' ? 'font-mono tabular-nums' : ''}>{value(kind, key)(original.run)}</span>,
      meta: { sortKey: `${kind}.${quote(key)}`, width: 110 },
    }));
  return [...fixed, ...chosenCols('metrics', chosen.metrics), ...chosenCols('params', chosen.params), ...chosenCols('tags', chosen.tags)];
}

/**
 * A run's palette slot: the one the user picked, else its position among the selected runs (so
 * the compare page draws them in the same colours), else a stable slot from its id.
 */
export function colorIndex(runId: string, picked: Readonly<Record<string, number>>, selected: readonly string[]): number {
  if (picked[runId] !== undefined) return picked[runId];
  const position = selected.indexOf(runId);
  if (position >= 0) return position % 8;
  let hash = 0;
  for (const char of runId) hash = (hash * 31 + char.charCodeAt(0)) >>> 0;
  return hash % 8;
}

export const runColor = (runId: string, picked: Readonly<Record<string, number>>, selected: readonly string[]) => chartColor(colorIndex(runId, picked, selected));
