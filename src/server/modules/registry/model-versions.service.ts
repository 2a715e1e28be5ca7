import { text } from 'node:stream/consumers';
import type { DatabaseHandle } from '../../db/database';
import { inTransaction } from '../../db/transaction';
import { forbidden, invalidParameter } from '../../errors';
import { joinArtifactPath } from '../artifacts/artifact-path';
import type { ArtifactStore } from '../artifacts/artifact-store';
import { appendAudit, type AuditContext } from '../audit/audit.service';
import { appendModelVersionTag } from '../logged-models/logged-models.repository';
import { maxMlmodelBytes, parseMlmodel } from './mlmodel';
import { aliasesOfVersion, deleteAliasRow } from './model-aliases.repository';
import { protectedAliasOwners } from '../deployments/environments.repository';
import { resolveModelSource } from './model-source.service';
import {
  deleteModelVersionTagRow,
  deploymentsServingVersion,
  findModelVersionRow,
  findModelVersionTag,
  getModelVersion,
  insertModelVersion,
  latestVersionPerStage,
  nextVersionNumber,
  updateModelVersionRow,
  upsertModelVersionTag,
  versionsInStage,
} from './model-versions.repository';
import { findRegisteredModelRow, updateRegisteredModelRow } from './registered-models.repository';
import { validTags } from './registered-models.service';
import { modelVersionNotFound, registeredModelNotFound } from './registry-errors';
import { type MlmodelSummary, type ModelVersion, type Stage, stages } from './registry-types';
import { canonicalStage, validateTagKey, validateTagValue } from './registry-validation';

export interface RegistryDeps {
  database: DatabaseHandle;
  store: ArtifactStore;
}

const entity = (name: string, version: number) => ({ entityType: 'model-version', entityId: `${name}/${version}` });

export async function requireModelVersion(database: DatabaseHandle, name: string, version: number): Promise<ModelVersion> {
  const found = await getModelVersion(database.db, name, version);
  if (!found) throw modelVersionNotFound(name, version);
  return found;
}

/** The MLmodel at a model directory's root, when it is there and of sane size. */
async function readMlmodel(store: ArtifactStore, directory: string): Promise<MlmodelSummary | null> {
  const path = joinArtifactPath(directory, 'MLmodel');
  const info = await store.stat(path);
  if (!info || info.isDir || info.size > maxMlmodelBytes) return null;
  return parseMlmodel(await text((await store.read(path)).stream));
}

export interface CreateModelVersionInput {
  name: string;
  source: string;
  runId?: string;
  runLink?: string;
  description?: string;
  modelId?: string;
  tags: Array<{ key: string; value?: string }>;
}

/** Registers a version: source checked and resolved, MLmodel read, READY at once (as MLflow's SQL store). */
export async function createModelVersion(deps: RegistryDeps, context: AuditContext, input: CreateModelVersionInput): Promise<ModelVersion> {
  const { database } = deps;
  if (!(await findRegisteredModelRow(database.db, input.name))) throw registeredModelNotFound(input.name);
  const tags = validTags(input.tags);
  const resolved = await resolveModelSource(database.db, input.source, { runId: input.runId, modelId: input.modelId });
  const mlmodel = await readMlmodel(deps.store, resolved.storagePath);
  const now = Date.now();
  const version = await inTransaction(database, async (tx) => {
    // Touching the model row first serialises concurrent registrations of the same model.
    await updateRegisteredModelRow(tx, input.name, { last_updated_timestamp: now });
    if (!(await findRegisteredModelRow(tx, input.name))) throw registeredModelNotFound(input.name);
    const next = await nextVersionNumber(tx, input.name);
    await insertModelVersion(
      tx,
      {
        name: input.name,
        version: next,
        creation_timestamp: now,
        last_updated_timestamp: now,
        description: input.description ?? null,
        user_id: context.actor.name,
        current_stage: 'None',
        source: input.source,
        storage_location: resolved.storageLocation,
        run_id: resolved.runId,
        run_link: input.runLink ?? null,
        model_id: resolved.modelId,
        status: 'READY',
        status_message: null,
        mlmodel_json: mlmodel ? JSON.stringify(mlmodel) : null,
        deleted_time: null,
      },
      tags,
    );
    if (resolved.modelId) await appendModelVersionTag(tx, resolved.modelId, input.name, next);
    await appendAudit(tx, context, {
      action: 'model-version.create',
      ...entity(input.name, next),
      after: { source: input.source, storageLocation: resolved.storageLocation, runId: resolved.runId, modelId: resolved.modelId, description: input.description ?? null, tags },
    });
    return next;
  });
  return requireModelVersion(database, input.name, version);
}

export async function updateModelVersion(database: DatabaseHandle, context: AuditContext, name: string, version: number, description: string | undefined) {
  await inTransaction(database, async (tx) => {
    const row = await findModelVersionRow(tx, name, version);
    if (!row) throw modelVersionNotFound(name, version);
    const next = description ?? row.description;
    await updateModelVersionRow(tx, name, version, { description: next, last_updated_timestamp: Date.now() });
    await appendAudit(tx, context, { action: 'model-version.update', ...entity(name, version), before: { description: row.description }, after: { description: next } });
  });
  return requireModelVersion(database, name, version);
}

