import type { IngestResult } from '../../../shared/contract/monitoring';
import type { DatabaseHandle } from '../../db/database';
import { inTransaction } from '../../db/transaction';
import { notFound } from '../../errors';
import { collectBaselineEvents } from './baseline.service';
import { findDriftSettings } from './drift-settings.repository';
import { driftStatistics } from './drift-statistics';
import { deploymentHistory, findDeployment, liveModelVersions } from './deployment-lookup.repository';
import type { PostedEvent } from './ingest-body';
import type { CachedProfile, ProfileCache } from './profile-cache';
import { indexPredictions } from './prediction-index.repository';
import { servedVersionsChecker } from './served-versions';
import { emptyWindow, foldEvent, granularities, mergeWindows, sampleCapacity, type WindowAgg } from './window-aggregate';
import { withDrift } from './window-drift';
import { type ValidEvent, validateEvent } from './event-validation';
import { lockWindows, type StoredWindow, upsertWindows } from './windows.repository';

export interface IngestOptions {
  database: DatabaseHandle;
  profiles: ProfileCache;
  now?: number;
  maxAgeMs: number;
  maxFutureMs: number;
}

/**
 * Validates a batch, folds the good events into per-minute, hourly and daily windows in memory,
 * then merges them into the stored windows in one transaction. A bad event is reported by index
 * and never reaches the aggregates.
 */
export async function ingestEvents(options: IngestOptions, deploymentId: number, posted: PostedEvent[]): Promise<IngestResult & { latest: number | null }> {
  const { database, profiles } = options;
  const now = options.now ?? Date.now();
  const deployment = await findDeployment(database.db, deploymentId);
  if (!deployment) throw notFound(`No deployment with id ${deploymentId}`);
  const servedAt = servedVersionsChecker(deployment, await deploymentHistory(database.db, deploymentId), await liveModelVersions(database.db, deployment.modelName));

  const cached = new Map<number, CachedProfile | null>();
  for (const event of posted) {
    const version = 'value' in event ? versionOf(event.value) : null;
    if (version !== null && !cached.has(version) && servedAt(version, now) !== 'not-a-version') {
      cached.set(version, await profiles.get(database.db, deployment.modelName, version));
    }
  }

  const rejected: IngestResult['rejected'] = [];
  const valid: ValidEvent[] = [];
  const context = { now, maxAgeMs: options.maxAgeMs, maxFutureMs: options.maxFutureMs, servedAt, profileOf: (v: number) => cached.get(v) ?? null };
  posted.forEach((event, index) => {
    if ('malformed' in event) return rejected.push({ index, reason: event.malformed });
    const result = validateEvent(event.value, context);
    if (typeof result === 'string') rejected.push({ index, reason: result });
    else valid.push(result);
  });

  const batch = foldBatch(valid, cached);
  const latest = valid.reduce<number | null>((max, e) => (max === null || e.timestamp > max ? e.timestamp : max), null);
  if (valid.length > 0) {
    const settings = await findDriftSettings(database.db, deploymentId);
    await inTransaction(database, async (tx) => {
      const keys = [...batch.values()].map(({ version, granularity, start }) => ({ version, granularity, start }));
      const existing = new Map((await lockWindows(tx, database.dialect, deploymentId, keys)).map((w) => [keyOf(w), w]));
      const merged: StoredWindow[] = [...batch.entries()].map(([key, window]) => {
        const before = existing.get(key);
        const stored = before ? { ...window, agg: mergeWindows(before.agg, window.agg, sampleCapacity(window.granularity)) } : window;
        return withDrift(stored, cached.get(window.version) ?? null, settings, driftStatistics);
      });
      await upsertWindows(tx, deploymentId, merged);
      const withIds = valid.filter((e) => e.id !== null);
      if (withIds.length > 0) {
        await indexPredictions(tx, deploymentId, withIds.map((e) => ({ eventId: e.id as string, version: e.version, windowStart: floorTo(e.timestamp, 60), prediction: e.rawPrediction })));
      }
      await collectBaselineEvents(tx, deployment.modelName, valid.filter((e) => !cached.get(e.version)), (model, version) => profiles.evict(model, version));
    });
  }
  return { accepted: valid.length, rejected, latest };
}

/**
 * Folds each event once, into its minute window; hourly and daily windows are then merged from
 * the batch's minute windows (mergeable counts, sketches and reservoirs), a third of the work.
 */
function foldBatch(events: ValidEvent[], profiles: Map<number, CachedProfile | null>): Map<string, StoredWindow> {
  const windows = new Map<string, StoredWindow>();
  for (const event of events) {
    const cached = profiles.get(event.version) ?? null;
    const start = floorTo(event.timestamp, 60);
    const key = `60:${event.version}:${start}`;
    let window = windows.get(key);
    if (!window) windows.set(key, (window = { version: event.version, granularity: 60, start, agg: emptyWindow(cached?.id ?? null, cached?.profile ?? null) }));
    foldEvent(window.agg as WindowAgg, event, cached?.profile ?? null, sampleCapacity(60));
  }
  const minutes = [...windows.values()];
  for (const granularity of granularities.filter((g) => g !== 60)) {
    for (const minute of minutes) {
      const start = floorTo(minute.start, granularity);
      const key = `${granularity}:${minute.version}:${start}`;
      const window = windows.get(key);
      windows.set(key, window ? { ...window, agg: mergeWindows(window.agg, minute.agg, sampleCapacity(granularity)) } : { version: minute.version, granularity, start, agg: minute.agg });
    }
  }
  return windows;
}

const keyOf = (w: { granularity: number; version: number; start: number }) => `${w.granularity}:${w.version}:${w.start}`;

export const floorTo = (ms: number, seconds: number) => Math.floor(ms / (seconds * 1000)) * seconds * 1000;

function versionOf(value: unknown): number | null {
  const v = (value as { modelVersion?: unknown } | null)?.modelVersion;
  if (typeof v === 'number' && Number.isInteger(v)) return v;
  if (typeof v === 'string' && /^\d+$/.test(v)) return Number(v);
  return null;
}
