import { type Expression, type ExpressionBuilder, type SqlBool, sql } from 'kysely';
import type { FilterClause } from '../../../shared/search/filter-ast';
import type { LoggedModelOrderBy } from '../../../shared/search/order-by';
import type { Db, Dialect } from '../../db/database';
import { compareColumn } from '../../db/filter-comparison';
import type { Database } from '../../db/schema';
import type { LoggedModelsTable } from '../tracking/tracking.tables';

/**
 * Logged model search as parameterised SQL (MLflow's SQL store semantics): a metric clause
 * matches when any metric row of the model with that key matches (within the requested
 * datasets); ordering by a metric uses its latest value (by timestamp, then step), missing last.
 */
export interface DatasetScope {
  name: string;
  digest?: string;
}

type ModelsEb = ExpressionBuilder<Database & { lm: LoggedModelsTable }, 'lm'>;
const loose = (eb: unknown) => eb as ExpressionBuilder<never, never>;

const attributeColumns = {
  name: 'lm.name',
  model_id: 'lm.model_id',
  model_type: 'lm.model_type',
  status: 'lm.status',
  source_run_id: 'lm.source_run_id',
  creation_timestamp: 'lm.creation_timestamp_ms',
  last_updated_timestamp: 'lm.last_updated_timestamp_ms',
} as const;

/** `READY` and `LOGGED_MODEL_READY` name the same status. */
function statusValue(value: FilterClause['value']): FilterClause['value'] {
  const full = (item: string) => (item.startsWith('LOGGED_MODEL_') ? item : `LOGGED_MODEL_${item}`);
  return Array.isArray(value) ? value.map(full) : typeof value === 'string' ? full(value) : value;
}

/** Values of histories logged under `key` (values name their history by series id). */
const ofKey = (key: string) => sql<SqlBool>`m.series_id in (select s.series_id from metric_series as s where s.key = ${key})`;

function inDatasets(eb: ExpressionBuilder<Database & { m: Database['metrics'] }, 'm'>, datasets: DatasetScope[]): Expression<SqlBool> {
  return eb.or(datasets.map((d) => (d.digest ? eb.and([eb('m.dataset_name', '=', d.name), eb('m.dataset_digest', '=', d.digest)]) : eb('m.dataset_name', '=', d.name))));
}

function condition(eb: ModelsEb, dialect: Dialect, clause: FilterClause, datasets: DatasetScope[]): Expression<SqlBool> {
  if (clause.entity === 'metric') {
    let metrics = eb
      .selectFrom('metrics as m')
      .select(sql`1`.as('one'))
      .whereRef('m.model_id', '=', 'lm.model_id')
      .where(ofKey(clause.key))
      .where('m.is_nan', '=', 0)
      .where((inner) => compareColumn(loose(inner), dialect, inner.ref('m.value'), clause.comparator, clause.value));
    if (datasets.length > 0) metrics = metrics.where((inner) => inDatasets(inner, datasets));
    return eb.exists(metrics);
  }
  if (clause.entity === 'param' || clause.entity === 'tag') {
    const table = clause.entity === 'param' ? 'logged_model_params' : 'logged_model_tags';
    return eb.exists(
      eb
        .selectFrom(`${table} as kv`)
        .select(sql`1`.as('one'))
        .whereRef('kv.model_id', '=', 'lm.model_id')
        .where('kv.key', '=', clause.key)
        .where((inner) => compareColumn(loose(inner), dialect, inner.ref('kv.value'), clause.comparator, clause.value)),
    );
  }
  const column = attributeColumns[clause.key as keyof typeof attributeColumns];
  const value = clause.key === 'status' ? statusValue(clause.value) : clause.value;
  return compareColumn(loose(eb), dialect, eb.ref(column), clause.comparator, value);
}

/** The latest value of a metric for the model (optionally within one dataset), for sorting. */
function latestMetric(eb: ModelsEb, order: LoggedModelOrderBy) {
  let query = eb
    .selectFrom('metrics as m')
    .select('m.value')
    .whereRef('m.model_id', '=', 'lm.model_id')
    .where(ofKey(order.key))
    .where('m.is_nan', '=', 0);
  if (order.datasetName) query = query.where('m.dataset_name', '=', order.datasetName);
  if (order.datasetDigest) query = query.where('m.dataset_digest', '=', order.datasetDigest);
  return query.orderBy('m.timestamp', 'desc').orderBy('m.step', 'desc').limit(1);
}

export async function searchLoggedModelRows(
  db: Db,
  dialect: Dialect,
  search: { experimentIds: number[]; clauses: FilterClause[]; datasets: DatasetScope[]; orderBy: LoggedModelOrderBy[]; offset: number; limit: number },
): Promise<LoggedModelsTable[]> {
  if (search.experimentIds.length === 0) return [];
  let query = db.selectFrom('logged_models as lm').selectAll('lm').where('lm.lifecycle_stage', '=', 'active').where('lm.experiment_id', 'in', search.experimentIds);
  for (const clause of search.clauses) query = query.where((eb) => condition(eb, dialect, clause, search.datasets));
  if (search.datasets.length > 0 && !search.clauses.some((clause) => clause.entity === 'metric')) {
    // Datasets without a metric clause: models with any metric on those datasets.
    query = query.where((eb) =>
      eb.exists(eb.selectFrom('metrics as m').select(sql`1`.as('one')).whereRef('m.model_id', '=', 'lm.model_id').where((inner) => inDatasets(inner, search.datasets))),
    );
  }
  for (const order of search.orderBy) {
    const direction = order.ascending ? 'asc' : 'desc';
    if (order.entity === 'metric') {
      // Missing values last, whichever the direction.
      query = query.orderBy((eb) => sql`case when (${latestMetric(eb, order)}) is null then 1 else 0 end`).orderBy((eb) => latestMetric(eb, order), direction);
    } else {
      const column = attributeColumns[order.key as keyof typeof attributeColumns];
      query = query.orderBy(sql`case when ${sql.ref(column)} is null then 1 else 0 end`).orderBy(column, direction);
    }
  }
  if (!search.orderBy.some((order) => order.entity === 'attribute' && order.key === 'creation_timestamp')) query = query.orderBy('lm.creation_timestamp_ms', 'desc');
  return query.orderBy('lm.model_id', 'asc').offset(search.offset).limit(search.limit).execute();
}
