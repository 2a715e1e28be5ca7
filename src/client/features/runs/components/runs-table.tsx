import { type Row, flexRender, getCoreRowModel, useReactTable } from '@tanstack/react-table';
import { ArrowDown, ArrowUp } from 'lucide-react';
import { memo, useEffect, useMemo, useState } from 'react';
import { cn } from '../../../components/ui/cn';
import type { TreeRow } from '../utils/run-tree';
import { type RowControls, type RunColumnMeta, runColumns } from './run-columns';

const rowHeight = 36;
const nominalHeight = 600;
/** Rows rendered beyond each edge: the window is redrawn a frame after the scroll, so more than a fast wheel's rows per frame. */
const overscan = 12;

/**
 * The runs table: TanStack Table for columns and cells over a virtual window of fixed-height
 * rows (plain arithmetic on scrollTop, no measuring needed). Only the
 * visible rows are built, so 100,000 runs cost what 30 do; rows not loaded yet show a skeleton
 * until their page arrives (`onRangeChange` tells the page which ones to fetch).
 */
export function RunsTable({
  count,
  rowAt,
  chosen,
  orderBy,
  onSort,
  controls,
  onRangeChange,
  height = nominalHeight,
}: {
  count: number;
  rowAt: (index: number) => TreeRow | undefined;
  chosen: { metrics: string[]; params: string[]; tags: string[] };
  orderBy: string;
  onSort: (sortKey: string) => void;
  controls: RowControls;
  onRangeChange: (range: { start: number; end: number }) => void;
  height?: number;
}) {
  // Fixed-height rows make the window arithmetic: no measuring, no layout feedback loops.
  const [scrollTop, setScrollTop] = useState(0);
  const first = Math.max(0, Math.floor(scrollTop / rowHeight) - overscan);
  const last = Math.min(count - 1, Math.ceil((scrollTop + height) / rowHeight) + overscan);
  const items = Array.from({ length: Math.max(0, last - first + 1) }, (_, i) => ({ index: first + i, key: first + i, start: (first + i) * rowHeight, end: (first + i + 1) * rowHeight }));
  const start = items[0]?.index ?? 0;
  const end = items.at(-1)?.index ?? 0;
  useEffect(() => onRangeChange({ start, end }), [start, end, onRangeChange]);

  const columns = useMemo(() => runColumns(chosen, controls), [chosen, controls]);
  const visible = items.map((item) => rowAt(item.index));
  const loaded = visible.filter((row): row is TreeRow => row !== undefined);
  // A pinned run can show twice (on top and in place): rows are keyed by position, not run id.
  // No auto-reset: the window's rows are a new array per render, and a page-index reset would re-render forever.
  // eslint-disable-next-line react-hooks/incompatible-library -- TanStack Table's API is not memoisable; this component re-renders per scroll anyway.
  const table = useReactTable({ data: loaded, columns, getCoreRowModel: getCoreRowModel(), autoResetAll: false });
  const tableRows = table.getRowModel().rows;
  let next = 0;
  const totalWidth = columns.reduce((sum, c) => sum + c.meta.width, 0);
  const padTop = items[0]?.start ?? 0;
  const padBottom = count * rowHeight - (items.at(-1)?.end ?? 0);

  return (
    <div className="overflow-auto rounded-lg border border-border bg-surface" style={{ height, contain: 'strict' }} data-testid="runs-scroller" onScroll={(e) => setScrollTop(e.currentTarget.scrollTop)}>
      <table className="border-collapse text-sm" style={{ width: totalWidth, tableLayout: 'fixed' }} aria-rowcount={count + 1}>
        <colgroup>
          {columns.map((c) => (
            <col key={c.id} style={{ width: c.meta.width }} />
          ))}
        </colgroup>
        <thead className="sticky top-0 z-10 bg-muted">
          {table.getHeaderGroups().map((group) => (
            <tr key={group.id}>
              {group.headers.map((header) => {
                const meta = header.column.columnDef.meta as RunColumnMeta;
                const sort = meta.sortKey && orderBy.startsWith(`${meta.sortKey} `) ? orderBy.slice(meta.sortKey.length + 1) : undefined;
                const label = flexRender(header.column.columnDef.header, header.getContext());
                return (
                  <th key={header.id} scope="col" aria-sort={sort === 'ASC' ? 'ascending' : sort === 'DESC' ? 'descending' : undefined} className="h-9 truncate px-2 text-left text-xs font-medium text-muted-foreground">
                    {meta.sortKey ? (
                      <button type="button" className="inline-flex max-w-full items-center gap-1 truncate hover:text-foreground" onClick={() => onSort(meta.sortKey!)}>
                        <span className="truncate">{label}</span>
                        {sort === 'ASC' ? <ArrowUp className="size-3" /> : sort === 'DESC' ? <ArrowDown className="size-3" /> : null}
                      </button>
                    ) : (
                      label
                    )}
                  </th>
                );
              })}
            </tr>
          ))}
        </thead>
        <tbody>
          {padTop > 0 && <tr style={{ height: padTop }} aria-hidden />}
          {items.map((item, i) => {
            const tree = visible[i];
            const row = tree ? tableRows[next++] : undefined;
            return <RunsTableRow key={item.key} index={item.index} tree={tree} row={row} columns={columns} selected={tree !== undefined && controls.selected.has(tree.run.runId)} />;
          })}
          {padBottom > 0 && <tr style={{ height: padBottom }} aria-hidden />}
        </tbody>
      </table>
    </div>
  );
}

type Columns = ReturnType<typeof runColumns>;

/**
 * One row, re-rendered only when its run, its place in the tree, its selection or the columns
 * change: scrolling by ten rows then builds ten rows' cells, not the whole window's.
 */
const RunsTableRow = memo(
  function RunsTableRow({ index, tree, row, columns, selected }: { index: number; tree: TreeRow | undefined; row: Row<TreeRow> | undefined; columns: Columns; selected: boolean }) {
    return (
      <tr aria-rowindex={index + 2} data-loaded={row ? 'true' : 'false'} className={cn('border-t border-border', tree?.pinned && 'bg-primary/5', selected && 'bg-primary/10')} style={{ height: rowHeight }}>
        {row
          ? row.getVisibleCells().map((cell) => (
              <td key={cell.id} className="truncate px-2">
                {flexRender(cell.column.columnDef.cell, cell.getContext())}
              </td>
            ))
          : (
              // One cell per loading row, not one per column: a jump shows ~40 of them at once.
              <td colSpan={columns.length} className="px-2">
                <span className="block h-3 animate-pulse rounded bg-muted" />
              </td>
            )}
      </tr>
    );
  },
  (before, after) =>
    before.index === after.index && before.columns === after.columns && before.selected === after.selected && (before.row === undefined) === (after.row === undefined) && sameTreeRow(before.tree, after.tree),
);

/** Tree rows are rebuilt per render; the same run in the same place draws the same. */
function sameTreeRow(a: TreeRow | undefined, b: TreeRow | undefined): boolean {
  if (a === undefined || b === undefined) return a === b;
  return a.run === b.run && a.pinned === b.pinned && a.depth === b.depth && a.childCount === b.childCount;
}
