import { CompiledQuery } from 'kysely';
import { type Arena, arenaRegions } from '../../db/blob-arenas';
import type { DatabaseHandle, Dialect } from '../../db/database';
import { integerList, placeholders } from '../../db/placeholders';
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

/**
 * A value's text between its object's prefix `{"key":…,"value":` and suffix `,"run_id":…}`:
 * `…,"timestamp":…,"step":…`. The aggregate writes suffix, comma and prefix as its separator,
 * and once around the whole, instead of a row concatenating them to every value.
 */
function valueText(dialect: Dialect): string {
  const infinity = dialect === 'sqlite' ? '9e999' : `'Infinity'::float8`;
  const number = dialect === 'sqlite' ? 'json_quote(value)' : 'value::text';
  return `(case when is_nan <> 0 then '"NaN"' when value = ${infinity} then '"Infinity"' when value = -${infinity} then '"-Infinity"' else ${number} end)
    || ',"timestamp":' || timestamp || ',"step":' || step`;
}

const order = 'step, timestamp, value, is_nan';

/**
 * PostgreSQL orders the aggregate as asked. SQLite's aggregate ORDER BY would sort 3 MB of text;
 * instead the rows come from a subquery ordered as the primary key already is (no sort), and
 * SQLite never flattens an ordered subquery into an aggregate, so that group_concat keeps its order.
 */
function historySql(dialect: Dialect, where: (first: number) => string): string {
  const [prefix, separator, suffix, series] = placeholders(dialect, 4) as [string, string, string, string];
  const rows = `select ${order}, ${valueText(dialect)} as json from metrics where series_id = ${series} and ${where(4)}`;
  return dialect === 'sqlite'
    ? `select cast(${prefix} || group_concat(json, ${separator}) || ${suffix} as blob) as json from (${rows} order by ${order})`
    : `select convert_to(${prefix}::text || string_agg(json, ${separator}::text order by ${order}) || ${suffix}::text, 'UTF8') as json from (${rows}) as v`;
}

/**
 * Each history's encoded values where `where` (a condition on `step`) holds; histories without
 * any are left out. The histories are read concurrently (see DatabaseHandle.readBlob), each into
 * its region of `arena`, which must outlive the Buffers returned.
 */
async function historiesJson(database: DatabaseHandle, arena: Arena, key: string, histories: readonly HistoryOf[], where: (first: number) => string, parameters: unknown[]): Promise<Buffer[]> {
  const query = historySql(database.dialect, where);
  const prefix = `{"key":${JSON.stringify(key)},"value":`;
  const regions = arenaRegions(arena, histories.length);
  const encoded = await Promise.all(
    histories.map(({ series, runId }, i) => {
      const suffix = `,"run_id":${JSON.stringify(runId)}}`;
      return database.readBlob(CompiledQuery.raw(query, [prefix, `${suffix},${prefix}`, suffix, series, ...parameters]), regions[i] as (typeof regions)[number]);
    }),
  );
  return encoded.filter((json): json is Buffer => json !== null);
}

/** The values these histories logged at these steps. */
export function historiesJsonAtSteps(database: DatabaseHandle, arena: Arena, key: string, histories: readonly HistoryOf[], steps: readonly number[]): Promise<Buffer[]> {
  if (steps.length === 0) return Promise.resolve([]);
  const where = (first: number) => `step in ${integerList(database.dialect, placeholders(database.dialect, 1, first)[0] as string)}`;
  return historiesJson(database, arena, key, histories, where, [JSON.stringify(steps)]);
}

/** Every value these histories logged in the range. */
export function historiesJsonInRange(database: DatabaseHandle, arena: Arena, key: string, histories: readonly HistoryOf[], range: StepRange): Promise<Buffer[]> {
  const where = (first: number) => {
    const [from, to] = placeholders(database.dialect, 2, first);
    return `step >= ${from} and step <= ${to}`;
  };
  return historiesJson(database, arena, key, histories, where, [range.start, range.end]);
}
