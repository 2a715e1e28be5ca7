import { describe, expect, it } from 'vitest';
import type { VersionFacts } from '../../../../shared/contract/promotions';
import { diffVersions } from './version-diff';

const facts = (version: number, overrides: Partial<VersionFacts>): VersionFacts => ({
  version, runId: `run${version}`, source: '', metrics: {}, params: {}, tags: {}, signature: null, datasets: [], ...overrides,
});

describe('diffVersions', () => {
  it('marks what changed, with numeric deltas, on either side', () => {
    const candidate = facts(2, { metrics: { auc: 0.88, f1: 0.7 }, params: { depth: '8' }, datasets: [{ name: 'train', digest: 'b', context: 'training' }] });
    const serving = facts(1, { metrics: { auc: 0.86, f1: 0.7, recall: 0.5 }, params: { depth: '6' }, datasets: [{ name: 'train', digest: 'a', context: 'training' }] });
    const diff = diffVersions(candidate, serving);
    expect(diff.metrics).toEqual([
      { key: 'auc', candidate: '0.88', serving: '0.86', changed: true, delta: 0.02 },
      { key: 'f1', candidate: '0.7', serving: '0.7', changed: false, delta: 0 },
      { key: 'recall', candidate: null, serving: '0.5', changed: true, delta: null },
    ]);
    expect(diff.params).toEqual([{ key: 'depth', candidate: '8', serving: '6', changed: true, delta: null }]);
    expect(diff.datasets).toEqual([{ key: 'train (training)', candidate: 'b', serving: 'a', changed: true, delta: null }]);
    expect(diff.signature.every((row) => !row.changed)).toBe(true);
  });

  it('shows the candidate alone when nothing serves', () => {
    const diff = diffVersions(facts(1, { metrics: { auc: 0.8 } }), null);
    expect(diff.metrics).toEqual([{ key: 'auc', candidate: '0.8', serving: null, changed: false, delta: null }]);
  });
});
