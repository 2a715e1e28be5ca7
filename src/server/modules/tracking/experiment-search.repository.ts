import { type Expression, type ExpressionBuilder, type SqlBool, sql } from 'kysely';
import type { FilterClause } from '../../../shared/search/filter-ast';
import type { OrderByClause } from '../../../shared/search/order-by';
import type { Db, Dialect } from '../../db/database';
import { compareColumn } from '../../db/filter-comparison';
import type { Database } from '../../db/schema';

/**
 * Experiment search as parameterised SQL (section 4 of the MLflow reference). A tag comparison
 * is an EXISTS on experiment_tags (an experiment without the tag never matches).
 */
type ExperimentsEb = ExpressionBuilder<Database & { e: Database['experiments'] }, 'e'>;
const loose = (eb: unknown) => eb as ExpressionBuilder<never, never>;

const columns = {
  name: 'e.name',
  experiment_id: 'e.experiment_id',
  creation_time: 'e.creation_time',
  last_update_time: 'e.last_update_time',
} as const;

function condition(eb: ExperimentsEb, dialect: Dialect, clause: FilterClause): Expression<SqlBool> {
  if (clause.entity === 'tag') {
    return eb.exists(
      eb
        .selectFrom('experiment_tags as t')
        .select(sql`1`.as('one'))
        .whereRef('t.experiment_id', '=', 'e.experiment_id')
        .where('t.key', '=', clause.key)
        .where((inner) => compareColumn(loose(inner), dialect, inner.ref('t.value'), clause.comparator, clause.value)),
    );
  }
  return compareColumn(loose(eb), dialect, eb.ref(columns[clause.key as keyof typeof columns]), clause.comparator, clause.value);
}

/** Matching experiment ids in order: MLflow's default is newest first, ties by id descending. */
export async function searchExperimentIds(
  db: Db,
  dialect: Dialect,
  search: { clauses: FilterClause[]; orderBy: OrderByClause[]; lifecycleStages: string[]; offset: number; limit: number },
): Promise<number[]> {
  let query = db.selectFrom('experiments as e').select('e.experiment_id').where('e.lifecycle_stage', 'in', search.lifecycleStages);
  for (const clause of search.clauses) query = query.where((eb) => condition(eb, dialect, clause));
  const orderBy: OrderByClause[] =
    search.orderBy.length > 0
      ? search.orderBy
      : [
          { entity: 'attribute', key: 'creation_time', ascending: false },
          { entity: 'attribute', key: 'experiment_id', ascending: true },
        ];
  for (const order of orderBy) query = query.orderBy(columns[order.key as keyof typeof columns], order.ascending ? 'asc' : 'desc');
  if (!orderBy.some((order) => order.key === 'experiment_id')) query = query.orderBy('e.experiment_id', 'desc');
  const rows = await query.offset(search.offset).limit(search.limit).execute();
  return rows.map((row) => Number(row.experiment_id));
}
