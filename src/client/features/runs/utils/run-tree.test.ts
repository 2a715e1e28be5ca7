import { describe, expect, it } from 'vitest';
import { buildRunRow } from '../../../testing/runs-factories';
import { nestRuns } from './run-tree';

describe('nestRuns', () => {
  const parent = buildRunRow({ runId: 'p', runName: 'parent' });
  const child = buildRunRow({ runId: 'c', runName: 'child', parentRunId: 'p' });
  const orphan = buildRunRow({ runId: 'o', runName: 'orphan', parentRunId: 'missing' });
  const other = buildRunRow({ runId: 'x', runName: 'other' });

  it('puts loaded children under their parent and leaves orphans in place', () => {
    const rows = nestRuns([child, other, parent, orphan], new Set(), new Set());
    expect(rows.map((r) => [r.run.runId, r.depth])).toEqual([['x', 0], ['p', 0], ['c', 1], ['o', 0]]);
    expect(rows.find((r) => r.run.runId === 'p')!.childCount).toBe(1);
  });

  it('shows pinned runs first and hides children of collapsed parents', () => {
    const rows = nestRuns([parent, child, other], new Set(['x']), new Set(['p']));
    expect(rows.map((r) => r.run.runId)).toEqual(['x', 'p']);
    expect(rows[0]!.pinned).toBe(true);
  });
});
