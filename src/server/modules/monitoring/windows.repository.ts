import type { Dialect, Db } from '../../db/database';
import { decodeSketch, encodeSketch, newLatencySketch } from './latency-sketch';
import type { PerformanceAcc } from './performance';
import type { WindowAgg } from './window-aggregate';
import { decodeFeatures, encodeFeatures } from './window-codec';

export interface WindowKey {
  version: number;
  granularity: number;
  start: number;
}

export interface StoredWindow extends WindowKey {
  agg: WindowAgg;
  /** Drift computed when the window was written (JSON), with the key it is valid for (see window-drift.ts). */
  drift?: { key: string; json: string } | null;
}

type Row = {
  version: number;
  granularity: number;
  window_start: number;
  profile_id: number | null;
  event_count: number;
  error_count: number;
  latency?: Buffer;
  features?: Buffer | null;
  performance?: string | null;
};

function toStored(row: Row): StoredWindow {
  const decoded = row.features ? decodeFeatures(row.features) : null;
  return {
    version: row.version,
    granularity: row.granularity,
    start: Number(row.window_start),
    agg: {
      profileId: row.profile_id === null ? null : Number(row.profile_id),
      count: Number(row.event_count),
      errors: Number(row.error_count),
      latency: row.latency ? decodeSketch(row.latency) : newLatencySketch(),
      features: decoded?.features ?? null,
      prediction: decoded?.prediction ?? null,
      performance: row.performance ? (JSON.parse(row.performance) as PerformanceAcc) : null,
    },
  };
}

function toRow(deploymentId: number, window: StoredWindow, now: number) {
  const { agg } = window;
  return {
    deployment_id: deploymentId,
    version: window.version,
    granularity: window.granularity,
    window_start: window.start,
    profile_id: agg.profileId,
    event_count: agg.count,
    error_count: agg.errors,
    latency: encodeSketch(agg.latency),
    features: agg.features ? encodeFeatures(agg.features, agg.prediction) : null,
    performance: agg.performance ? JSON.stringify(agg.performance) : null,
    drift_key: window.drift?.key ?? null,
    drift: window.drift?.json ?? null,
    updated_at: now,
  };
}

function groupKeys(keys: WindowKey[]) {
  const groups = new Map<string, { version: number; granularity: number; starts: number[] }>();
  for (const key of keys) {
    const id = `${key.granularity}:${key.version}`;
    const group = groups.get(id) ?? { version: key.version, granularity: key.granularity, starts: [] };
    group.starts.push(key.start);
    groups.set(id, group);
  }
  return [...groups.values()];
}

/**
 * Reads the windows a batch touches, locked for the rest of the transaction: on PostgreSQL the
 * rows are created empty first so that concurrent batches queue on the row lock instead of
 * losing each other's counts (SQLite's BEGIN IMMEDIATE already serialises writers).
 */
export async function lockWindows(tx: Db, dialect: Dialect, deploymentId: number, keys: WindowKey[]): Promise<StoredWindow[]> {
  if (keys.length === 0) return [];
  if (dialect === 'postgres') {
    const empty = encodeSketch(newLatencySketch());
    const now = Date.now();
    await tx
      .insertInto('monitor_windows')
      .values(keys.map((k) => ({ deployment_id: deploymentId, version: k.version, granularity: k.granularity, window_start: k.start, profile_id: null, event_count: 0, error_count: 0, latency: empty, features: null, performance: null, drift_key: null, drift: null, updated_at: now })))
      .onConflict((oc) => oc.doNothing())
      .execute();
  }
  const found: StoredWindow[] = [];
  for (const group of groupKeys(keys)) {
    let query = tx
      .selectFrom('monitor_windows')
      .select(['version', 'granularity', 'window_start', 'profile_id', 'event_count', 'error_count', 'latency', 'features', 'performance'])
      .where('deployment_id', '=', deploymentId)
      .where('granularity', '=', group.granularity)
      .where('version', '=', group.version)
      .where('window_start', 'in', group.starts);
    if (dialect === 'postgres') query = query.forUpdate();
    for (const row of await query.execute()) found.push(toStored(row));
  }
  return found.filter((w) => w.agg.count > 0 || w.agg.performance !== null);
}

