import type { Db } from '../../db/database';

/**
 * Event id → (version, minute window, prediction), so a late label can be scored against its
 * prediction and counted in the window the prediction belongs to. Bounded by age (pruned).
 */
export interface IndexedPrediction {
  eventId: string;
  version: number;
  windowStart: number;
  prediction: string | number | boolean | null;
  labelled: boolean;
}

export async function indexPredictions(
  tx: Db,
  deploymentId: number,
  entries: Array<{ eventId: string; version: number; windowStart: number; prediction: unknown }>,
): Promise<void> {
  const now = Date.now();
  for (let i = 0; i < entries.length; i += 500) {
    await tx
      .insertInto('prediction_index')
      .values(entries.slice(i, i + 500).map((e) => ({ deployment_id: deploymentId, event_id: e.eventId, version: e.version, window_start: e.windowStart, prediction: JSON.stringify(e.prediction ?? null), labelled: 0, created_at: now })))
      .onConflict((oc) => oc.columns(['deployment_id', 'event_id']).doNothing())
      .execute();
  }
}

export async function findPredictions(tx: Db, deploymentId: number, eventIds: string[]): Promise<Map<string, IndexedPrediction>> {
  const found = new Map<string, IndexedPrediction>();
  for (let i = 0; i < eventIds.length; i += 500) {
    const rows = await tx
      .selectFrom('prediction_index')
      .selectAll()
      .where('deployment_id', '=', deploymentId)
      .where('event_id', 'in', eventIds.slice(i, i + 500))
      .execute();
    for (const row of rows) {
      found.set(row.event_id, { eventId: row.event_id, version: row.version, windowStart: Number(row.window_start), prediction: JSON.parse(row.prediction), labelled: row.labelled === 1 });
    }
  }
  return found;
}

export async function markLabelled(tx: Db, deploymentId: number, eventIds: string[]): Promise<void> {
  for (let i = 0; i < eventIds.length; i += 500) {
    await tx.updateTable('prediction_index').set({ labelled: 1 }).where('deployment_id', '=', deploymentId).where('event_id', 'in', eventIds.slice(i, i + 500)).execute();
  }
}

export async function prunePredictionIndex(db: Db, olderThan: number): Promise<number> {
  const result = await db.deleteFrom('prediction_index').where('created_at', '<', olderThan).executeTakeFirst();
  return Number(result.numDeletedRows);
}
