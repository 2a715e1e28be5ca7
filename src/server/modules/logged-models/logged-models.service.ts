import { randomBytes } from 'node:crypto';
import type { DatabaseHandle } from '../../db/database';
import { inTransaction } from '../../db/transaction';
import { invalidParameter, notFound } from '../../errors';
import { appendAudit, type AuditContext } from '../audit/audit.service';
import type { LoggedModel, LoggedModelStatus } from './logged-model-types';
import {
  deleteLoggedModelTagRow,
  findExperimentForModels,
  findLiveLoggedModelRow,
  getLoggedModel,
  insertLoggedModel,
  insertLoggedModelParams,
  loggedModelParams,
  loggedModelTags,
  runExists,
  updateLoggedModelRow,
  upsertLoggedModelTag,
} from './logged-models.repository';
import { validKeyValues } from './logged-model-validation';
import { randomModelName } from './random-name';

/** Logged models (MLflow 3): created PENDING, finalized READY or UPLOAD_FAILED, tagged, deleted. */

const entity = (modelId: string) => ({ entityType: 'logged-model', entityId: modelId });
export const loggedModelNotFound = (modelId: string) => notFound(`Logged model with ID '${modelId.slice(0, 100)}' not found.`);

export async function requireLoggedModel(database: DatabaseHandle, modelId: string, options: { allowDeleted?: boolean } = {}): Promise<LoggedModel> {
  const model = await getLoggedModel(database.db, modelId, options);
  if (!model) throw loggedModelNotFound(modelId);
  return model;
}

/** Experiment ids are integers here; anything else names no experiment. */
export function experimentNumber(experimentId: string): number | undefined {
  return /^\d{1,15}$/.test(experimentId) ? Number(experimentId) : undefined;
}

export interface CreateLoggedModelInput {
  experimentId: string;
  name?: string;
  modelType?: string;
  sourceRunId?: string;
  params: Array<{ key: string; value?: string }>;
  tags: Array<{ key: string; value?: string }>;
}

export async function createLoggedModel(database: DatabaseHandle, context: AuditContext, input: CreateLoggedModelInput): Promise<LoggedModel> {
  // eslint-disable-next-line no-control-regex
  if (input.name !== undefined && (input.name === '' || input.name.length > 500 || /[\u0000-\u001f\u007f/:%]/.test(input.name))) {
    throw invalidParameter(`Invalid model name ${JSON.stringify(input.name.slice(0, 100))}: it must be 1 to 500 characters without '/', ':', '%' or control characters.`);
  }
  const params = validKeyValues(input.params, 'param');
  const tags = validKeyValues(input.tags, 'tag');
  const modelId = `m-${randomBytes(16).toString('hex')}`;
  await inTransaction(database, async (tx) => {
    const id = experimentNumber(input.experimentId);
    const experiment = id === undefined ? undefined : await findExperimentForModels(tx, id);
    if (!experiment) throw notFound(`No Experiment with id=${input.experimentId.slice(0, 100)} exists`);
    if (experiment.lifecycle_stage !== 'active') {
      throw invalidParameter(`The experiment ${input.experimentId} must be in the 'active' state. Current state is ${experiment.lifecycle_stage}.`);
    }
    if (input.sourceRunId && !(await runExists(tx, input.sourceRunId))) throw notFound(`Run with id=${input.sourceRunId.slice(0, 100)} not found`);
    const now = Date.now();
    const row = {
      model_id: modelId,
      experiment_id: Number(experiment.experiment_id),
      name: input.name ?? randomModelName(),
      artifact_location: `${experiment.artifact_location.replace(/\/+$/, '')}/models/${modelId}/artifacts`,
      creation_timestamp_ms: now,
      last_updated_timestamp_ms: now,
      status: 'LOGGED_MODEL_PENDING',
      status_message: null,
      lifecycle_stage: 'active',
      model_type: input.modelType ?? null,
      source_run_id: input.sourceRunId || null,
      creator_id: context.actor.id === null ? null : String(context.actor.id),
    };
    await insertLoggedModel(tx, row, params, tags);
    await appendAudit(tx, context, {
      action: 'logged-model.create',
      ...entity(modelId),
      after: { experimentId: input.experimentId, name: row.name, sourceRunId: row.source_run_id, artifactLocation: row.artifact_location, params, tags },
    });
  });
  return requireLoggedModel(database, modelId);
}

