import { randomBytes } from 'node:crypto';
import type { DatabaseHandle, Db } from '../../db/database';
import { inTransaction } from '../../db/transaction';
import { invalidParameter, notFound } from '../../errors';
import { appendAudit, type AuditContext } from '../audit/audit.service';
import { randomModelName } from '../logged-models/random-name';
import { requireExperimentRow } from './experiments.service';
import {
  deleteRunTagRow,
  findRunRow,
  insertRunRow,
  type RunRow,
  runTagValues,
  updateRunRow,
  upsertRunTags,
} from './runs.repository';
import { loadRuns, type RunInfoJson, runInfoJson, type RunJson } from './tracking-json';
import { validateKey, validateRunId, validateRunTag } from './tracking-validation';

/** Runs: create, update, delete, restore and tag, each audited in its transaction. */

export const runNameTag = 'mlflow.runName';
export const runStatuses = ['RUNNING', 'SCHEDULED', 'FINISHED', 'FAILED', 'KILLED'] as const;
export const runEntity = (runId: string) => ({ entityType: 'run', entityId: runId });
const runNotFound = (runId: string) => notFound(`Run with id=${runId.slice(0, 256)} not found`);

export async function requireRunRow(db: Db, runId: string): Promise<RunRow> {
  const row = await findRunRow(db, validateRunId(runId));
  if (!row) throw runNotFound(runId);
  return row;
}

/** Logging to a deleted run is refused, as MLflow does (INVALID_PARAMETER_VALUE). */
export async function requireActiveRun(db: Db, runId: string): Promise<RunRow> {
  const row = await requireRunRow(db, runId);
  if (row.lifecycle_stage !== 'active') {
    throw invalidParameter(`The run ${runId} must be in the 'active' state. Current state is ${row.lifecycle_stage}.`);
  }
  return row;
}

export async function getRun(database: DatabaseHandle, runId: string): Promise<RunJson> {
  await requireRunRow(database.db, runId);
  return (await loadRuns(database.db, [runId]))[0] as RunJson;
}

function validStatus(status: string): string {
  const upper = status.toUpperCase();
  if (!(runStatuses as readonly string[]).includes(upper)) throw invalidParameter(`Invalid run status ${JSON.stringify(status.slice(0, 50))}: use one of ${runStatuses.join(', ')}.`);
  return upper;
}

function validTime(value: number | undefined, field: string): number | undefined {
  if (value !== undefined && value < 0) throw invalidParameter(`Parameter '${field}' must be a non-negative timestamp in milliseconds, got ${value}.`);
  return value;
}

export interface CreateRunInput {
  experimentId?: string;
  userId?: string;
  runName?: string;
  startTime?: number;
  tags: Array<{ key: string; value?: string }>;
}

export async function createRun(database: DatabaseHandle, context: AuditContext, input: CreateRunInput): Promise<RunJson> {
  const tags = new Map(input.tags.map((tag) => validateRunTag(tag)).map((tag) => [tag.key, tag.value] as const));
  const tagged = tags.get(runNameTag);
  if (input.runName && tagged !== undefined && tagged !== input.runName) {
    throw invalidParameter(`Both 'run_name' argument and 'mlflow.runName' tag are specified, but with different values (run_name='${input.runName}', mlflow.runName='${tagged}').`);
  }
  const runName = input.runName || tagged || randomModelName();
  tags.set(runNameTag, runName);
  const startTime = validTime(input.startTime, 'start_time') ?? Date.now();
  const runId = randomBytes(16).toString('hex');
  await inTransaction(database, async (tx) => {
    const experiment = await requireExperimentRow(tx, input.experimentId || '0');
    if (experiment.lifecycle_stage !== 'active') {
      throw invalidParameter(`The experiment ${experiment.experiment_id} must be in the 'active' state. Current state is ${experiment.lifecycle_stage}.`);
    }
    const row: RunRow = {
      run_uuid: runId,
      experiment_id: Number(experiment.experiment_id),
      run_name: runName,
      user_id: input.userId || tags.get('mlflow.user') || context.actor.name,
      status: 'RUNNING',
      start_time: startTime,
      end_time: null,
      lifecycle_stage: 'active',
      artifact_uri: `${experiment.artifact_location.replace(/\/+$/, '')}/${runId}/artifacts`,
      deleted_time: null,
    };
    const tagList = [...tags].map(([key, value]) => ({ key, value }));
    await insertRunRow(tx, row, tagList);
    await appendAudit(tx, context, {
      action: 'run.create',
      ...runEntity(runId),
      after: { experimentId: String(row.experiment_id), runName, userId: row.user_id, startTime, artifactUri: row.artifact_uri, tags: tagList },
    });
  });
  return getRun(database, runId);
}

