import { type Expression, type ExpressionBuilder, type SqlBool, sql } from 'kysely';
import type { FilterClause } from '../../../shared/search/filter-ast';
import type { OrderByClause } from '../../../shared/search/order-by';
import type { Db, Dialect } from '../../db/database';
import { compareColumn } from '../../db/filter-comparison';
import type { Database } from '../../db/schema';

/**
 * Registered model and model version search as parameterised SQL. Tag comparisons are EXISTS
 * subqueries (a model without the tag never matches), as in MLflow's SQL store.
 */
export const promptTagKey = 'mlflow.prompt.is_prompt';

type ModelsEb = ExpressionBuilder<Database & { rm: Database['registered_models'] }, 'rm'>;
type VersionsEb = ExpressionBuilder<Database & { mv: Database['model_versions'] }, 'mv'>;
const loose = (eb: unknown) => eb as ExpressionBuilder<never, never>;

/** Prompts are registered models too; MLflow leaves them out unless the filter asks for them. */
export function mentionsPromptTag(clauses: FilterClause[]): boolean {
  return clauses.some((clause) => clause.entity === 'tag' && clause.key === promptTagKey);
}

function isPrompt(eb: ModelsEb, nameColumn: 'rm.name' | 'mv.name'): Expression<SqlBool> {
  return eb.exists(
    eb
      .selectFrom('registered_model_tags as pt')
      .select(sql`1`.as('one'))
      .whereRef('pt.name', '=', nameColumn as never)
      .where('pt.key', '=', promptTagKey)
      .where('pt.value', '=', 'true'),
  );
}

function modelCondition(eb: ModelsEb, dialect: Dialect, clause: FilterClause): Expression<SqlBool> {
  if (clause.entity === 'tag') {
    return eb.exists(
      eb
        .selectFrom('registered_model_tags as t')
        .select(sql`1`.as('one'))
        .whereRef('t.name', '=', 'rm.name')
        .where('t.key', '=', clause.key)
        .where((inner) => compareColumn(loose(inner), dialect, inner.ref('t.value'), clause.comparator, clause.value)),
    );
  }
  return compareColumn(loose(eb), dialect, eb.ref('rm.name'), clause.comparator, clause.value);
}

const modelOrderColumns = { name: 'rm.name', last_updated_timestamp: 'rm.last_updated_timestamp' } as const;

export async function searchRegisteredModelNames(
  db: Db,
  dialect: Dialect,
  search: { clauses: FilterClause[]; orderBy: OrderByClause[]; offset: number; limit: number },
): Promise<string[]> {
  let query = db.selectFrom('registered_models as rm').select('rm.name');
  for (const clause of search.clauses) query = query.where((eb) => modelCondition(eb, dialect, clause));
  if (!mentionsPromptTag(search.clauses)) query = query.where((eb) => eb.not(isPrompt(eb, 'rm.name')));
  for (const order of search.orderBy) {
    query = query.orderBy(modelOrderColumns[order.key as keyof typeof modelOrderColumns], order.ascending ? 'asc' : 'desc');
  }
  if (!search.orderBy.some((order) => order.key === 'name')) query = query.orderBy('rm.name', 'asc');
  const rows = await query.offset(search.offset).limit(search.limit).execute();
  return rows.map((row) => row.name);
}

const versionColumns = { name: 'mv.name', run_id: 'mv.run_id', source_path: 'mv.source', version_number: 'mv.version' } as const;

function versionCondition(eb: VersionsEb, dialect: Dialect, clause: FilterClause): Expression<SqlBool> {
  if (clause.entity === 'tag') {
    return eb.exists(
      eb
        .selectFrom('model_version_tags as t')
        .select(sql`1`.as('one'))
        .whereRef('t.name', '=', 'mv.name')
        .whereRef('t.version', '=', 'mv.version')
        .where('t.key', '=', clause.key)
        .where((inner) => compareColumn(loose(inner), dialect, inner.ref('t.value'), clause.comparator, clause.value)),
    );
  }
  const column = versionColumns[clause.key as keyof typeof versionColumns];
  return compareColumn(loose(eb), dialect, eb.ref(column), clause.comparator, clause.value);
}

const versionOrderColumns = {
  name: 'mv.name',
  version_number: 'mv.version',
  creation_timestamp: 'mv.creation_timestamp',
  last_updated_timestamp: 'mv.last_updated_timestamp',
} as const;

/** Matching live versions as (name, version) pairs, in order. */
export async function searchModelVersionKeys(
  db: Db,
  dialect: Dialect,
  search: { clauses: FilterClause[]; orderBy: OrderByClause[]; offset: number; limit: number },
) {
  let query = db.selectFrom('model_versions as mv').selectAll('mv').where('mv.deleted_time', 'is', null);
  for (const clause of search.clauses) query = query.where((eb) => versionCondition(eb, dialect, clause));
  if (!mentionsPromptTag(search.clauses)) query = query.where((eb) => eb.not(isPrompt(eb as unknown as ModelsEb, 'mv.name')));
  const orderBy = search.orderBy.length > 0 ? search.orderBy : [{ entity: 'attribute', key: 'last_updated_timestamp', ascending: false }];
  for (const order of orderBy) {
    query = query.orderBy(versionOrderColumns[order.key as keyof typeof versionOrderColumns], order.ascending ? 'asc' : 'desc');
  }
  if (!orderBy.some((order) => order.key === 'name')) query = query.orderBy('mv.name', 'asc');
  if (!orderBy.some((order) => order.key === 'version_number')) query = query.orderBy('mv.version', 'desc');
  return query.offset(search.offset).limit(search.limit).execute();
}
