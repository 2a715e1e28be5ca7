import { type Expression, type ExpressionBuilder, type RawBuilder, type SqlBool, expressionBuilder, sql } from 'kysely';
import type { FilterClause } from '../../../shared/search/filter-ast';
import type { OrderByClause } from '../../../shared/search/order-by';
import type { Db, Dialect } from '../../db/database';
import { compareColumn } from '../../db/filter-comparison';

/**
 * Run search as parameterised SQL (section 4 of the MLflow reference). Metric, param and tag
 * comparisons are inner joins on their covering indexes (a run lacking the key never matches, as
 * in MLflow's SQL store), so the database can drive the query from the most selective one — or,
 * when the sort key is a filtered metric, walk `latest_metrics_search` in order and stop at the
 * page end instead of scanning the experiment. NaN metrics match only `!=` and sort last; runs
 * lacking a sort key sort last whichever the direction.
 */
export interface RunQuery {
  experimentIds: number[];
  clauses: FilterClause[];
  orderBy: OrderByClause[];
  /** `active`, `deleted` or both (run_view_type). */
  lifecycleStages: string[];
}

const eb = expressionBuilder() as unknown as ExpressionBuilder<never, never>;
const contextTagKey = 'mlflow.data.context';

const attributeColumns: Record<string, string> = {
  run_id: 'r.run_uuid',
  run_name: 'r.run_name',
  user_id: 'r.user_id',
  status: 'r.status',
  artifact_uri: 'r.artifact_uri',
  start_time: 'r.start_time',
  end_time: 'r.end_time',
};

interface FromClause {
  joins: RawBuilder<unknown>[];
  conditions: Expression<SqlBool>[];
  /** Metric keys joined by a filter that excludes NaN: sorting by them needs no extra join. */
  numericMetricAliases: Map<string, string>;
}

function compare(dialect: Dialect, column: string, clause: FilterClause): Expression<SqlBool> {
  return compareColumn(eb, dialect, sql.ref(column), clause.comparator, clause.value);
}

function metricJoin(dialect: Dialect, alias: string, clause: FilterClause, experimentIds: number[]): RawBuilder<unknown> {
  // `!=` is the one comparison NaN satisfies; every other excludes NaN rows (stored as 0).
  const value =
    clause.comparator === '!='
      ? sql`(${sql.ref(`${alias}.is_nan`)} = 1 or ${compare(dialect, `${alias}.value`, clause)})`
      : sql`${sql.ref(`${alias}.is_nan`)} = 0 and ${compare(dialect, `${alias}.value`, clause)}`;
  // experiment_id is denormalised into latest_metrics so this join can seek its search index.
  return sql`join latest_metrics as ${sql.id(alias)} on ${sql.ref(`${alias}.run_uuid`)} = r.run_uuid and ${sql.ref(`${alias}.experiment_id`)} in (${sql.join(experimentIds)}) and ${sql.ref(`${alias}.key`)} = ${clause.key} and ${value}`;
}

function keyValueJoin(dialect: Dialect, table: 'params' | 'run_tags', alias: string, clause: FilterClause): RawBuilder<unknown> {
  return sql`join ${sql.table(table)} as ${sql.id(alias)} on ${sql.ref(`${alias}.run_uuid`)} = r.run_uuid and ${sql.ref(`${alias}.key`)} = ${clause.key} and ${compare(dialect, `${alias}.value`, clause)}`;
}

function datasetCondition(dialect: Dialect, clause: FilterClause): Expression<SqlBool> {
  if (clause.key === 'context') {
    return sql<SqlBool>`exists (select 1 from run_inputs ri join input_tags it on it.input_uuid = ri.input_uuid where ri.run_uuid = r.run_uuid and it.key = ${contextTagKey} and ${compare(dialect, 'it.value', clause)})`;
  }
  const column = clause.key === 'digest' ? 'd.digest' : 'd.name';
  return sql<SqlBool>`exists (select 1 from run_inputs ri join datasets d on d.dataset_uuid = ri.dataset_uuid where ri.run_uuid = r.run_uuid and ${compare(dialect, column, clause)})`;
}

