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
    db.selectFrom('latest_metrics').select('key').distinct().where('experiment_id', '=', experimentId).orderBy('key').limit(maxKeys).execute(),
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
