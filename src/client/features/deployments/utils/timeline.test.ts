import { describe, expect, it } from 'vitest';
import type { HistoryEntry } from '../../../../shared/contract/deployments';
import { buildTimeline } from './timeline';

const entry = (revision: number, at: string, values: Partial<HistoryEntry>): HistoryEntry => ({
  revision, changedAt: at, stableVersion: null, canaryVersion: null, canaryWeight: 0, status: 'stable', change: 'promote',
  requestId: null, changedBy: 'erin', justification: null, ...values,
});

describe('buildTimeline', () => {
  it('draws one lane per version with its traffic share, merging unchanged stretches', () => {
    const history = [
      entry(4, '2026-11-04T00:00:00Z', { change: 'rollback', stableVersion: 1 }),
      entry(3, '2026-11-03T00:00:00Z', { change: 'canary-step', stableVersion: 1, canaryVersion: 2, canaryWeight: 50, status: 'canary' }),
      entry(2, '2026-11-02T00:00:00Z', { change: 'canary-start', stableVersion: 1, canaryVersion: 2, canaryWeight: 10, status: 'canary' }),
      entry(1, '2026-11-01T00:00:00Z', { change: 'promote', stableVersion: 1 }),
    ];
    const now = Date.parse('2026-11-05T00:00:00Z');
    const timeline = buildTimeline(history, now)!;
    expect(timeline.versions).toEqual([2, 1]);
    const day = (d: number) => Date.parse(`2026-11-0${d}T00:00:00Z`);
    expect(timeline.segments).toEqual([
      { version: 1, role: 'stable', start: day(1), end: day(2), weight: 100 },
      { version: 1, role: 'stable', start: day(2), end: day(3), weight: 90 },
      { version: 2, role: 'canary', start: day(2), end: day(3), weight: 10 },
      { version: 1, role: 'stable', start: day(3), end: day(4), weight: 50 },
      { version: 2, role: 'canary', start: day(3), end: day(4), weight: 50 },
      { version: 1, role: 'stable', start: day(4), end: now, weight: 100 },
    ]);
    expect(timeline.markers.map((m) => m.label)).toEqual(['v1', 'v2 canary 10 %', 'v2 canary 50 %', 'v1']);
  });

  it('has nothing to draw without history', () => {
    expect(buildTimeline([], Date.now())).toBeNull();
  });
});
