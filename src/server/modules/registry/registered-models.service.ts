import type { DatabaseHandle } from '../../db/database';
import { inTransaction } from '../../db/transaction';
import { forbidden } from '../../errors';
import { appendAudit, type AuditContext } from '../audit/audit.service';
import { aliasesOfModel } from './model-aliases.repository';
import { protectedAliasOwners } from '../deployments/environments.repository';
import { liveVersionNumbers } from './model-versions.repository';
import {
  deleteRegisteredModelRow,
  deleteRegisteredModelTagRow,
  deploymentsOfModel,
  findRegisteredModelRow,
  findRegisteredModelTag,
  getRegisteredModel,
  insertRegisteredModel,
  renameRegisteredModelRow,
  updateRegisteredModelRow,
  upsertRegisteredModelTag,
} from './registered-models.repository';
import { isUniqueViolation, registeredModelExists, registeredModelNotFound } from './registry-errors';
import type { KeyValue, RegisteredModel } from './registry-types';
import { validateModelName, validateTagKey, validateTagValue } from './registry-validation';

/** Registered models: create, rename, describe, tag and delete, each audited in its transaction. */

const entity = (name: string) => ({ entityType: 'registered-model', entityId: name });

export async function requireRegisteredModel(database: DatabaseHandle, name: string): Promise<RegisteredModel> {
  const model = await getRegisteredModel(database.db, name);
  if (!model) throw registeredModelNotFound(name);
  return model;
}

/** Validates tags given at creation; a repeated key keeps its last value, a missing value is ''. */
export function validTags(tags: Array<{ key: string; value?: string }>): KeyValue[] {
  const unique = new Map<string, string>();
  for (const tag of tags) unique.set(validateTagKey(tag.key), validateTagValue(tag.value ?? ''));
  return [...unique].map(([key, value]) => ({ key, value }));
}

export async function createRegisteredModel(
  database: DatabaseHandle,
  context: AuditContext,
  input: { name: string; tags: Array<{ key: string; value?: string }>; description?: string },
): Promise<RegisteredModel> {
  const name = validateModelName(input.name);
  const tags = validTags(input.tags);
  const now = Date.now();
  try {
    await inTransaction(database, async (tx) => {
      if (await findRegisteredModelRow(tx, name)) throw registeredModelExists(name);
      await insertRegisteredModel(tx, { name, creation_timestamp: now, last_updated_timestamp: now, description: input.description ?? null, user_id: context.actor.name }, tags);
      await appendAudit(tx, context, { action: 'registered-model.create', ...entity(name), after: { description: input.description ?? null, tags } });
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw registeredModelExists(name);
    throw error;
  }
  return requireRegisteredModel(database, name);
}

export async function renameRegisteredModel(database: DatabaseHandle, context: AuditContext, name: string, newName: string): Promise<RegisteredModel> {
  validateModelName(newName, 'new_name');
  if (newName === name) return requireRegisteredModel(database, name);
  try {
    await inTransaction(database, async (tx) => {
      if (!(await findRegisteredModelRow(tx, name))) throw registeredModelNotFound(name);
      if (await findRegisteredModelRow(tx, newName)) throw registeredModelExists(newName);
      await renameRegisteredModelRow(tx, name, newName, Date.now());
      await appendAudit(tx, context, { action: 'registered-model.rename', ...entity(name), before: { name }, after: { name: newName } });
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw registeredModelExists(newName);
    throw error;
  }
  return requireRegisteredModel(database, newName);
}

export async function updateRegisteredModel(database: DatabaseHandle, context: AuditContext, name: string, description: string | undefined) {
  await inTransaction(database, async (tx) => {
    const row = await findRegisteredModelRow(tx, name);
    if (!row) throw registeredModelNotFound(name);
    const next = description ?? row.description;
    await updateRegisteredModelRow(tx, name, { description: next, last_updated_timestamp: Date.now() });
    await appendAudit(tx, context, { action: 'registered-model.update', ...entity(name), before: { description: row.description }, after: { description: next } });
  });
  return requireRegisteredModel(database, name);
}

/**
 * Deletes a model with all its versions. Refused while a deployment environment serves it or it
 * holds an alias an environment owns: retiring those goes through promotions, not a registry call.
 */
export async function deleteRegisteredModel(database: DatabaseHandle, context: AuditContext, name: string): Promise<void> {
  await inTransaction(database, async (tx) => {
    if (!(await findRegisteredModelRow(tx, name))) throw registeredModelNotFound(name);
    const owners = await protectedAliasOwners(tx);
    const aliases = await aliasesOfModel(tx, name);
    const owned = aliases.find((alias) => owners.has(alias.alias.toLowerCase()));
    if (owned) {
      const environment = owners.get(owned.alias.toLowerCase());
      throw forbidden(`Registered model '${name}' holds the alias '${owned.alias}' owned by the ${environment} environment; roll it back through a promotion in Sextant before deleting the model`);
    }
    const deployments = await deploymentsOfModel(tx, name);
    if (deployments.length > 0) {
      throw forbidden(`Registered model '${name}' is deployed to ${deployments.map((d) => d.environment).join(', ')}; retire it there in Sextant before deleting it`);
    }
    const versions = await liveVersionNumbers(tx, name);
    await deleteRegisteredModelRow(tx, name);
    // One event per alias and version that goes with the model, so their own histories end too.
    for (const { alias, version } of aliases) {
      await appendAudit(tx, context, { action: 'model-alias.delete', entityType: 'model-alias', entityId: `${name}@${alias}`, before: { version }, after: null });
    }
    for (const version of versions) {
      await appendAudit(tx, context, { action: 'model-version.delete', entityType: 'model-version', entityId: `${name}/${version}`, before: { cascade: 'registered-model.delete' } });
    }
    await appendAudit(tx, context, { action: 'registered-model.delete', ...entity(name), before: { name, versions, aliases } });
  });
}

export async function setRegisteredModelTag(database: DatabaseHandle, context: AuditContext, name: string, tag: { key: string; value?: string }): Promise<void> {
  const valid = { key: validateTagKey(tag.key), value: validateTagValue(tag.value ?? '') };
  await inTransaction(database, async (tx) => {
    if (!(await findRegisteredModelRow(tx, name))) throw registeredModelNotFound(name);
    const before = await findRegisteredModelTag(tx, name, valid.key);
    await upsertRegisteredModelTag(tx, name, valid);
    await appendAudit(tx, context, { action: 'registered-model.set-tag', ...entity(name), before: before === undefined ? null : { key: valid.key, value: before }, after: valid });
  });
}

/** Deleting a tag that is not there is a no-op, as in MLflow. */
export async function deleteRegisteredModelTag(database: DatabaseHandle, context: AuditContext, name: string, key: string): Promise<void> {
  validateTagKey(key);
  await inTransaction(database, async (tx) => {
    if (!(await findRegisteredModelRow(tx, name))) throw registeredModelNotFound(name);
    const before = await deleteRegisteredModelTagRow(tx, name, key);
    if (before !== undefined) {
      await appendAudit(tx, context, { action: 'registered-model.delete-tag', ...entity(name), before: { key, value: before }, after: null });
    }
  });
}
