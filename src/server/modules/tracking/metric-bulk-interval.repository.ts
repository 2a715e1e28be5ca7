import { CompiledQuery, sql } from 'kysely';
import type { DatabaseHandle, Db } from '../../db/database';
import { placeholders } from '../../db/placeholders';
import { selectArrays } from '../../db/select-arrays';

/**
 * Index seeks on the metric history (primary key series_id, step, …) for interval sampling:
 * never a scan of a run's whole history, so 100,000-step curves cost what the sample costs.
 * A history is named by its series id (see metric-series.repository).
 */
export interface StepRange {
  start: number;
  end: number;
}

/** A run's first and last step of the metric within the range, or undefined when it has none. */
export async function stepBounds(db: Db, series: number, range: StepRange): Promise<StepRange | undefined> {
  const base = db.selectFrom('metrics').select('step').where('series_id', '=', series).where('step', '>=', range.start).where('step', '<=', range.end);
  const first = await base.orderBy('step', 'asc').limit(1).executeTakeFirst();
  if (!first) return undefined;
  const last = await base.orderBy('step', 'desc').limit(1).executeTakeFirstOrThrow();
  return { start: Number(first.step), end: Number(last.step) };
}

/** How many values the run logged in the range, counting no further than `cap`. */
export async function countInRange(db: Db, series: number, range: StepRange, cap: number): Promise<number> {
  const result = await sql<{ n: number | string }>`select count(*) as n from (select 1 as one from metrics
    where series_id = ${series} and step >= ${range.start} and step <= ${range.end} limit ${cap}) as capped`.execute(db);
  return Number(result.rows[0]?.n ?? 0);
}

/** For each target step, the run's first logged step at or after it (up to `end`), or null. */
export async function firstStepsFrom(db: Db, series: number, targets: readonly number[], end: number): Promise<Array<number | null>> {
  if (targets.length === 0) return [];
  const values = sql.join(targets.map((target, index) => sql`(cast(${index} as bigint), cast(${target} as bigint))`));
  const result = await sql<{ position: number | string; step: number | string | null }>`with t(position, target) as (values ${values})
    select t.position as position, (select m.step from metrics as m where m.series_id = ${series} and m.step >= t.target and m.step <= ${end} order by m.step limit 1) as step
    from t`.execute(db);
  const steps: Array<number | null> = targets.map(() => null);
  for (const row of result.rows) steps[Number(row.position)] = row.step === null ? null : Number(row.step);
  return steps;
}

/** A logged value as read for sampling: [series, step, timestamp, value, is_nan]. */
export type MetricTuple = [series: number, step: number, timestamp: number, value: number, isNan: number];

/**
 * Every value these series logged at these steps, ordered by series, step, timestamp and value:
 * one statement of index seeks for all runs (a step a run did not log finds nothing), read as
 * arrays (no row objects: 25,000 values a chart request). Written out (see placeholders.ts): a
 * 2,500-step list compiled through the query builder cost as much as the seeks.
 */
export async function valuesAtSteps(database: DatabaseHandle, series: readonly number[], steps: readonly number[]): Promise<MetricTuple[]> {
  if (series.length === 0 || steps.length === 0) return [];
  const seriesList = placeholders(database.dialect, series.length);
  const stepList = placeholders(database.dialect, steps.length, series.length);
  const query = CompiledQuery.raw(
    `select series_id, step, timestamp, value, is_nan from metrics where series_id in (${seriesList.join(',')})
    and step in (${stepList.join(',')}) order by series_id, step, timestamp, value`,
    [...series, ...steps],
  );
  return (await selectArrays(database, { compile: () => query })) as MetricTuple[];
}

/** Every value the series logged in the range (used when the range holds no more steps than asked). */
export async function valuesInRange(database: DatabaseHandle, series: number, range: StepRange): Promise<MetricTuple[]> {
  const query = database.db
    .selectFrom('metrics')
    .select(['series_id', 'step', 'timestamp', 'value', 'is_nan'])
    .where('series_id', '=', series)
    .where('step', '>=', range.start)
    .where('step', '<=', range.end)
    .orderBy('step')
    .orderBy('timestamp')
    .orderBy('value');
  return (await selectArrays(database, query)) as MetricTuple[];
}
