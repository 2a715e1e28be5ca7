import type { VersionFacts } from '../../../shared/contract/promotions';
import type { Db } from '../../db/database';

interface MlmodelJson {
  /** The registry keeps the signature parsed (colspec arrays); older rows may hold MLflow's JSON strings. */
  signature?: { inputs?: unknown; outputs?: unknown } | null;
}

/** The contract carries signatures as MLflow writes them: JSON strings. */
function asJsonString(value: unknown): string | null {
  if (value === null || value === undefined) return null;
  return typeof value === 'string' ? value : JSON.stringify(value);
}

/** A version as gates and the request diff see it: source-run metrics and params, tags, signature, datasets. */
export async function loadVersionFacts(db: Db, modelName: string, version: number): Promise<VersionFacts | null> {
  const row = await db
    .selectFrom('model_versions')
    .select(['version', 'run_id', 'source', 'mlmodel_json'])
    .where('name', '=', modelName)
    .where('version', '=', version)
    .executeTakeFirst();
  if (!row) return null;
  const tags = await db.selectFrom('model_version_tags').select(['key', 'value']).where('name', '=', modelName).where('version', '=', version).execute();
  const runId = row.run_id;
  const [metrics, params, datasets] = runId
    ? await Promise.all([
        db.selectFrom('latest_metrics').select(['key', 'value', 'is_nan']).where('run_uuid', '=', runId).execute(),
        db.selectFrom('params').select(['key', 'value']).where('run_uuid', '=', runId).execute(),
        db
          .selectFrom('run_inputs as i')
          .innerJoin('datasets as d', 'd.dataset_uuid', 'i.dataset_uuid')
          .leftJoin('input_tags as t', (join) => join.onRef('t.input_uuid', '=', 'i.input_uuid').on('t.key', '=', 'mlflow.data.context'))
          .select(['d.name', 'd.digest', 't.value as context'])
          .where('i.run_uuid', '=', runId)
          .execute(),
      ])
    : [[], [], []];
  const mlmodel = parseMlmodel(row.mlmodel_json);
  const signature = mlmodel?.signature && (mlmodel.signature.inputs || mlmodel.signature.outputs)
    ? { inputs: asJsonString(mlmodel.signature.inputs), outputs: asJsonString(mlmodel.signature.outputs) }
    : null;
  return {
    version: row.version,
    runId,
    source: row.source,
    metrics: Object.fromEntries(metrics.filter((m) => m.is_nan !== 1).map((m) => [m.key, m.value])),
    params: Object.fromEntries(params.map((p) => [p.key, p.value])),
    tags: Object.fromEntries(tags.map((t) => [t.key, t.value])),
    signature,
    datasets: datasets.map((d) => ({ name: d.name, digest: d.digest, context: d.context ?? null })),
  };
}

function parseMlmodel(json: string | null): MlmodelJson | null {
  if (!json) return null;
  try {
    return JSON.parse(json) as MlmodelJson;
  } catch {
    return null;
  }
}

/** Registered models and their newest versions, for the Promote dialog's picker. */
export async function listCandidateVersions(db: Db, model: string | undefined) {
  let models = db.selectFrom('registered_models').select('name').orderBy('name').limit(200);
  if (model) models = models.where('name', '=', model);
  const names = (await models.execute()).map((m) => m.name);
  if (names.length === 0) return [];
  const versions = await db
    .selectFrom('model_versions')
    .select(['name', 'version', 'creation_timestamp', 'run_id'])
    .where('name', 'in', names)
    .where('deleted_time', 'is', null)
    .orderBy('name')
    .orderBy('version', 'desc')
    .execute();
  return names.map((name) => ({
    name,
    versions: versions
      .filter((v) => v.name === name)
      .slice(0, 50)
      .map((v) => ({ version: v.version, createdAt: new Date(v.creation_timestamp).toISOString(), runId: v.run_id })),
  }));
}
