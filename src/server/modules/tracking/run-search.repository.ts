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

export interface FromClause {
  joins: RawBuilder<unknown>[];
  conditions: Expression<SqlBool>[];
  /** Metric keys joined by a filter that excludes NaN: sorting by them needs no extra join. */
  numericMetricAliases: Map<string, string>;
}

export function compare(dialect: Dialect, column: string, clause: FilterClause): Expression<SqlBool> {
  return compareColumn(eb, dialect, sql.ref(column), clause.comparator, clause.value);
}

/**
 * The rows of a metric, param or tag clause's table (aliased) that satisfy it, without the run
 * link. Metric rows are sought through latest_metrics_search (experiment_id is denormalised
 * there); `!=` is the one comparison NaN satisfies, every other excludes NaN rows (stored as 0).
 */
export function keyRowsCondition(dialect: Dialect, alias: string, clause: FilterClause, experimentIds: number[]): RawBuilder<unknown> {
  const column = (name: string) => sql.ref(`${alias}.${name}`);
  const key = sql`${column('key')} = ${clause.key}`;
  const value = compare(dialect, `${alias}.value`, clause);
  if (clause.entity !== 'metric') return sql`${key} and ${value}`;
  const nan = clause.comparator === '!=' ? sql`(${column('is_nan')} = 1 or ${value})` : sql`${column('is_nan')} = 0 and ${value}`;
  return sql`${column('experiment_id')} in (${sql.join(experimentIds)}) and ${key} and ${nan}`;
}

export const keyTables = { metric: 'latest_metrics', param: 'params', tag: 'run_tags' } as const;

function keyJoin(dialect: Dialect, join: JoinWord, runRef: string, alias: string, clause: FilterClause, experimentIds: number[]): RawBuilder<unknown> {
  const table = keyTables[clause.entity as keyof typeof keyTables];
  return sql`${sql.raw(join)} ${sql.table(table)} as ${sql.id(alias)} on ${sql.ref(`${alias}.run_uuid`)} = ${sql.ref(runRef)} and ${keyRowsCondition(dialect, alias, clause, experimentIds)}`;
}

function datasetCondition(dialect: Dialect, clause: FilterClause): Expression<SqlBool> {
  if (clause.key === 'context') {
    return sql<SqlBool>`exists (select 1 from run_inputs ri join input_tags it on it.input_uuid = ri.input_uuid where ri.run_uuid = r.run_uuid and it.key = ${contextTagKey} and ${compare(dialect, 'it.value', clause)})`;
  }
  const column = clause.key === 'digest' ? 'd.digest' : 'd.name';
  return sql<SqlBool>`exists (select 1 from run_inputs ri join datasets d on d.dataset_uuid = ri.dataset_uuid where ri.run_uuid = r.run_uuid and ${compare(dialect, column, clause)})`;
}

/** `cross join` makes SQLite keep the written join order (the left table drives). */
export type JoinWord = 'join' | 'cross join';

/** `runRef`: the run id column filter joins link to (the driving table's, when the join order is pinned). */
export function fromClause(dialect: Dialect, query: RunQuery, join: JoinWord = 'join', runRef = 'r.run_uuid'): FromClause {
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
    if (clause.entity === 'metric' || clause.entity === 'param' || clause.entity === 'tag') {
      from.joins.push(keyJoin(dialect, join, runRef, alias, clause, query.experimentIds));
      if (clause.entity === 'metric' && clause.comparator !== '!=' && !from.numericMetricAliases.has(clause.key)) from.numericMetricAliases.set(clause.key, alias);
    } else if (clause.entity === 'dataset') {
      from.conditions.push(datasetCondition(dialect, clause));
    } else {
      from.conditions.push(compare(dialect, attributeColumns[clause.key] as string, clause));
    }
  });
  return from;
}

/** ORDER BY terms for `orderBy` (from its `skip`-th clause on), with MLflow's tie-breakers. */
export function orderClauses(query: RunQuery, from: FromClause, skip = 0): { joins: RawBuilder<unknown>[]; terms: RawBuilder<unknown>[] } {
  const joins: RawBuilder<unknown>[] = [];
  const terms: RawBuilder<unknown>[] = [];
  query.orderBy.forEach((order, index) => {
    if (index < skip) return;
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

export interface SelectParts {
  /** What the query reads first: `runs as r`, or a key table joined to runs. */
  head: RawBuilder<unknown>;
  joins: RawBuilder<unknown>[];
  conditions: Expression<SqlBool>[];
  terms: RawBuilder<unknown>[];
}

const spaced = (parts: RawBuilder<unknown>[]) => (parts.length > 0 ? sql.join(parts, sql` `) : sql``);

export async function selectIds(db: Db, parts: SelectParts, page: { offset: number; limit: number }): Promise<string[]> {
  const result = await sql<{ run_uuid: string }>`select r.run_uuid from ${parts.head} ${spaced(parts.joins)}
    where ${sql.join(parts.conditions, sql` and `)}
    order by ${sql.join(parts.terms)}
    limit ${page.limit} offset ${page.offset}`.execute(db);
  return result.rows.map((row) => row.run_uuid);
}

export async function countIds(db: Db, parts: Omit<SelectParts, 'terms'>): Promise<number> {
  const result = await sql<{ total: number | string }>`select count(*) as total from ${parts.head} ${spaced(parts.joins)}
    where ${sql.join(parts.conditions, sql` and `)}`.execute(db);
  return Number(result.rows[0]?.total ?? 0);
}
