import { CompiledQuery, sql } from 'kysely';
import type { Db, Dialect } from '../../db/database';
import { placeholders } from '../../db/placeholders';

/**
 * Index seeks on the metric history (primary key series_id, step, …) for interval sampling:
 * never a scan of a run's whole history, so 100,000-step curves cost what the sample costs.
 * A history is named by its series id (see metric-series.repository).
 */
export interface StepRange {
  start: number;
  end: number;
}

/** A logged value of the run and metric a query names (numbers on both dialects: see openDatabase). */
export interface MetricRow {
  step: number;
  timestamp: number;
  value: number;
  is_nan: number;
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

/**
 * Every value the run logged at these steps, by step, timestamp and value. Written out (see
 * placeholders.ts): a 2,500-step list compiled through the query builder for each run cost as
 * much as the index seeks.
 */
export async function rowsAtSteps(db: Db, dialect: Dialect, series: number, steps: readonly number[]): Promise<MetricRow[]> {
  if (steps.length === 0) return [];
  const [id, ...stepList] = placeholders(dialect, steps.length + 1);
  const query = `select step, timestamp, value, is_nan from metrics where series_id = ${id}
    and step in (${stepList.join(',')}) order by step, timestamp, value`;
  const result = await db.executeQuery<MetricRow>(CompiledQuery.raw(query, [series, ...steps]));
  return result.rows;
}

/** Every value the run logged in the range (used when the range holds no more steps than asked). */
export async function rowsInRange(db: Db, series: number, range: StepRange): Promise<MetricRow[]> {
  return db
    .selectFrom('metrics')
    .select(['step', 'timestamp', 'value', 'is_nan'])
    .where('series_id', '=', series)
    .where('step', '>=', range.start)
    .where('step', '<=', range.end)
    .orderBy('step')
    .orderBy('timestamp')
    .orderBy('value')
    .execute();
}
