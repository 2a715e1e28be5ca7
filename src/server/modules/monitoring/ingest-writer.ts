import type { DatabaseHandle } from '../../db/database';
import { inTransaction } from '../../db/transaction';
import { collectBaselineEvents } from './baseline.service';
import { findDriftSettings } from './drift-settings.repository';
import { driftStatistics } from './drift-statistics';
import type { ValidEvent } from './event-validation';
import { GroupCommit } from './group-commit';
import { indexPredictions } from './prediction-index.repository';
import type { CachedProfile, ProfileCache } from './profile-cache';
import { floorTo, granularities, mergeWindows, sampleCapacity } from './window-aggregate';
import { withDrift } from './window-drift';
import { lockWindows, type StoredWindow, upsertWindows } from './windows.repository';

/** One validated, folded batch of prediction events, ready to be merged into the stored windows. */
export interface FoldedBatch {
  modelName: string;
  /** The batch's minute windows (hourly and daily ones are rolled up from them when written). */
  minutes: StoredWindow[];
  /** The profile each version's events were binned on. */
  profiles: Map<number, CachedProfile | null>;
  predictions: Array<{ eventId: string; version: number; windowStart: number; prediction: unknown }>;
  /** Events of versions without a profile (a baseline window may be collecting them). */
  unprofiled: ValidEvent[];
}

/** A millisecond is far below a batch's own handling time and lets concurrent senders' batches meet. */
const gatherMs = 1;

export type IngestWriter = GroupCommit<number, FoldedBatch>;

/** Writes folded batches by deployment, grouping the batches that arrive while a write is in flight. */
export function ingestWriter(database: DatabaseHandle, profiles: ProfileCache): IngestWriter {
  return new GroupCommit((deploymentId, batches) => writeBatches(database, profiles, deploymentId, batches), gatherMs);
}

const keyOf = (w: { granularity: number; version: number; start: number }) => `${w.granularity}:${w.version}:${w.start}`;

/** Minute windows merged by key, with the hourly and daily windows they add up to (each merged once, from all its minutes). */
export function rollUp(minutes: StoredWindow[]): Map<string, StoredWindow> {
  const parts = new Map<string, StoredWindow[]>();
  for (const minute of minutes) {
    for (const granularity of granularities) {
      const key = keyOf({ granularity, version: minute.version, start: floorTo(minute.start, granularity) });
      const list = parts.get(key);
      if (list) list.push(minute);
      else parts.set(key, [minute]);
    }
  }
  const windows = new Map<string, StoredWindow>();
  for (const [key, list] of parts) {
    const { version, start } = list[0] as StoredWindow;
    const granularity = Number(key.slice(0, key.indexOf(':')));
    const agg = list.length === 1 ? (list[0] as StoredWindow).agg : mergeWindows(list.map((w) => w.agg), sampleCapacity(granularity));
    windows.set(key, { version, granularity, start: floorTo(start, granularity), agg });
  }
  return windows;
}

/**
 * Merges the batches into the stored windows in one transaction (hourly windows get their drift),
 * indexes predictions posted with an id, and feeds baseline windows.
 */
async function writeBatches(database: DatabaseHandle, profileCache: ProfileCache, deploymentId: number, batches: FoldedBatch[]): Promise<void> {
  const batch = rollUp(batches.flatMap((b) => b.minutes));
  const profiles = new Map<number, CachedProfile>();
  for (const b of batches) for (const [version, profile] of b.profiles) if (profile) profiles.set(version, profile);
  const settings = await findDriftSettings(database.db, deploymentId);
  await inTransaction(database, async (tx) => {
    const keys = [...batch.values()].map(({ version, granularity, start }) => ({ version, granularity, start }));
    const existing = new Map((await lockWindows(tx, database.dialect, deploymentId, keys)).map((w) => [keyOf(w), w]));
    const merged: StoredWindow[] = [...batch.entries()].map(([key, window]) => {
      const before = existing.get(key);
      const stored = before ? { ...window, agg: mergeWindows([before.agg, window.agg], sampleCapacity(window.granularity)) } : window;
      return withDrift(stored, profiles.get(window.version) ?? null, settings, driftStatistics);
    });
    await upsertWindows(tx, deploymentId, merged);
    for (const { predictions } of batches) if (predictions.length > 0) await indexPredictions(tx, deploymentId, predictions);
    for (const { modelName, unprofiled } of batches) {
      if (unprofiled.length > 0) await collectBaselineEvents(tx, modelName, unprofiled, (model, version) => profileCache.evict(model, version));
    }
  });
}
