import type { IngestResult } from '../../../shared/contract/monitoring';
import type { DatabaseHandle } from '../../db/database';
import { notFound } from '../../errors';
import { deploymentHistory, findDeployment, liveModelVersions } from './deployment-lookup.repository';
import { forValidation, type ProfileForValidation, type ValidEvent, validateEvent } from './event-validation';
import type { PostedEvent } from './ingest-body';
import type { FoldedBatch, IngestWriter } from './ingest-writer';
import type { CachedProfile, ProfileCache } from './profile-cache';
import { servedVersionsChecker } from './served-versions';
import { emptyWindow, floorTo, foldEvent, sampleCapacity } from './window-aggregate';
import type { StoredWindow } from './windows.repository';

export interface IngestOptions {
  database: DatabaseHandle;
  profiles: ProfileCache;
  writer: IngestWriter;
  now?: number;
  maxAgeMs: number;
  maxFutureMs: number;
}

/**
 * Validates a batch and folds each good event, as soon as it is checked, into its minute window
 * in memory; the writer then merges the minute windows (and the hourly and daily windows they
 * add up to) into the stored ones. A bad event is reported by index and never reaches the aggregates.
 * Consumes `posted` (emptied once folded).
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
  const validation = new Map<number, ProfileForValidation | null>();
  for (const [version, profile] of cached) validation.set(version, profile && forValidation(profile));
  const context = { now, maxAgeMs: options.maxAgeMs, maxFutureMs: options.maxFutureMs, servedAt, profileOf: (v: number) => validation.get(v) ?? null };

  const rejected: IngestResult['rejected'] = [];
  const minutes = new MinuteWindows(cached);
  const batch: FoldedBatch = { modelName: deployment.modelName, minutes: [], profiles: cached, predictions: [], unprofiled: [] };
  let accepted = 0;
  let latest: number | null = null;
  for (let index = 0; index < posted.length; index++) {
    const event = posted[index] as PostedEvent;
    const result = 'malformed' in event ? event.malformed : validateEvent(event.value, context);
    if (typeof result === 'string') {
      rejected.push({ index, reason: result });
      continue;
    }
    minutes.fold(result);
    accepted += 1;
    if (latest === null || result.timestamp > latest) latest = result.timestamp;
    if (result.id !== null) batch.predictions.push({ eventId: result.id, version: result.version, windowStart: floorTo(result.timestamp, 60), prediction: result.rawPrediction });
    if (!cached.get(result.version)) batch.unprofiled.push(result);
  }
  // Folded: let the parsed events go while the batch waits for its write (the route drops the body).
  posted.length = 0;
  if (accepted > 0) await options.writer.submit(deploymentId, { ...batch, minutes: minutes.all() });
  return { accepted, rejected, latest };
}

/** The batch's minute windows by version and start; each event is folded into one, once. */
class MinuteWindows {
  private byVersion = new Map<number, Map<number, StoredWindow>>();

  constructor(private profiles: Map<number, CachedProfile | null>) {}

  fold(event: ValidEvent) {
    let windows = this.byVersion.get(event.version);
    if (!windows) this.byVersion.set(event.version, (windows = new Map()));
    const start = floorTo(event.timestamp, 60);
    const cached = this.profiles.get(event.version) ?? null;
    let window = windows.get(start);
    if (!window) windows.set(start, (window = { version: event.version, granularity: 60, start, agg: emptyWindow(cached?.id ?? null, cached?.profile ?? null) }));
    foldEvent(window.agg, event, cached?.profile ?? null, sampleCapacity(60));
  }

  all(): StoredWindow[] {
    return [...this.byVersion.values()].flatMap((byStart) => [...byStart.values()]);
  }
}

function versionOf(value: unknown): number | null {
  const v = (value as { modelVersion?: unknown } | null)?.modelVersion;
  if (typeof v === 'number' && Number.isInteger(v)) return v;
  if (typeof v === 'string' && /^\d+$/.test(v)) return Number(v);
  return null;
}