export async function upsertWindows(tx: Db, deploymentId: number, windows: StoredWindow[]): Promise<void> {
  const now = Date.now();
  for (let i = 0; i < windows.length; i += 200) {
    await tx
      .insertInto('monitor_windows')
      .values(windows.slice(i, i + 200).map((w) => toRow(deploymentId, w, now)))
      .onConflict((oc) =>
        oc.columns(['deployment_id', 'granularity', 'version', 'window_start']).doUpdateSet((eb) => ({
          profile_id: eb.ref('excluded.profile_id'),
          event_count: eb.ref('excluded.event_count'),
          error_count: eb.ref('excluded.error_count'),
          latency: eb.ref('excluded.latency'),
          features: eb.ref('excluded.features'),
          performance: eb.ref('excluded.performance'),
          drift_key: eb.ref('excluded.drift_key'),
          drift: eb.ref('excluded.drift'),
          updated_at: eb.ref('excluded.updated_at'),
        })),
      )
      .execute();
  }
}

export interface WindowRange {
  deploymentId: number;
  versions: number[];
  granularity: number;
  from: number;
  to: number;
  /** Which parts to read and decode (feature blobs are the heavy part). */
  features?: boolean;
  performance?: boolean;
  /** The latency sketch is read unless a query says it does not need it. */
  latency?: boolean;
}

export async function readWindows(db: Db, range: WindowRange): Promise<StoredWindow[]> {
  if (range.versions.length === 0) return [];
  let query = db
    .selectFrom('monitor_windows')
    .select(['version', 'granularity', 'window_start', 'profile_id', 'event_count', 'error_count'])
    .where('deployment_id', '=', range.deploymentId)
    .where('granularity', '=', range.granularity)
    .where('version', 'in', range.versions)
    .where('window_start', '>=', range.from)
    .where('window_start', '<', range.to)
    .where('event_count', '>', 0)
    .orderBy('window_start');
  if (range.latency !== false) query = query.select('latency');
  if (range.features) query = query.select('features');
  if (range.performance) query = query.select('performance');
  return (await query.execute()).map(toStored);
}

/** A window's count, profile and the drift stored with it (see window-drift.ts), without its aggregates. */
export interface WindowDriftRow {
  start: number;
  count: number;
  profileId: number | null;
  driftKey: string | null;
  /** The stored result (JSON), when asked for. */
  drift: string | null;
}

/**
 * The drift-over-time query's reads: the keys (to find what is cached or stored), then the stored
 * results. Plain rows, no aggregates decoded: a 30-day hourly series is 720 of them.
 */
export async function readWindowDrift(db: Db, range: Omit<WindowRange, 'versions'> & { version: number; results: boolean }): Promise<WindowDriftRow[]> {
  let query = db
    .selectFrom('monitor_windows')
    .select(['window_start', 'event_count', 'profile_id', 'drift_key'])
    .where('deployment_id', '=', range.deploymentId)
    .where('granularity', '=', range.granularity)
    .where('version', '=', range.version)
    .where('window_start', '>=', range.from)
    .where('window_start', '<', range.to)
    .where('event_count', '>', 0)
    .orderBy('window_start');
  if (range.results) query = query.select('drift');
  return (await query.execute()).map((row) => ({
    start: Number(row.window_start),
    count: Number(row.event_count),
    profileId: row.profile_id === null ? null : Number(row.profile_id),
    driftKey: row.drift_key,
    drift: (row as { drift?: string | null }).drift ?? null,
  }));
}

/** The newest window start of a deployment (any version), for "last event" on health summaries. */
export async function lastWindowStart(db: Db, deploymentId: number): Promise<number | null> {
  const row = await db
    .selectFrom('monitor_windows')
    .select((eb) => eb.fn.max('window_start').as('last'))
    .where('deployment_id', '=', deploymentId)
    .where('granularity', '=', 60)
    .executeTakeFirst();
  return row?.last === null || row?.last === undefined ? null : Number(row.last);
}