export async function updateRun(
  database: DatabaseHandle,
  context: AuditContext,
  runId: string,
  input: { status?: string; endTime?: number; runName?: string },
): Promise<RunInfoJson> {
  const status = input.status === undefined || input.status === '' ? undefined : validStatus(input.status);
  const endTime = validTime(input.endTime, 'end_time');
  const runName = input.runName === undefined || input.runName === '' ? undefined : validateRunTag({ key: runNameTag, value: input.runName }).value;
  await inTransaction(database, async (tx) => {
    const row = await requireActiveRun(tx, runId);
    const patch = { status: status ?? row.status, end_time: endTime ?? row.end_time, run_name: runName ?? row.run_name };
    await updateRunRow(tx, runId, patch);
    if (runName !== undefined) await upsertRunTags(tx, runId, [{ key: runNameTag, value: runName }]);
    await appendAudit(tx, context, {
      action: 'run.update',
      ...runEntity(runId),
      before: { status: row.status, endTime: row.end_time, runName: row.run_name },
      after: { status: patch.status, endTime: patch.end_time, runName: patch.run_name },
    });
  });
  return runInfoJson(await requireRunRow(database.db, runId));
}

/** Soft delete (restore brings it back); deleting a deleted run changes nothing. */
export async function setRunLifecycle(database: DatabaseHandle, context: AuditContext, runId: string, stage: 'active' | 'deleted') {
  await inTransaction(database, async (tx) => {
    const row = await requireRunRow(tx, runId);
    if (row.lifecycle_stage === stage) return;
    await updateRunRow(tx, runId, { lifecycle_stage: stage, deleted_time: stage === 'deleted' ? Date.now() : null });
    await appendAudit(tx, context, {
      action: stage === 'deleted' ? 'run.delete' : 'run.restore',
      ...runEntity(runId),
      before: { lifecycleStage: row.lifecycle_stage },
      after: { lifecycleStage: stage },
    });
  });
}

/** Setting `mlflow.runName` renames the run, as in MLflow. */
export async function setRunTag(database: DatabaseHandle, context: AuditContext, runId: string, input: { key: string; value?: string }) {
  const tag = validateRunTag(input);
  await inTransaction(database, async (tx) => {
    await requireActiveRun(tx, runId);
    const before = (await runTagValues(tx, runId, [tag.key])).get(tag.key);
    await upsertRunTags(tx, runId, [tag]);
    if (tag.key === runNameTag) await updateRunRow(tx, runId, { run_name: tag.value });
    await appendAudit(tx, context, { action: 'run.set-tag', ...runEntity(runId), before: before === undefined ? null : { key: tag.key, value: before }, after: tag });
  });
}

/** Unlike registry tags, deleting a run tag that is not there is RESOURCE_DOES_NOT_EXIST. */
export async function deleteRunTag(database: DatabaseHandle, context: AuditContext, runId: string, key: string) {
  validateKey(key, 'tag');
  await inTransaction(database, async (tx) => {
    await requireActiveRun(tx, runId);
    const before = (await runTagValues(tx, runId, [key])).get(key);
    if (before === undefined) throw notFound(`No tag with name: ${key} in run with id ${runId}`);
    await deleteRunTagRow(tx, runId, key);
    await appendAudit(tx, context, { action: 'run.delete-tag', ...runEntity(runId), before: { key, value: before }, after: null });
  });
}
