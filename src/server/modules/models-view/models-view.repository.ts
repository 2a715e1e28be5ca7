import { type SqlBool, sql } from 'kysely';
import type { ModelSort } from '../../../shared/contract/models';
import type { Db } from '../../db/database';
import { inBatches } from '../../db/in-batches';
import { promptTagKey } from '../registry/registry-search.repository';

/**
 * SQL behind the dashboard's model pages. Every read is a key or index lookup for one page of
 * names, versions or runs; nothing loads a whole table.
 */

export interface ModelCursor {
  name: string;
  updated?: number;
}

/** `%`, `_` and `\` in what the user typed match literally. */
const likeEscape = (text: string) => text.replace(/[\\%_]/g, (char) => `\\${char}`);

export async function listModelRows(db: Db, options: { q?: string | undefined; tag?: string | undefined; sort: ModelSort; after: ModelCursor | null; limit: number }) {
  const descending = options.sort.startsWith('-');
  const byUpdated = options.sort.endsWith('updated');
  const op = descending ? '<' : '>';
  let query = db
    .selectFrom('registered_models as rm')
    .selectAll()
    .where((eb) => eb.not(eb.exists(eb.selectFrom('registered_model_tags as pt').select(sql`1`.as('one')).whereRef('pt.name', '=', 'rm.name').where('pt.key', '=', promptTagKey).where('pt.value', '=', 'true'))));
  if (options.q) query = query.where(sql<SqlBool>`lower(rm.name) like ${`%${likeEscape(options.q.toLowerCase())}%`} escape '\\'`);
  if (options.tag) {
    const [key = '', ...rest] = options.tag.split('=');
    const value = rest.length > 0 ? rest.join('=') : undefined;
    query = query.where((eb) =>
      eb.exists(
        eb
          .selectFrom('registered_model_tags as t')
          .select(sql`1`.as('one'))
          .whereRef('t.name', '=', 'rm.name')
          .where('t.key', '=', key.trim())
          .$if(value !== undefined, (inner) => inner.where('t.value', '=', (value ?? '').trim())),
      ),
    );
  }
  const after = options.after;
  if (after && byUpdated && after.updated !== undefined) {
    const updated = after.updated;
    query = query.where((eb) => eb.or([eb('rm.last_updated_timestamp', op, updated), eb.and([eb('rm.last_updated_timestamp', '=', updated), eb('rm.name', op, after.name)])]));
  } else if (after) {
    query = query.where('rm.name', op, after.name);
  }
  const direction = descending ? 'desc' : 'asc';
  if (byUpdated) query = query.orderBy('rm.last_updated_timestamp', direction);
  return query.orderBy('rm.name', direction).limit(options.limit + 1).execute();
}

/** Number of live versions and the newest live version of each model. */
export async function versionStats(db: Db, names: string[]) {
  return inBatches(names, (batch) =>
    db
      .selectFrom('model_versions')
      .select((eb) => ['name', eb.fn.countAll<number>().as('count'), eb.fn.max('version').as('latest')])
      .where('name', 'in', batch)
      .where('deleted_time', 'is', null)
      .groupBy('name')
      .execute(),
  );
}

export async function deploymentRowsOf(db: Db, names: string[]) {
  return inBatches(names, (batch) => db.selectFrom('deployments').selectAll().where('model_name', 'in', batch).orderBy('environment').execute());
}

export async function versionRowsPage(db: Db, name: string, before: number | null, limit: number) {
  return db
    .selectFrom('model_versions')
    .selectAll()
    .where('name', '=', name)
    .$if(before !== null, (query) => query.where('version', '<', before as number))
    .orderBy('version', 'desc')
    .limit(limit + 1)
    .execute();
}

/** A version's row, deleted or not (deleted versions keep their page, marked). */
export async function anyVersionRow(db: Db, name: string, version: number) {
  return db.selectFrom('model_versions').selectAll().where('name', '=', name).where('version', '=', version).executeTakeFirst();
}

export async function versionTags(db: Db, name: string, versions: number[]) {
  return inBatches(versions, (batch) => db.selectFrom('model_version_tags').selectAll().where('name', '=', name).where('version', 'in', batch).orderBy('key').execute());
}

export async function runRows(db: Db, runIds: string[]) {
  return inBatches(runIds, (batch) => db.selectFrom('runs').select(['run_uuid', 'run_name', 'experiment_id', 'lifecycle_stage', 'status', 'start_time', 'user_id']).where('run_uuid', 'in', batch).execute());
}

export async function latestMetricsOf(db: Db, runIds: string[]) {
  return inBatches(runIds, (batch) => db.selectFrom('latest_metrics').select(['run_uuid', 'key', 'value', 'is_nan']).where('run_uuid', 'in', batch).orderBy('key').execute());
}

export async function paramsOf(db: Db, runId: string) {
  return db.selectFrom('params').select(['key', 'value']).where('run_uuid', '=', runId).orderBy('key').limit(500).execute();
}

/** The datasets each run used, with the input's context tag (training, evaluation…). */
export async function datasetInputsOf(db: Db, runIds: string[]) {
  return inBatches(runIds, (batch) =>
    db
      .selectFrom('run_inputs as ri')
      .innerJoin('datasets as d', 'd.dataset_uuid', 'ri.dataset_uuid')
      .leftJoin('input_tags as it', (join) => join.onRef('it.input_uuid', '=', 'ri.input_uuid').on('it.key', '=', 'mlflow.data.context'))
      .select(['ri.run_uuid', 'd.name', 'd.digest', 'it.value as context'])
      .where('ri.run_uuid', 'in', batch)
      .orderBy('d.name')
      .execute(),
  );
}
