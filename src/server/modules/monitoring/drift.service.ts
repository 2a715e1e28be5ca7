import type { ResponseOf } from '../../../shared/contract/common';
import type { Distribution, DriftSettings, getDrift, Resolution } from '../../../shared/contract/monitoring';
import type { Db } from '../../db/database';
import { notFound } from '../../errors';
import { chooseMethods, type DriftStatistics, featureDrift, type FeatureMethod, windowDrift } from './drift-engine';
import { describeDrift } from './drift-statistics';
import { findProfileById, type StoredProfile } from './profiles.repository';
import { binLabels, type FeatureProfile, type ReferenceProfile } from './reference-profile';
import { baseGranularity, bucketStart, groupByBucket, resolutionSeconds, type TimeRange } from './resolution';
import { emptyFeatureAgg, type FeatureAgg, mergeWindows, type WindowAgg } from './window-aggregate';
import { driftKey } from './window-drift';
import { readWindowDrift, readWindows, type StoredWindow, type WindowDriftRow } from './windows.repository';

/** Windows merged for a coarser resolution keep a sample as large as a stored hour's or day's. */
export const mergedSampleCapacity = 1024;

/** Loads profiles by id once per query (windows may be binned on an older profile). */
export function profileLoader(db: Db) {
  const loaded = new Map<number, Promise<StoredProfile | null>>();
  return (id: number) => {
    let profile = loaded.get(id);
    if (!profile) loaded.set(id, (profile = findProfileById(db, id)));
    return profile;
  };
}

export function mergeAll(windows: StoredWindow[]): WindowAgg | null {
  if (windows.length <= 1) return windows[0]?.agg ?? null;
  return mergeWindows(windows.map((w) => w.agg), mergedSampleCapacity);
}

export interface DriftQuery {
  db: Db;
  statistics: DriftStatistics;
  deploymentId: number;
  version: number;
  range: TimeRange;
  settings: DriftSettings;
}

async function windowsWithFeatures(q: DriftQuery, resolution: Resolution) {
  return readWindows(q.db, {
    deploymentId: q.deploymentId,
    versions: [q.version],
    granularity: baseGranularity(resolution),
    from: bucketStart(q.range.from, resolution),
    to: q.range.to,
    features: true,
  });
}

/**
 * Results of buckets already computed, as the UTF-8 JSON of their response window, keyed by what
 * they depend on (the windows' event count and profile, the settings): a closed window's drift
 * never changes, and dashboards poll. Bounded by bytes (a window of 20 features is about 2.4 KB).
 */
const resultCache = new Map<string, Buffer>();
const resultCacheBytes = 32 * 1024 * 1024;
let cachedBytes = 0;

function cacheKey(q: DriftQuery, settingsJson: string, resolution: Resolution, start: number, items: WindowDriftRow[]): string {
  let count = 0;
  for (const w of items) count += w.count;
  const profiles = [...new Set(items.map((w) => w.profileId))].join(',');
  return `${q.deploymentId}:${q.version}:${resolution}:${start}:${count}:${profiles}:${settingsJson}`;
}

function remember(key: string, json: Buffer): void {
  while (cachedBytes + json.length > resultCacheBytes && resultCache.size > 0) {
    const [oldest, buffer] = resultCache.entries().next().value as [string, Buffer];
    resultCache.delete(oldest);
    cachedBytes -= buffer.length;
  }
  resultCache.set(key, json);
  cachedBytes += json.length;
}

/** A response window as JSON: its start and count, then the drift result's own JSON fields. */
function windowJson(start: number, count: number, driftJson: string): Buffer {
  return Buffer.from(`{"start":"${new Date(start).toISOString()}","count":${count},${driftJson.slice(1)}`);
}

/**
 * Drift per bucket and feature, for the heatmap and the score-over-time charts. Windows come back
 * as JSON (see `driftResponseJson`): stored hourly results are passed through without a parse.
 */
