import { sql } from 'kysely';
import type { ExperimentKeys } from '../../../shared/contract/experiments';
import type { Db } from '../../db/database';

const maxKeys = 2000;
/** Param, tag and dataset names are read from the latest runs, so a huge experiment stays cheap. */
const recentRuns = 2000;

/**
 * Names logged in an experiment, for autocomplete and the column chooser. Metric keys come from
 * the latest_metrics (experiment_id, key, …) index; the others from the latest runs.
 */
export async function experimentKeys(db: Db, experimentId: number): Promise<ExperimentKeys> {
  const recent = db
    .selectFrom('runs')
    .select('run_uuid')
    .where('experiment_id', '=', experimentId)
    .orderBy('start_time', 'desc')
    .limit(recentRuns);
  const [metrics, params, tags, datasets] = await Promise.all([
    metricKeys(db, experimentId),
    db.selectFrom('params').select('key').distinct().where('run_uuid', 'in', recent).orderBy('key').limit(maxKeys).execute(),
    db.selectFrom('run_tags').select('key').distinct().where('run_uuid', 'in', recent).orderBy('key').limit(maxKeys).execute(),
    db.selectFrom('datasets').select('name').distinct().where('experiment_id', '=', experimentId).orderBy('name').limit(maxKeys).execute(),
  ]);
  return {
    metrics: metrics.map((row) => row.key),
    params: params.map((row) => row.key),
    tags: tags.map((row) => row.key),
    datasets: datasets.map((row) => row.name),
  };
}

/**
 * The experiment's metric keys by skipping through the (experiment_id, key, …) index: one seek per
 * key (the next key after the previous one), where DISTINCT read every run's row of every key —
 * 2 million index entries for 100,000 runs × 20 metrics.
 */
async function metricKeys(db: Db, experimentId: number): Promise<Array<{ key: string }>> {
  const { rows } = await sql<{ key: string }>`
    with recursive found(key) as (
      select min(key) from latest_metrics where experiment_id = ${experimentId}
      union all
      select (select min(key) from latest_metrics where experiment_id = ${experimentId} and key > found.key) from found where found.key is not null
    )
    select key from found where key is not null limit ${maxKeys}`.execute(db);
  return rows;
}
