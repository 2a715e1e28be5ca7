import type { IngestResult } from '../../../shared/contract/monitoring';
import type { DatabaseHandle } from '../../db/database';
import { inTransaction } from '../../db/transaction';
import { notFound } from '../../errors';
import { toCell } from './cell-value';
import { findDeployment } from './deployment-lookup.repository';
import { findPredictions, markLabelled } from './prediction-index.repository';
import type { ProfileCache } from './profile-cache';
import { floorTo, foldLabel, granularities } from './window-aggregate';
import { lockWindows, upsertWindows } from './windows.repository';

/**
 * Late labels: each joins its prediction by event id (through the prediction index) and is
 * scored into the windows that prediction was counted in, so performance charts by window.
 */
export async function ingestLabels(
  database: DatabaseHandle,
  profiles: ProfileCache,
  deploymentId: number,
  labels: Array<{ id: string; label: string | number | boolean }>,
): Promise<IngestResult> {
  const deployment = await findDeployment(database.db, deploymentId);
  if (!deployment) throw notFound(`No deployment with id ${deploymentId}`);
  const rejected: IngestResult['rejected'] = [];
  let accepted = 0;
  await inTransaction(database, async (tx) => {
    const indexed = await findPredictions(tx, deploymentId, labels.map((l) => l.id));
    const seen = new Set<string>();
    const good: Array<{ index: number; id: string; version: number; minute: number; prediction: unknown; label: unknown }> = [];
    labels.forEach((entry, index) => {
      const prediction = indexed.get(entry.id);
      if (!prediction) return rejected.push({ index, reason: 'no prediction with this id (unknown, or older than 30 days)' });
      if (prediction.labelled || seen.has(entry.id)) return rejected.push({ index, reason: 'this prediction already has a label' });
      seen.add(entry.id);
      good.push({ index, id: entry.id, version: prediction.version, minute: prediction.windowStart, prediction: prediction.prediction, label: entry.label });
    });
    const keys = good.flatMap((g) => granularities.map((granularity) => ({ version: g.version, granularity, start: floorTo(g.minute, granularity) })));
    const windows = new Map((await lockWindows(tx, database.dialect, deploymentId, keys)).map((w) => [`${w.granularity}:${w.version}:${w.start}`, w]));
    for (const g of good) {
      const prediction = toCell(g.prediction);
      const label = toCell(g.label);
      const profile = (await profiles.get(tx, deployment.modelName, g.version))?.profile ?? null;
      if (!prediction || !label) {
        rejected.push({ index: g.index, reason: 'the prediction or the label is empty' });
        continue;
      }
      for (const granularity of granularities) {
        const window = windows.get(`${granularity}:${g.version}:${floorTo(g.minute, granularity)}`);
        if (window) foldLabel(window.agg, profile, prediction, label);
      }
      accepted += 1;
    }
    await upsertWindows(tx, deploymentId, [...windows.values()]);
    await markLabelled(tx, deploymentId, good.map((g) => g.id));
  });
  return { accepted, rejected };
}
