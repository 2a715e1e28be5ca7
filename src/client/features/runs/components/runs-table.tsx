import { type Row, flexRender, getCoreRowModel, useReactTable } from '@tanstack/react-table';
import { ArrowDown, ArrowUp } from 'lucide-react';
import { memo, useEffect, useMemo, useState } from 'react';
import { flushSync } from 'react-dom';
import { cn } from '../../../components/ui/cn';
import type { TreeRow } from '../utils/run-tree';
import { type RowControls, type RunColumnMeta, runColumns } from './run-columns';

const rowHeight = 36;
const nominalHeight = 600;
/** Rows rendered beyond each edge: more than a fast wheel's rows per frame. */
const overscan = 12;
/** Pixels of columns rendered beyond each side of the window's width. */
const columnOverscan = 200;

/**
 * The columns [first, last] that can be on screen when scrolled `left` pixels: the scroller is never
 * wider than the window, so the window's width bounds what shows without measuring it.
 */
function visibleColumns(widths: readonly number[], left: number, viewportWidth: number) {
  let first = -1;
  let last = widths.length - 1;
  let x = 0;
  for (let i = 0; i < widths.length; i++) {
    const end = x + widths[i]!;
    if (first < 0 && end > left - columnOverscan) first = i;
    if (x > left + viewportWidth + columnOverscan) {
      last = i - 1;
      break;
    }
    x = end;
  }
  return { first: Math.max(0, first), last };
}

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
  /** The rows on screen changed (overscan rows are not included: their pages can come after). */
  onRangeChange: (range: { start: number; end: number }) => void;
  height?: number;
}) {
  // Fixed-height rows make the window arithmetic: no measuring, no layout feedback loops.
  const [scroll, setScroll] = useState({ top: 0, left: 0 });
  // The rows on screen (their pages are fetched first), and those rendered: with the overscan.
  const onScreen = (top: number) => ({ start: Math.floor(top / rowHeight), end: Math.max(0, Math.min(count - 1, Math.ceil((top + height) / rowHeight))) });
  const shown = onScreen(scroll.top);
  const first = Math.max(0, shown.start - overscan);
  const last = Math.min(count - 1, shown.end + overscan);
  const items = Array.from({ length: Math.max(0, last - first + 1) }, (_, i) => ({ index: first + i, key: first + i, start: (first + i) * rowHeight, end: (first + i + 1) * rowHeight }));
  const { start: shownStart, end: shownEnd } = shown;
  useEffect(() => onRangeChange({ start: shownStart, end: shownEnd }), [shownStart, shownEnd, onRangeChange]);
  // The new rows (and the requests for their pages) are rendered within the scroll event, before
  // the frame is painted: scheduled later, a fast scroll painted frames of empty space first.
  const onScroll = (target: HTMLElement) => {
    const next = { top: target.scrollTop, left: target.scrollLeft };
    if (next.top === scroll.top && next.left === scroll.left) return;
    flushSync(() => {
      setScroll(next);
      onRangeChange(onScreen(next.top));
    });
  };

  const columns = useMemo(() => runColumns(chosen, controls), [chosen, controls]);
  const widths = useMemo(() => columns.map((c) => c.meta.width), [columns]);
  // Only the columns under the window are built: 20 metric columns off screen were most of a row's cells.
  const { first: firstColumn, last: lastColumn } = visibleColumns(widths, scroll.left, window.innerWidth);
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
    <div className="overflow-auto rounded-lg border border-border bg-surface" style={{ height, contain: 'strict' }} data-testid="runs-scroller" onScroll={(e) => onScroll(e.currentTarget)}>
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
            return (
              <RunsTableRow
                key={item.key}
                index={item.index}
                tree={tree}
                row={row}
                columns={columns}
                firstColumn={firstColumn}
                lastColumn={lastColumn}
                selected={tree !== undefined && controls.selected.has(tree.run.runId)}
              />
            );
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
  function RunsTableRow({
    index,
    tree,
    row,
    columns,
    firstColumn,
    lastColumn,
    selected,
  }: {
    index: number;
    tree: TreeRow | undefined;
    row: Row<TreeRow> | undefined;
    columns: Columns;
    firstColumn: number;
    lastColumn: number;
    selected: boolean;
  }) {
    const after = columns.length - 1 - lastColumn;
    return (
      <tr aria-rowindex={index + 2} data-loaded={row ? 'true' : 'false'} className={cn('border-t border-border', tree?.pinned && 'bg-primary/5', selected && 'bg-primary/10')} style={{ height: rowHeight }}>
        {row
          ? [
              // Off-screen columns: one empty cell each side holds their width (the <col>s set it).
              firstColumn > 0 && <td key="before" colSpan={firstColumn} aria-hidden />,
              ...row
                .getVisibleCells()
                .slice(firstColumn, lastColumn + 1)
                .map((cell) => (
                  <td key={cell.id} className="truncate px-2">
                    {flexRender(cell.column.columnDef.cell, cell.getContext())}
                  </td>
                )),
              after > 0 && <td key="after" colSpan={after} aria-hidden />,
            ]
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
    before.index === after.index &&
    before.columns === after.columns &&
    before.firstColumn === after.firstColumn &&
    before.lastColumn === after.lastColumn &&
    before.selected === after.selected &&
    (before.row === undefined) === (after.row === undefined) &&
    sameTreeRow(before.tree, after.tree),
);

/** Tree rows are rebuilt per render; the same run in the same place draws the same. */
function sameTreeRow(a: TreeRow | undefined, b: TreeRow | undefined): boolean {
  if (a === undefined || b === undefined) return a === b;
  return a.run === b.run && a.pinned === b.pinned && a.depth === b.depth && a.childCount === b.childCount;
}
