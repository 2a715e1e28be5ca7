import type { Db } from '../db/database';
import { recordMetricBlocks } from '../modules/tracking/metric-blocks.repository';
import { ensureSeriesIds } from '../modules/tracking/metric-series.repository';
import type { MetricValue } from '../modules/tracking/tracking.tables';

const chunk = 1000;

/**
 * Appends metric values straight to their histories (numbering new ones) and block summaries,
 * as the tracking service does but without its checks: for seeding tests and benchmarks.
 */
export async function seedMetricValues(db: Db, values: readonly MetricValue[]): Promise<void> {
  if (values.length === 0) return;
  const ids = await ensureSeriesIds(db, values);
  for (let start = 0; start < values.length; start += chunk) {
    const rows = values.slice(start, start + chunk).map(({ run_uuid: runId, key, ...value }) => ({ series_id: ids.get(runId, key) as number, ...value }));
    await db.insertInto('metrics').values(rows).execute();
  }
  await recordMetricBlocks(db, values);
}
