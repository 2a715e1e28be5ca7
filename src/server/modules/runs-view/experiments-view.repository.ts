import { sql } from 'kysely';
import type { Experiment } from '../../../shared/contract/experiments';
import type { Db } from '../../db/database';
import { loadExperiments } from '../tracking/tracking-json';

/** MLflow keeps an experiment's description in this tag. */
export const descriptionTag = 'mlflow.note.content';

const iso = (ms: number) => new Date(Number(ms)).toISOString();

interface ListOptions {
  q?: string;
  view: 'active' | 'deleted' | 'all';
  offset: number;
  limit: number;
}

/**
 * Experiments with run counts and the start of their latest run, most recently active first.
 * The counts come from the runs_experiment_start index (no table scan).
 */
export async function listExperimentsView(db: Db, options: ListOptions): Promise<{ items: Experiment[]; more: boolean }> {
  const activity = db
    .selectFrom('runs')
    .select(['experiment_id', (eb) => eb.fn.countAll<number>().as('run_count'), (eb) => eb.fn.max('start_time').as('last_run')])
    .where('lifecycle_stage', '=', 'active')
    .groupBy('experiment_id')
    .as('activity');
  let query = db
    .selectFrom('experiments')
    .leftJoin(activity, 'activity.experiment_id', 'experiments.experiment_id')
    .select(['experiments.experiment_id', 'activity.run_count', 'activity.last_run']);
  if (options.view !== 'all') query = query.where('experiments.lifecycle_stage', '=', options.view);
  if (options.q) query = query.where(sql<boolean>`lower(experiments.name) like ${`%${escapeLike(options.q.toLowerCase())}%`} escape '\\'`);
  const rows = await query
    .orderBy(sql`coalesce(activity.last_run, experiments.last_update_time)`, 'desc')
    .orderBy('experiments.experiment_id', 'desc')
    .limit(options.limit + 1)
    .offset(options.offset)
    .execute();
  const page = rows.slice(0, options.limit);
  const experiments = await loadExperiments(db, page.map((row) => Number(row.experiment_id)));
  const items = experiments.map((experiment, i) => toExperiment(experiment, Number(page[i]!.run_count ?? 0), page[i]!.last_run));
  return { items, more: rows.length > options.limit };
}

export async function findExperimentView(db: Db, experimentId: number): Promise<Experiment | undefined> {
  const [experiment] = await loadExperiments(db, [experimentId]);
  if (!experiment) return undefined;
  const activity = await db
    .selectFrom('runs')
    .select([(eb) => eb.fn.countAll<number>().as('run_count'), (eb) => eb.fn.max('start_time').as('last_run')])
    .where('experiment_id', '=', experimentId)
    .where('lifecycle_stage', '=', 'active')
    .executeTakeFirst();
  return toExperiment(experiment, Number(activity?.run_count ?? 0), activity?.last_run ?? null);
}

function toExperiment(
  experiment: Awaited<ReturnType<typeof loadExperiments>>[number],
  runCount: number,
  lastRun: number | string | null,
): Experiment {
  return {
    experimentId: experiment.experiment_id,
    name: experiment.name,
    lifecycleStage: experiment.lifecycle_stage === 'deleted' ? 'deleted' : 'active',
    artifactLocation: experiment.artifact_location,
    creationTime: iso(experiment.creation_time),
    lastUpdateTime: iso(experiment.last_update_time),
    runCount,
    lastRunTime: lastRun === null ? null : iso(Number(lastRun)),
    description: experiment.tags.find((tag) => tag.key === descriptionTag)?.value ?? null,
    tags: experiment.tags.filter((tag) => tag.key !== descriptionTag),
  };
}

function escapeLike(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}
