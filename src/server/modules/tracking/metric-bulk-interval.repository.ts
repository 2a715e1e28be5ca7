import { CompiledQuery, sql } from 'kysely';
import type { DatabaseHandle, Db } from '../../db/database';
import { integerList, placeholders } from '../../db/placeholders';

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
export async function firstStepsFrom(database: DatabaseHandle, series: number, targets: readonly number[], end: number): Promise<Array<number | null>> {
  if (targets.length === 0) return [];
  const values = sql.join(targets.map((target, index) => sql`(cast(${index} as bigint), cast(${target} as bigint))`));
  const query = sql<{ position: number | string; step: number | string | null }>`with t(position, target) as (values ${values})
    select t.position as position, (select m.step from metrics as m where m.series_id = ${series} and m.step >= t.target and m.step <= ${end} order by m.step limit 1) as step
    from t`.compile(database.db);
  const rows = await database.readConcurrently<{ position: number | string; step: number | string | null }>(query);
  const steps: Array<number | null> = targets.map(() => null);
  for (const row of rows) steps[Number(row.position)] = row.step === null ? null : Number(row.step);
  return steps;
}

/** Targets per statement of `stepsNoneLogged`: a chart's 2,500 make four reads that run side by side. */
const stepsPerCheck = 625;

/**
 * The steps of `steps` that none of these series logged: per step, a seek per series until one
 * has it, so an evenly logged history costs one seek per step.
 */
export async function stepsNoneLogged(database: DatabaseHandle, series: readonly number[], steps: readonly number[]): Promise<number[]> {
  if (steps.length === 0) return [];
  if (series.length === 0) return [...steps];
  const chunks = Array.from({ length: Math.ceil(steps.length / stepsPerCheck) }, (_, i) => steps.slice(i * stepsPerCheck, (i + 1) * stepsPerCheck));
  const unlogged = await Promise.all(chunks.map((chunk) => stepsNoneLoggedOf(database, series, chunk)));
  return unlogged.flat();
}

async function stepsNoneLoggedOf(database: DatabaseHandle, series: readonly number[], steps: readonly number[]): Promise<number[]> {
  const [stepList, seriesList] = placeholders(database.dialect, 2).map((p) => integerList(database.dialect, p));
  const query = CompiledQuery.raw(
    `select t.value as step from ${stepList} as t where not exists (select 1 from metrics as m where m.series_id in ${seriesList} and m.step = t.value)`,
    [JSON.stringify(steps), JSON.stringify(series)],
  );
  const rows = await database.readConcurrently<{ step: number | string }>(query);
  return rows.map((row) => Number(row.step));
}