export async function driftSeries(q: DriftQuery, resolution: Resolution, profile: { profile: ReferenceProfile }) {
  const load = profileLoader(q.db);
  const methodsByProfile = new Map<number, FeatureMethod[]>();
  const windows: Buffer[] = [];
  const settingsJson = JSON.stringify(q.settings);
  const range = { deploymentId: q.deploymentId, version: q.version, granularity: baseGranularity(resolution) };
  const bucketEnd = (buckets: Array<{ start: number }>) => Math.min(q.range.to, (buckets[buckets.length - 1]?.start as number) + resolutionSeconds[resolution] * 1000);
  // First the keys: only buckets not computed before need more.
  const light = groupByBucket(await readWindowDrift(q.db, { ...range, from: bucketStart(q.range.from, resolution), to: q.range.to, results: false }), (w) => w.start, resolution);
  const keys = new Map(light.map(({ start, items }) => [start, cacheKey(q, settingsJson, resolution, start, items)]));
  const uncached = () => light.filter(({ start }) => !resultCache.has(keys.get(start) as string));
  // Hourly windows carry the drift computed when they were written (see window-drift.ts).
  const storedValid = (w: WindowDriftRow) => w.profileId !== null && w.driftKey === driftKey(w.profileId, w.count, q.settings);
  const fromStore = uncached().filter(({ items }) => items.length === 1 && storedValid(items[0] as WindowDriftRow));
  if (fromStore.length > 0) {
    for (const stored of await readWindowDrift(q.db, { ...range, from: fromStore[0]?.start as number, to: bucketEnd(fromStore), results: true })) {
      const key = keys.get(stored.start);
      if (key && stored.drift && storedValid(stored) && !resultCache.has(key)) remember(key, windowJson(stored.start, stored.count, stored.drift));
    }
  }
  const missing = uncached();
  const heavy = missing.length === 0 ? [] : await readWindows(q.db, { ...range, versions: [q.version], from: missing[0]?.start as number, to: bucketEnd(missing), features: true, latency: false });
  const heavyBuckets = new Map(groupByBucket(heavy, (w) => w.start, resolution).map((b) => [b.start, b.items]));
  for (const { start } of light) {
    const key = keys.get(start) as string;
    const cached = resultCache.get(key);
    if (cached) {
      windows.push(cached);
      continue;
    }
    const items = heavyBuckets.get(start) ?? [];
    const merged = mergeAll(items) as WindowAgg;
    const binnedOn = merged.profileId === null ? null : await load(merged.profileId);
    if (!binnedOn) {
      windows.push(Buffer.from(JSON.stringify({ start: new Date(start).toISOString(), count: merged.count, driftShare: null, datasetDrift: false, features: [] })));
      continue;
    }
    let methods = methodsByProfile.get(binnedOn.id);
    if (!methods) methodsByProfile.set(binnedOn.id, (methods = chooseMethods(binnedOn.profile, q.settings, q.statistics)));
    const drift = windowDrift(binnedOn.profile, merged.features, methods, q.settings.driftShare, q.statistics);
    const json = windowJson(start, merged.count, JSON.stringify(drift));
    remember(key, json);
    windows.push(json);
  }
  return {
    features: profile.profile.features.map((f) => ({ name: f.name, type: f.type })),
    windows,
  };
}

const comma = Buffer.from(',');
const end = Buffer.from(']}');

/**
 * The drift response as UTF-8 JSON, its windows spliced in as they are: a 30-day hourly series is
 * 720 windows × 20 features (1.7 MB), and validating and re-serialising 14,400 objects, then
 * encoding the text, cost more than the query. Every part was serialised from the contract's
 * types (`DriftWindow`, `WindowDrift`).
 */
export function driftResponseJson(head: Omit<ResponseOf<typeof getDrift>, 'windows'>, windows: Buffer[]): Buffer {
  const parts: Buffer[] = [Buffer.from(`${JSON.stringify(head).slice(0, -1)},"windows":[`)];
  windows.forEach((window, i) => parts.push(...(i > 0 ? [comma, window] : [window])));
  parts.push(end);
  return Buffer.concat(parts);
}

/** Reference and current distributions of one feature (or the prediction) over the whole range. */
export async function distribution(q: DriftQuery, profile: StoredProfile, feature: string | null): Promise<Distribution | null> {
  const windows = (await windowsWithFeatures(q, '1h')).filter((w) => w.agg.profileId === profile.id);
  const merged = mergeAll(windows);
  const index = feature === null ? -1 : profile.profile.features.findIndex((f) => f.name === feature);
  const reference: FeatureProfile | null = feature === null ? profile.profile.prediction : (profile.profile.features[index] ?? null);
  if (!reference) {
    if (feature === null) return null;
    throw notFound(`No feature "${feature}" in the reference profile of version ${q.version}`);
  }
  const current: FeatureAgg = (feature === null ? merged?.prediction : merged?.features?.[index]) ?? emptyFeatureAgg(reference);
  const [method] = chooseMethods(singleFeatureProfile(profile.profile, reference), q.settings, q.statistics) as [FeatureMethod];
  const drift = featureDrift(reference, current, method, q.statistics);
  const labels = binLabels(reference.binning);
  const refTotal = sum(reference.binCounts);
  const curTotal = sum(current.bins);
  return {
    ...drift,
    ...describeDrift(drift.method, drift.score, drift.threshold),
    referenceCount: reference.count,
    currentCount: current.count,
    bins: labels.map((label, i) => ({
      label,
      reference: refTotal > 0 ? (reference.binCounts[i] ?? 0) / refTotal : 0,
      current: curTotal > 0 ? (current.bins[i] ?? 0) / curTotal : 0,
    })),
  };
}

function singleFeatureProfile(profile: ReferenceProfile, feature: FeatureProfile): ReferenceProfile {
  return { ...profile, features: [feature] };
}

const sum = (values: number[]) => values.reduce((s, v) => s + v, 0);
