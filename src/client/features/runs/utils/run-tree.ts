import type { RunRow } from '../../../../shared/contract/runs';

export interface TreeRow {
  run: RunRow;
  depth: number;
  childCount: number;
  pinned: boolean;
}

/**
 * Table order: pinned runs first, then runs in server order with each loaded child right under
 * its parent (nested runs); a child whose parent is not loaded stays where the server put it.
 * Children of collapsed parents are hidden.
 */
export function nestRuns(rows: readonly RunRow[], pinned: ReadonlySet<string>, collapsed: ReadonlySet<string>): TreeRow[] {
  const loaded = new Set(rows.map((row) => row.runId));
  const children = new Map<string, RunRow[]>();
  for (const row of rows) {
    if (row.parentRunId && loaded.has(row.parentRunId) && row.parentRunId !== row.runId) {
      children.set(row.parentRunId, [...(children.get(row.parentRunId) ?? []), row]);
    }
  }
  const out: TreeRow[] = [];
  const placed = new Set<string>();
  const place = (run: RunRow, depth: number) => {
    if (placed.has(run.runId)) return;
    placed.add(run.runId);
    const kids = children.get(run.runId) ?? [];
    out.push({ run, depth, childCount: kids.length, pinned: pinned.has(run.runId) });
    if (collapsed.has(run.runId)) {
      for (const kid of kids) placed.add(kid.runId);
      return;
    }
    for (const kid of kids) place(kid, depth + 1);
  };
  for (const row of rows) if (pinned.has(row.runId)) place(row, 0);
  for (const row of rows) {
    const nested = row.parentRunId && loaded.has(row.parentRunId) && row.parentRunId !== row.runId;
    if (!nested) place(row, 0);
  }
  return out;
}
