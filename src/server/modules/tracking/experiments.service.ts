import type { DatabaseHandle } from '../../db/database';
import { inTransaction } from '../../db/transaction';
import { alreadyExists, invalidParameter, notFound } from '../../errors';
import { artifactPathFromUri, artifactUriFor, isArtifactUri } from '../artifacts/artifact-uri';
import { appendAudit, type AuditContext } from '../audit/audit.service';
import {
  deleteExperimentRuns,
  deleteExperimentTagRow,
  type ExperimentRow,
  findExperimentByName,
  findExperimentRow,
  findExperimentTag,
  insertExperimentRow,
  restoreExperimentRuns,
  updateExperimentRow,
  upsertExperimentTag,
} from './experiments.repository';
import { type ExperimentJson, loadExperiments } from './tracking-json';
import { validateExperimentName, validateExperimentTag, validateKey } from './tracking-validation';

/** Experiments: create, rename, tag, delete and restore, each audited in its transaction. */

export const defaultExperimentId = 0;
const entity = (id: number | string) => ({ entityType: 'experiment', entityId: String(id) });
const experimentNotFound = (id: string) => notFound(`No Experiment with id=${id.slice(0, 100)} exists`);

/** Experiment ids are integers here; any other well-formed id names no experiment (404). */
export function experimentNumber(experimentId: string): number {
  if (!/^[a-zA-Z0-9][\w-]{0,63}$/.test(experimentId)) throw invalidParameter(`Invalid experiment ID: '${experimentId.slice(0, 100)}'`);
  if (!/^\d{1,15}$/.test(experimentId)) throw experimentNotFound(experimentId);
  return Number(experimentId);
}

export async function requireExperimentRow(db: DatabaseHandle['db'], experimentId: string): Promise<ExperimentRow> {
  const row = await findExperimentRow(db, experimentNumber(experimentId));
  if (!row) throw experimentNotFound(experimentId);
  return row;
}

function requireActive(row: ExperimentRow, doing: string) {
  if (row.lifecycle_stage !== 'active') {
    throw invalidParameter(`Cannot ${doing} experiment ${row.experiment_id}: it must be in the 'active' state. Current state is ${row.lifecycle_stage}.`);
  }
}

export async function getExperiment(database: DatabaseHandle, experimentId: string): Promise<ExperimentJson> {
  const row = await requireExperimentRow(database.db, experimentId);
  return (await loadExperiments(database.db, [Number(row.experiment_id)]))[0] as ExperimentJson;
}

export async function getExperimentByName(database: DatabaseHandle, name: string): Promise<ExperimentJson> {
  const row = await findExperimentByName(database.db, name);
  if (!row) throw notFound(`Could not find experiment with name '${name.slice(0, 500)}'`);
  return (await loadExperiments(database.db, [Number(row.experiment_id)]))[0] as ExperimentJson;
}

/**
 * Only locations in this server's artifact store are accepted (canonicalised first): an
 * experiment pointing at `file:` or another host would let runs read or write outside the store.
 */
function validArtifactLocation(location: string | undefined): string | undefined {
  if (location === undefined || location === '') return undefined;
  if (!isArtifactUri(location)) {
    throw invalidParameter(`Invalid artifact_location ${JSON.stringify(location.slice(0, 200))}: this server stores artifacts itself; omit it or use an mlflow-artifacts:/<path> URI.`);
  }
  return artifactUriFor(artifactPathFromUri(location));
}

export async function createExperiment(
  database: DatabaseHandle,
  context: AuditContext,
  input: { name: string; artifactLocation?: string; tags: Array<{ key: string; value?: string }> },
): Promise<string> {
  const name = validateExperimentName(input.name);
  const location = validArtifactLocation(input.artifactLocation);
  const tags = [...new Map(input.tags.map((tag) => validateExperimentTag(tag)).map((tag) => [tag.key, tag] as const)).values()];
  return inTransaction(database, async (tx) => {
    if (await findExperimentByName(tx, name)) throw alreadyExists(`Experiment(name=${name}) already exists.`);
    const row = await insertExperimentRow(tx, { name, artifactLocation: location ?? ((id) => `mlflow-artifacts:/${id}`), now: Date.now() }, tags);
    await appendAudit(tx, context, { action: 'experiment.create', ...entity(row.experiment_id), after: { name, artifactLocation: row.artifact_location, tags } });
    return String(row.experiment_id);
  });
}