function fromClause(dialect: Dialect, query: RunQuery): FromClause {
  const from: FromClause = {
    joins: [],
    conditions: [
      sql<SqlBool>`r.experiment_id in (${sql.join(query.experimentIds)})`,
      sql<SqlBool>`r.lifecycle_stage in (${sql.join(query.lifecycleStages)})`,
    ],
    numericMetricAliases: new Map(),
  };
  query.clauses.forEach((clause, index) => {
    const alias = `f${index}`;
    if (clause.entity === 'metric') {
      from.joins.push(metricJoin(dialect, alias, clause, query.experimentIds));
      if (clause.comparator !== '!=' && !from.numericMetricAliases.has(clause.key)) from.numericMetricAliases.set(clause.key, alias);
    } else if (clause.entity === 'param' || clause.entity === 'tag') {
      from.joins.push(keyValueJoin(dialect, clause.entity === 'param' ? 'params' : 'run_tags', alias, clause));
    } else if (clause.entity === 'dataset') {
      from.conditions.push(datasetCondition(dialect, clause));
    } else {
      from.conditions.push(compare(dialect, attributeColumns[clause.key] as string, clause));
    }
  });
  return from;
}

function orderClauses(query: RunQuery, from: FromClause): { joins: RawBuilder<unknown>[]; terms: RawBuilder<unknown>[] } {
  const joins: RawBuilder<unknown>[] = [];
  const terms: RawBuilder<unknown>[] = [];
  query.orderBy.forEach((order, index) => {
    const direction = sql.raw(order.ascending ? 'asc' : 'desc');
    if (order.entity === 'attribute') {
      const column = attributeColumns[order.key] as string;
      if (order.key === 'end_time') terms.push(sql`(${sql.ref(column)} is null)`);
      terms.push(sql`${sql.ref(column)} ${direction}`);
      return;
    }
    const filtered = order.entity === 'metric' ? from.numericMetricAliases.get(order.key) : undefined;
    if (filtered) {
      terms.push(sql`${sql.ref(`${filtered}.value`)} ${direction}`);
      return;
    }
    const alias = `o${index}`;
    const table = order.entity === 'metric' ? 'latest_metrics' : order.entity === 'param' ? 'params' : 'run_tags';
    joins.push(sql`left join ${sql.table(table)} as ${sql.id(alias)} on ${sql.ref(`${alias}.run_uuid`)} = r.run_uuid and ${sql.ref(`${alias}.key`)} = ${order.key}`);
    // Missing keys (and NaN metrics) last in both directions.
    if (order.entity === 'metric') terms.push(sql`coalesce(${sql.ref(`${alias}.is_nan`)}, 2)`);
    else terms.push(sql`(${sql.ref(`${alias}.value`)} is null)`);
    terms.push(sql`${sql.ref(`${alias}.value`)} ${direction}`);
  });
  // MLflow's tie-breakers: newest first, then run id.
  const ordered = (key: string) => query.orderBy.some((order) => order.entity === 'attribute' && order.key === key);
  if (!ordered('start_time')) terms.push(sql`r.start_time desc`);
  if (!ordered('run_id')) terms.push(sql`r.run_uuid asc`);
  return { joins, terms };
}

/** One page of matching run ids, in order. */
export async function selectRunIds(db: Db, dialect: Dialect, query: RunQuery, page: { offset: number; limit: number }): Promise<string[]> {
  if (query.experimentIds.length === 0 || query.lifecycleStages.length === 0) return [];
  const from = fromClause(dialect, query);
  const order = orderClauses(query, from);
  const result = await sql<{ run_uuid: string }>`select r.run_uuid from runs as r ${sql.join([...from.joins, ...order.joins], sql` `)}
    where ${sql.join(from.conditions, sql` and `)}
    order by ${sql.join(order.terms)}
    limit ${page.limit} offset ${page.offset}`.execute(db);
  return result.rows.map((row) => row.run_uuid);
}

/** How many runs match (for a dashboard's total); ordering joins are left out. */
export async function countMatchingRuns(db: Db, dialect: Dialect, query: RunQuery): Promise<number> {
  if (query.experimentIds.length === 0 || query.lifecycleStages.length === 0) return 0;
  const from = fromClause(dialect, query);
  const joins = from.joins.length > 0 ? sql.join(from.joins, sql` `) : sql``;
  const result = await sql<{ total: number | string }>`select count(*) as total from runs as r ${joins}
    where ${sql.join(from.conditions, sql` and `)}`.execute(db);
  return Number(result.rows[0]?.total ?? 0);
}
