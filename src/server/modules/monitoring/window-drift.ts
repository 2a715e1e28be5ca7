import type { DriftSettings } from '../../../shared/contract/monitoring';
import { chooseMethods, type DriftStatistics, windowDrift } from './drift-engine';
import type { ReferenceProfile } from './reference-profile';
import type { StoredWindow } from './windows.repository';

/** Windows whose drift is computed as they are written: the hourly ones the drift charts read. */
export const precomputedGranularity = 3600;

/** What a window's drift depends on: the profile it is binned on, its events, the settings. */
export function driftKey(profileId: number, count: number, settings: DriftSettings): string {
  return `${profileId}:${count}:${JSON.stringify(settings)}`;
}

/**
 * The window with its drift attached (hourly windows binned on `profile`), so the drift-over-time
 * query reads a result instead of recomputing 20 statistics per window. Ingestion calls it for
 * the windows a batch changed: one window's statistics cost about a millisecond.
 */
export function withDrift(window: StoredWindow, profile: { id: number; profile: ReferenceProfile } | null, settings: DriftSettings, statistics: DriftStatistics): StoredWindow {
  const { agg } = window;
  if (window.granularity !== precomputedGranularity || !profile || agg.profileId !== profile.id || !agg.features) return { ...window, drift: null };
  const result = windowDrift(profile.profile, agg.features, chooseMethods(profile.profile, settings, statistics), settings.driftShare, statistics);
  return { ...window, drift: { key: driftKey(profile.id, agg.count, settings), json: JSON.stringify(result) } };
}
