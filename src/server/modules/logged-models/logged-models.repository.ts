import type { Db } from '../../db/database';
import type { LoggedModelsTable } from '../tracking/tracking.tables';

/** SQL for logged models (MLflow 3), their tags and params. */

export const modelVersionsTagKey = 'mlflow.modelVersions';

/** A logged model that is not deleted. */
export async function findLiveLoggedModelRow(db: Db, modelId: string): Promise<LoggedModelsTable | undefined> {
  return db.selectFrom('logged_models').selectAll().where('model_id', '=', modelId).where('lifecycle_stage', '=', 'active').executeTakeFirst();
}

/**
 * Records a registration on the logged model's `mlflow.modelVersions` tag (a JSON list of
 * {name, version}), as MLflow's server does when a version is created from a logged model.
 */
export async function appendModelVersionTag(tx: Db, modelId: string, name: string, version: number): Promise<void> {
  const existing = await tx.selectFrom('logged_model_tags').select('value').where('model_id', '=', modelId).where('key', '=', modelVersionsTagKey).executeTakeFirst();
  let versions: unknown[] = [];
  try {
    const parsed: unknown = existing ? JSON.parse(existing.value) : [];
    if (Array.isArray(parsed)) versions = parsed;
  } catch {
    // A client wrote something else there; start a fresh list.
  }
  const value = JSON.stringify([...versions, { name, version }]);
  await tx
    .insertInto('logged_model_tags')
    .values({ model_id: modelId, key: modelVersionsTagKey, value })
    .onConflict((conflict) => conflict.columns(['model_id', 'key']).doUpdateSet({ value }))
    .execute();
}
