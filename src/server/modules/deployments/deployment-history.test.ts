import { describe, expect, it } from 'vitest';
import type { HistoryEntry } from '../../../shared/contract/deployments';
import { lastKnownGood, nextCanaryStep, rollbackTarget, servingAt } from './deployment-history';

let revision = 0;
const entry = (change: HistoryEntry['change'], stableVersion: number | null, at: string, extra: Partial<HistoryEntry> = {}): HistoryEntry => ({
  revision: ++revision, stableVersion, canaryVersion: null, canaryWeight: 0, status: 'stable', change, requestId: null,
  changedBy: 'x', changedAt: at, justification: null, ...extra,
});

describe('deployment history', () => {
  const history = [
    entry('rollback', 2, '2026-11-05T00:00:00Z'),
    entry('canary-promote', 3, '2026-11-04T00:00:00Z'),
    entry('promote', 2, '2026-11-03T00:00:00Z'),
    entry('promote', 1, '2026-11-01T00:00:00Z'),
  ];

  it('finds the last known-good version, skipping versions rolled back from', () => {
    expect(lastKnownGood(history, 2)).toBe(1); // 3 was rolled back from
    expect(lastKnownGood(history.slice(1), 3)).toBe(2);
    expect(lastKnownGood([entry('promote', 1, '2026-11-01T00:00:00Z')], 1)).toBeNull();
    expect(lastKnownGood([], null)).toBeNull();
  });

  it('rolls a running canary back to the stable version, and does not count the stable version as bad', () => {
    const canary = [
      entry('canary-step', 1, '2026-11-03T00:00:00Z', { canaryVersion: 2, canaryWeight: 50, status: 'canary' }),
      entry('canary-start', 1, '2026-11-02T00:00:00Z', { canaryVersion: 2, canaryWeight: 10, status: 'canary' }),
      entry('promote', 1, '2026-11-01T00:00:00Z'),
    ];
    expect(rollbackTarget(canary, { status: 'canary', stableVersion: 1 })).toBe(1);
    const after = [entry('rollback', 1, '2026-11-04T00:00:00Z'), ...canary];
    expect(lastKnownGood([entry('promote', 3, '2026-11-05T00:00:00Z'), ...after], 3)).toBe(1);
    expect(rollbackTarget(after, { status: 'stable', stableVersion: 1 })).toBeNull();
  });

  it('says what served when', () => {
    expect(servingAt(history, '2026-11-04T12:00:00Z')?.stableVersion).toBe(3);
    expect(servingAt(history, '2026-11-02T00:00:00Z')?.stableVersion).toBe(1);
    expect(servingAt(history, '2026-10-01T00:00:00Z')).toBeNull();
  });

  it('gives the next canary step of the plan', () => {
    expect(nextCanaryStep({ status: 'canary', canaryWeight: 10, canarySteps: [10, 25, 50, 100] })).toBe(25);
    expect(nextCanaryStep({ status: 'canary', canaryWeight: 50, canarySteps: [10, 25, 50, 100] })).toBeNull();
    expect(nextCanaryStep({ status: 'stable', canaryWeight: 0, canarySteps: null })).toBeNull();
  });
});
