import type { Deployment, HistoryEntry } from '../../../shared/contract/deployments';

/**
 * The version a rollback returns to: walking back through the history, the first stable version
 * other than the current one that was never rolled back from (a version rolled back from proved bad).
 */
export function lastKnownGood(historyNewestFirst: readonly HistoryEntry[], currentStable: number | null): number | null {
  const rolledBackFrom = new Set<number>();
  historyNewestFirst.forEach((entry, index) => {
    const previous = historyNewestFirst[index + 1];
    if (entry.change !== 'rollback' || !previous) return;
    if (previous.stableVersion !== null && previous.stableVersion !== entry.stableVersion) rolledBackFrom.add(previous.stableVersion);
    if (previous.canaryVersion !== null) rolledBackFrom.add(previous.canaryVersion);
  });
  for (const entry of historyNewestFirst) {
    const version = entry.stableVersion;
    if (version !== null && version !== currentStable && !rolledBackFrom.has(version)) return version;
  }
  return null;
}

/** Where a rollback goes: off a running canary to the stable version, else to the last known-good. */
export function rollbackTarget(historyNewestFirst: readonly HistoryEntry[], deployment: Pick<Deployment, 'status' | 'stableVersion'>): number | null {
  if (deployment.status === 'canary') return deployment.stableVersion;
  return lastKnownGood(historyNewestFirst, deployment.stableVersion);
}

/** The approved plan's next weight below 100 (promoting to 100 % is its own action), if any. */
export function nextCanaryStep(deployment: Pick<Deployment, 'status' | 'canaryWeight' | 'canarySteps'>): number | null {
  if (deployment.status !== 'canary') return null;
  return deployment.canarySteps?.find((step) => step > deployment.canaryWeight && step < 100) ?? null;
}

/** What served at time `at` (ISO): the newest history entry at or before it. */
export function servingAt(historyNewestFirst: readonly HistoryEntry[], at: string): HistoryEntry | null {
  const t = Date.parse(at);
  return historyNewestFirst.find((entry) => Date.parse(entry.changedAt) <= t) ?? null;
}