export async function renameExperiment(database: DatabaseHandle, context: AuditContext, experimentId: string, newName: string | undefined) {
  if (newName === undefined) throw invalidParameter("Missing value for required parameter 'new_name'.");
  const name = validateExperimentName(newName, 'new_name');
  await inTransaction(database, async (tx) => {
    const row = await requireExperimentRow(tx, experimentId);
    requireActive(row, 'rename');
    if (row.name === name) return;
    if (await findExperimentByName(tx, name)) throw alreadyExists(`Experiment(name=${name}) already exists.`);
    await updateExperimentRow(tx, Number(row.experiment_id), { name, last_update_time: Date.now() });
    await appendAudit(tx, context, { action: 'experiment.rename', ...entity(row.experiment_id), before: { name: row.name }, after: { name } });
  });
}

/** Soft delete: the experiment keeps its name; its active runs are deleted with it. */
export async function deleteExperiment(database: DatabaseHandle, context: AuditContext, experimentId: string) {
  await inTransaction(database, async (tx) => {
    const row = await requireExperimentRow(tx, experimentId);
    if (Number(row.experiment_id) === defaultExperimentId) throw invalidParameter('Cannot delete the default experiment 0; MLflow clients fall back to it.');
    if (row.lifecycle_stage === 'deleted') return;
    const now = Date.now();
    await updateExperimentRow(tx, Number(row.experiment_id), { lifecycle_stage: 'deleted', last_update_time: now });
    await deleteExperimentRuns(tx, Number(row.experiment_id), now);
    await appendAudit(tx, context, { action: 'experiment.delete', ...entity(row.experiment_id), before: { lifecycleStage: 'active' }, after: { lifecycleStage: 'deleted' } });
  });
}

export async function restoreExperiment(database: DatabaseHandle, context: AuditContext, experimentId: string) {
  await inTransaction(database, async (tx) => {
    const row = await requireExperimentRow(tx, experimentId);
    if (row.lifecycle_stage === 'active') return;
    await updateExperimentRow(tx, Number(row.experiment_id), { lifecycle_stage: 'active', last_update_time: Date.now() });
    await restoreExperimentRuns(tx, Number(row.experiment_id), row.last_update_time);
    await appendAudit(tx, context, { action: 'experiment.restore', ...entity(row.experiment_id), before: { lifecycleStage: 'deleted' }, after: { lifecycleStage: 'active' } });
  });
}

export async function setExperimentTag(database: DatabaseHandle, context: AuditContext, experimentId: string, input: { key: string; value?: string }) {
  const tag = validateExperimentTag(input);
  await inTransaction(database, async (tx) => {
    const row = await requireExperimentRow(tx, experimentId);
    requireActive(row, 'set a tag on');
    const before = await findExperimentTag(tx, Number(row.experiment_id), tag.key);
    await upsertExperimentTag(tx, Number(row.experiment_id), tag);
    await appendAudit(tx, context, { action: 'experiment.set-tag', ...entity(row.experiment_id), before: before === undefined ? null : { key: tag.key, value: before }, after: tag });
  });
}

export async function deleteExperimentTag(database: DatabaseHandle, context: AuditContext, experimentId: string, key: string) {
  validateKey(key, 'tag');
  await inTransaction(database, async (tx) => {
    const row = await requireExperimentRow(tx, experimentId);
    requireActive(row, 'delete a tag of');
    const before = await findExperimentTag(tx, Number(row.experiment_id), key);
    if (before === undefined) throw notFound(`No tag with name: ${key} in experiment with id ${row.experiment_id}`);
    await deleteExperimentTagRow(tx, Number(row.experiment_id), key);
    await appendAudit(tx, context, { action: 'experiment.delete-tag', ...entity(row.experiment_id), before: { key, value: before }, after: null });
  });
}
