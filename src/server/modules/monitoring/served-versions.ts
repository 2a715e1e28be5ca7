import type { DeploymentView, HistoryEntry } from './deployment-lookup.repository';

/**
 * Which versions a deployment served at a given time, from its history ("what served when"):
 * the stable and canary of the last change at or before that time, plus what serves now.
 */
export function servedVersionsChecker(deployment: DeploymentView, history: HistoryEntry[], modelVersions: Set<number>) {
  const current = new Set([deployment.stableVersion, deployment.canaryVersion].filter((v): v is number => v !== null));
  return (version: number, at: number): 'ok' | 'not-a-version' | 'not-serving' => {
    if (!modelVersions.has(version)) return 'not-a-version';
    if (current.has(version)) return 'ok';
    let entry: HistoryEntry | undefined;
    for (const candidate of history) {
      if (candidate.at > at) break;
      entry = candidate;
    }
    return entry && (entry.stableVersion === version || entry.canaryVersion === version) ? 'ok' : 'not-serving';
  };
}

/** Every version that served at some point in [from, to), newest role first. */
export function versionsServedBetween(deployment: DeploymentView, history: HistoryEntry[], from: number, to: number): number[] {
  const versions = new Set<number>();
  let before: HistoryEntry | undefined;
  for (const entry of history) {
    if (entry.at < from) before = entry;
    else if (entry.at < to) for (const v of [entry.stableVersion, entry.canaryVersion]) if (v !== null) versions.add(v);
  }
  for (const v of [before?.stableVersion ?? null, before?.canaryVersion ?? null, deployment.stableVersion, deployment.canaryVersion]) if (v !== null) versions.add(v);
  return [...versions];
}
