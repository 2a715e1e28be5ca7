import { type SqlBool, sql } from 'kysely';
import type { OrderByClause } from '../../../shared/search/order-by';
import type { Db, Dialect } from '../../db/database';
import {
  type JoinWord,
  type RunQuery,
  type SelectParts,
  countIds,
  fromClause,
  keyRowsCondition,
  keyTables,
  orderClauses,
  selectIds,
} from './run-search.repository';

/**
 * How a run search reads its page without scanning the experiment.
 *
 * Sorting by a metric, param or tag runs in two phases: first the runs that have the key, read
 * from its index in value order (latest_metrics_search, params_search) so the read stops at the
 * page end; then, once those are exhausted, the runs lacking it (or whose metric is NaN), which
 * MLflow puts last in both directions.
 *
 * SQLite plans joins without statistics and tends to start from a filter's index range and sort
 * everything it matched. When every filter is broad (at least `broadMatches` rows), walking the
 * sort order and checking filters per run finds a page sooner, so the query pins that join order
 * (`cross join`). PostgreSQL plans with statistics and is left to choose.
 */
const broadMatches = 2000;

/** At least `broadMatches` rows for each metric/param/tag filter, and no run id lookup. */
async function filtersAreBroad(db: Db, dialect: Dialect, query: RunQuery): Promise<boolean> {
  if (query.clauses.some((clause) => clause.entity === 'attribute' && clause.key === 'run_id' && (clause.comparator === '=' || clause.comparator === 'IN'))) return false;
  for (const clause of query.clauses) {
    if (clause.entity !== 'metric' && clause.entity !== 'param' && clause.entity !== 'tag') continue;
    const table = sql.table(keyTables[clause.entity]);
    const result = await sql<{ n: number | string }>`select count(*) as n from (select 1 as one from ${table} as p
      where ${keyRowsCondition(dialect, 'p', clause, query.experimentIds)} limit ${broadMatches}) as probe`.execute(db);
    if (Number(result.rows[0]?.n ?? 0) < broadMatches) return false;
  }
  return true;
}

/** The first sort key when it is a metric, param or tag that no filter join already provides. */
function indexedSortKey(query: RunQuery): OrderByClause | undefined {
  const first = query.orderBy[0];
  if (!first || first.entity === 'attribute' || first.entity === 'dataset') return undefined;
  return sortsByFilteredMetric(query) ? undefined : first;
}

/** Sorting by a metric a filter joins (e.g. `metrics.accuracy > 0.9`): that join reads the index in order. */
function sortsByFilteredMetric(query: RunQuery): boolean {
  const first = query.orderBy[0];
  return first?.entity === 'metric' && query.clauses.some((clause) => clause.entity === 'metric' && clause.key === first.key && clause.comparator !== '!=');
}

function runsHead(): SelectParts['head'] {
  return sql`runs as r`;
}

/** Runs having the sort key (numeric for metrics), ordered by its value first. */
function withKeyParts(dialect: Dialect, query: RunQuery, sortKey: OrderByClause, join: JoinWord): SelectParts {
  // Filters are checked against the key row before the run is read: most candidates fail one.
  const from = fromClause(dialect, query, join, 'k.run_uuid');
  const order = orderClauses(query, from, 1);
  const table = sql.table(keyTables[sortKey.entity as keyof typeof keyTables]);
  const own = sortKey.entity === 'metric' ? [sql<SqlBool>`k.experiment_id in (${sql.join(query.experimentIds)})`, sql<SqlBool>`k.is_nan = 0`] : [];
  return {
    head: sql`${table} as k`,
    joins: [...from.joins, sql`${sql.raw(join)} runs as r on r.run_uuid = k.run_uuid`, ...order.joins],
    conditions: [sql<SqlBool>`k.key = ${sortKey.key}`, ...own, ...from.conditions],
    terms: [sql`k.value ${sql.raw(sortKey.ascending ? 'asc' : 'desc')}`, ...order.terms],
  };
}

/** Runs lacking the sort key (or with a NaN value), in the order of the remaining keys. */
function withoutKeyParts(dialect: Dialect, query: RunQuery, sortKey: OrderByClause): SelectParts {
  const from = fromClause(dialect, query);
  const order = orderClauses(query, from, 1);
  const table = sql.table(keyTables[sortKey.entity as keyof typeof keyTables]);
  const numeric = sortKey.entity === 'metric' ? sql` and k.is_nan = 0` : sql``;
  const lacking = sql<boolean>`not exists (select 1 from ${table} as k where k.run_uuid = r.run_uuid and k.key = ${sortKey.key}${numeric})`;
  // As MLflow: NaN before missing.
  const nanFirst = sortKey.entity === 'metric' ? [sql`not exists (select 1 from latest_metrics as k where k.run_uuid = r.run_uuid and k.key = ${sortKey.key})`] : [];
  return { head: runsHead(), joins: [...from.joins, ...order.joins], conditions: [...from.conditions, lacking], terms: [...nanFirst, ...order.terms] };
}

export async function selectRunIds(db: Db, dialect: Dialect, query: RunQuery, page: { offset: number; limit: number }): Promise<string[]> {
  if (query.experimentIds.length === 0 || query.lifecycleStages.length === 0) return [];
  const pinned = dialect === 'sqlite' && !sortsByFilteredMetric(query) && (await filtersAreBroad(db, dialect, query));
  const join: JoinWord = pinned ? 'cross join' : 'join';
  const sortKey = indexedSortKey(query);
  if (!sortKey) {
    const from = fromClause(dialect, query, join);
    const order = orderClauses(query, from);
    return selectIds(db, { head: runsHead(), joins: [...from.joins, ...order.joins], conditions: from.conditions, terms: order.terms }, page);
  }
  const withKey = withKeyParts(dialect, query, sortKey, join);
  const first = await selectIds(db, withKey, page);
  if (first.length === page.limit) return first;
  // The page reaches past the runs with the key: continue with those lacking it. Their offset
  // needs the count of the first phase only when this page starts beyond it.
  const offset = first.length > 0 ? 0 : page.offset - (await countIds(db, withKey));
  const rest = await selectIds(db, withoutKeyParts(dialect, query, sortKey), { offset: Math.max(0, offset), limit: page.limit - first.length });
  return [...first, ...rest];
}

/** How many runs match (for a dashboard's total); ordering joins are left out. */
export async function countMatchingRuns(db: Db, dialect: Dialect, query: RunQuery): Promise<number> {
  if (query.experimentIds.length === 0 || query.lifecycleStages.length === 0) return 0;
  const from = fromClause(dialect, query);
  return countIds(db, { head: runsHead(), joins: from.joins, conditions: from.conditions });
}
