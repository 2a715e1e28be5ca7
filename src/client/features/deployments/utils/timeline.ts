import type { HistoryEntry } from '../../../../shared/contract/deployments';

export interface TimelineSegment {
  version: number;
  role: 'stable' | 'canary';
  start: number;
  end: number;
  /** Percent of traffic: 100 − canary weight for the stable version, the weight for the canary. */
  weight: number;
}

export interface TimelineMarker {
  at: number;
  revision: number;
  change: HistoryEntry['change'];
  label: string;
}

export interface Timeline {
  start: number;
  end: number;
  /** Versions that ever served, newest first: one lane each. */
  versions: number[];
  segments: TimelineSegment[];
  markers: TimelineMarker[];
}

const markerLabel = (e: HistoryEntry) => {
  switch (e.change) {
    case 'canary-start':
    case 'canary-step':
      return `v${e.canaryVersion} canary ${e.canaryWeight} %`;
    case 'canary-abort':
      return 'canary aborted';
    default:
      return `v${e.stableVersion}`;
  }
};

/** Shapes the history into lanes of who served what share of traffic when, and change markers. */
export function buildTimeline(historyNewestFirst: readonly HistoryEntry[], now: number): Timeline | null {
  const entries = [...historyNewestFirst].reverse();
  const first = entries[0];
  if (!first) return null;
  const segments: TimelineSegment[] = [];
  const push = (segment: TimelineSegment) => {
    const last = segments.findLast((s) => s.version === segment.version && s.role === segment.role);
    if (last && last.end === segment.start && last.weight === segment.weight) last.end = segment.end;
    else segments.push(segment);
  };
  entries.forEach((entry, index) => {
    const start = Date.parse(entry.changedAt);
    const end = index + 1 < entries.length ? Date.parse(entries[index + 1]!.changedAt) : now;
    const canaryWeight = entry.canaryVersion === null ? 0 : entry.canaryWeight;
    if (entry.stableVersion !== null) push({ version: entry.stableVersion, role: 'stable', start, end, weight: 100 - canaryWeight });
    if (entry.canaryVersion !== null) push({ version: entry.canaryVersion, role: 'canary', start, end, weight: canaryWeight });
  });
  const versions = [...new Set(segments.map((s) => s.version))].sort((a, b) => b - a);
  const markers = entries.map((e) => ({ at: Date.parse(e.changedAt), revision: e.revision, change: e.change, label: markerLabel(e) }));
  return { start: Date.parse(first.changedAt), end: Math.max(now, Date.parse(first.changedAt) + 1), versions, segments, markers };
}