/**
 * Soft-deletes a version (its number is never reused) and removes its aliases. Refused while an
 * environment serves it or owns one of its aliases: that goes through a promotion or rollback.
 */
export async function deleteModelVersion(database: DatabaseHandle, context: AuditContext, name: string, version: number): Promise<void> {
  await inTransaction(database, async (tx) => {
    if (!(await findModelVersionRow(tx, name, version))) throw modelVersionNotFound(name, version);
    const aliases = await aliasesOfVersion(tx, name, version);
    const owners = await protectedAliasOwners(tx);
    const owned = aliases.find((alias) => owners.has(alias.toLowerCase()));
    if (owned) {
      throw forbidden(`Version ${version} of '${name}' holds the alias '${owned}' owned by the ${owners.get(owned.toLowerCase())} environment; request a promotion in Sextant to move it first`);
    }
    const serving = await deploymentsServingVersion(tx, name, version);
    if (serving.length > 0) throw forbidden(`Version ${version} of '${name}' is serving in ${serving.map((d) => d.environment).join(', ')}; roll it back in Sextant first`);
    const now = Date.now();
    for (const alias of aliases) {
      await deleteAliasRow(tx, name, alias);
      await appendAudit(tx, context, { action: 'model-alias.delete', entityType: 'model-alias', entityId: `${name}@${alias}`, before: { version }, after: null });
    }
    await updateModelVersionRow(tx, name, version, { deleted_time: now, last_updated_timestamp: now });
    await updateRegisteredModelRow(tx, name, { last_updated_timestamp: now });
    await appendAudit(tx, context, { action: 'model-version.delete', ...entity(name, version), before: { aliases } });
  });
}

export async function setModelVersionTag(database: DatabaseHandle, context: AuditContext, name: string, version: number, tag: { key: string; value?: string }) {
  validateTagKey(tag.key);
  if (tag.value === undefined) throw invalidParameter("Missing value for required parameter 'value'.");
  const valid = { key: tag.key, value: validateTagValue(tag.value) };
  await inTransaction(database, async (tx) => {
    if (!(await findModelVersionRow(tx, name, version))) throw modelVersionNotFound(name, version);
    const before = await findModelVersionTag(tx, name, version, valid.key);
    await upsertModelVersionTag(tx, name, version, valid);
    await appendAudit(tx, context, { action: 'model-version.set-tag', ...entity(name, version), before: before === undefined ? null : { key: valid.key, value: before }, after: valid });
  });
}

export async function deleteModelVersionTag(database: DatabaseHandle, context: AuditContext, name: string, version: number, key: string) {
  validateTagKey(key);
  await inTransaction(database, async (tx) => {
    if (!(await findModelVersionRow(tx, name, version))) throw modelVersionNotFound(name, version);
    const before = await findModelVersionTag(tx, name, version, key);
    if (before === undefined) return;
    await deleteModelVersionTagRow(tx, name, version, key);
    await appendAudit(tx, context, { action: 'model-version.delete-tag', ...entity(name, version), before: { key, value: before }, after: null });
  });
}

/** Deprecated stages, still served: optionally archives the other versions in the target stage. */
export async function transitionModelVersionStage(
  database: DatabaseHandle,
  context: AuditContext,
  name: string,
  version: number,
  stageText: string,
  archiveExisting: boolean,
): Promise<ModelVersion> {
  const stage = canonicalStage(stageText);
  if (archiveExisting && stage !== 'Staging' && stage !== 'Production') {
    throw invalidParameter(`Model version transition cannot archive existing model versions because '${stage}' is not an Active stage. Valid stages are Staging and Production.`);
  }
  await inTransaction(database, async (tx) => {
    const row = await findModelVersionRow(tx, name, version);
    if (!row) throw modelVersionNotFound(name, version);
    const now = Date.now();
    const move = async (target: number, from: string, to: Stage) => {
      await updateModelVersionRow(tx, name, target, { current_stage: to, last_updated_timestamp: now });
      await appendAudit(tx, context, { action: 'model-version.transition-stage', ...entity(name, target), before: { stage: from }, after: { stage: to } });
    };
    if (archiveExisting) for (const other of await versionsInStage(tx, name, stage, version)) await move(other, stage, 'Archived');
    await move(version, row.current_stage, stage);
    await updateRegisteredModelRow(tx, name, { last_updated_timestamp: now });
  });
  return requireModelVersion(database, name, version);
}

/** Deprecated: the newest version in each requested stage (all stages when none are given). */
export async function getLatestVersions(database: DatabaseHandle, name: string, stageNames: string[]): Promise<ModelVersion[]> {
  const wanted = stageNames.length > 0 ? stageNames.map(canonicalStage) : [...stages];
  if (!(await findRegisteredModelRow(database.db, name))) throw registeredModelNotFound(name);
  const latest = await latestVersionPerStage(database.db, [name]);
  return wanted.flatMap((stage) => latest.filter((version) => version.currentStage === stage));
}