/** Runs `change` on a live logged model inside a transaction (404 if there is none). */
async function changeLoggedModel(database: DatabaseHandle, modelId: string, change: (tx: DatabaseHandle['db']) => Promise<void>) {
  await inTransaction(database, async (tx) => {
    if (!(await findLiveLoggedModelRow(tx, modelId))) throw loggedModelNotFound(modelId);
    await change(tx);
  });
}

export async function finalizeLoggedModel(database: DatabaseHandle, context: AuditContext, modelId: string, status: LoggedModelStatus): Promise<LoggedModel> {
  await changeLoggedModel(database, modelId, async (tx) => {
    const before = (await findLiveLoggedModelRow(tx, modelId))?.status;
    await updateLoggedModelRow(tx, modelId, { status, last_updated_timestamp_ms: Date.now() });
    await appendAudit(tx, context, { action: 'logged-model.finalize', ...entity(modelId), before: { status: before }, after: { status } });
  });
  return requireLoggedModel(database, modelId);
}

export async function deleteLoggedModel(database: DatabaseHandle, context: AuditContext, modelId: string): Promise<void> {
  await changeLoggedModel(database, modelId, async (tx) => {
    await updateLoggedModelRow(tx, modelId, { lifecycle_stage: 'deleted', last_updated_timestamp_ms: Date.now() });
    await appendAudit(tx, context, { action: 'logged-model.delete', ...entity(modelId), before: { lifecycleStage: 'active' }, after: { lifecycleStage: 'deleted' } });
  });
}

export async function setLoggedModelTags(database: DatabaseHandle, context: AuditContext, modelId: string, input: Array<{ key: string; value?: string }>) {
  const tags = validKeyValues(input, 'tag');
  await changeLoggedModel(database, modelId, async (tx) => {
    const existing = await loggedModelTags(tx, modelId);
    for (const tag of tags) await upsertLoggedModelTag(tx, modelId, tag.key, tag.value);
    await updateLoggedModelRow(tx, modelId, { last_updated_timestamp_ms: Date.now() });
    const before = tags.filter((tag) => existing.has(tag.key)).map((tag) => ({ key: tag.key, value: existing.get(tag.key) }));
    await appendAudit(tx, context, { action: 'logged-model.set-tags', ...entity(modelId), before, after: tags });
  });
}

/** Unlike registry tags, MLflow answers 404 for a logged-model tag that is not there. */
export async function deleteLoggedModelTag(database: DatabaseHandle, context: AuditContext, modelId: string, key: string) {
  await changeLoggedModel(database, modelId, async (tx) => {
    const existing = (await loggedModelTags(tx, modelId)).get(key);
    if (existing === undefined) throw notFound(`No tag with key '${key.slice(0, 250)}' found for model with ID '${modelId}'.`);
    await deleteLoggedModelTagRow(tx, modelId, key);
    await appendAudit(tx, context, { action: 'logged-model.delete-tag', ...entity(modelId), before: { key, value: existing }, after: null });
  });
}

/** Params are write-once: the same value again is fine, a different one is refused (as for runs). */
export async function logLoggedModelParams(database: DatabaseHandle, context: AuditContext, modelId: string, input: Array<{ key: string; value?: string }>) {
  const params = validKeyValues(input, 'param');
  await changeLoggedModel(database, modelId, async (tx) => {
    const existing = await loggedModelParams(tx, modelId);
    for (const param of params) {
      const current = existing.get(param.key);
      if (current !== undefined && current !== param.value) {
        throw invalidParameter(`Changing param values is not allowed. Param with key='${param.key}' was already logged with value='${current}' for model '${modelId}'. Attempted logging new value '${param.value}'.`);
      }
    }
    const fresh = params.filter((param) => !existing.has(param.key));
    if (fresh.length === 0) return;
    await insertLoggedModelParams(tx, modelId, fresh);
    await appendAudit(tx, context, { action: 'logged-model.log-params', ...entity(modelId), after: fresh });
  });
}
