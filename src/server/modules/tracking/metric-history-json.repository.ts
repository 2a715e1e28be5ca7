import { CompiledQuery } from 'kysely';
import type { DatabaseHandle, Dialect } from '../../db/database';
import { placeholders } from '../../db/placeholders';
import type { StepRange } from './metric-bulk-interval.repository';

/**
 * A metric history's values encoded as MLflow's `MetricWithRunId` JSON by the database itself:
 * `{"key":…,"value":…,"timestamp":…,"step":…,"run_id":…}` objects joined by commas, in step,
 * timestamp and value order. A chart request answers 25,000 values; encoding them in SQL skips a
 * row array, an object and a JSON.stringify per value (and their garbage), which cost more than
 * finding the values.
 *
 * Numbers stay exact: SQLite writes doubles with 17 significant digits, PostgreSQL with the
 * shortest text that reads back the same. NaN and infinities become MLflow's strings.
 */
export interface HistoryOf {
  series: number;
  runId: string;
}

/** The object of a value, between a prefix `{"key":…,"value":` and a suffix `,"run_id":…}` given as parameters. */
function metricObject(dialect: Dialect, prefix: string, suffix: string): string {
  const infinity = dialect === 'sqlite' ? '9e999' : `'Infinity'::float8`;
  const number = dialect === 'sqlite' ? 'json_quote(value)' : 'value::text';
  return `${prefix} || (case when is_nan <> 0 then '"NaN"' when value = ${infinity} then '"Infinity"' when value = -${infinity} then '"-Infinity"' else ${number} end)
    || ',"timestamp":' || timestamp || ',"step":' || step || ${suffix}`;
}

const order = 'step, timestamp, value, is_nan';

/**
 * PostgreSQL orders the aggregate as asked. SQLite's aggregate ORDER BY would sort 3 MB of text;
 * instead the rows come from a subquery ordered as the primary key already is (no sort), and
 * SQLite never flattens an ordered subquery into an aggregate, so that group_concat keeps its order.
 */
function historySql(dialect: Dialect, where: (first: number) => string): string {
  const [prefix, suffix, series] = placeholders(dialect, 3) as [string, string, string];
  const cast = (parameter: string) => (dialect === 'postgres' ? `${parameter}::text` : parameter);
  const rows = `select ${order}, ${metricObject(dialect, cast(prefix), cast(suffix))} as json from metrics where series_id = ${series} and ${where(3)}`;
  return dialect === 'sqlite'
    ? `select cast(group_concat(json, ',') as blob) as json from (${rows} order by ${order})`
    : `select convert_to(string_agg(json, ',' order by ${order}), 'UTF8') as json from (${rows}) as v`;
}

/** Each history's encoded values where `where` (a condition on `step`) holds; histories without any are left out. */
async function historiesJson(database: DatabaseHandle, key: string, histories: readonly HistoryOf[], where: (first: number) => string, parameters: unknown[]): Promise<Buffer[]> {
  const query = historySql(database.dialect, where);
  const prefix = `{"key":${JSON.stringify(key)},"value":`;
  const encoded: Buffer[] = [];
  for (const { series, runId } of histories) {
    const suffix = `,"run_id":${JSON.stringify(runId)}}`;
    const { rows } = await database.db.executeQuery<{ json: Buffer | null }>(CompiledQuery.raw(query, [prefix, suffix, series, ...parameters]));
    const json = rows[0]?.json;
    if (json) encoded.push(json);
  }
  return encoded;
}

/** The values these histories logged at these steps. */
export function historiesJsonAtSteps(database: DatabaseHandle, key: string, histories: readonly HistoryOf[], steps: readonly number[]): Promise<Buffer[]> {
  if (steps.length === 0) return Promise.resolve([]);
  const where = (first: number) => `step in (${placeholders(database.dialect, steps.length, first).join(',')})`;
  return historiesJson(database, key, histories, where, [...steps]);
}

/** Every value these histories logged in the range. */
export function historiesJsonInRange(database: DatabaseHandle, key: string, histories: readonly HistoryOf[], range: StepRange): Promise<Buffer[]> {
  const where = (first: number) => {
    const [from, to] = placeholders(database.dialect, 2, first);
    return `step >= ${from} and step <= ${to}`;
  };
  return historiesJson(database, key, histories, where, [range.start, range.end]);
}
