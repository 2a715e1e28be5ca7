import type { DatabaseHandle } from '../../db/database';
import { inTransaction } from '../../db/transaction';
import { forbidden, notFound } from '../../errors';
import { appendAudit, type AuditContext } from '../audit/audit.service';
import { findEnvironmentOwningAlias } from '../deployments/environments.repository';
import { deleteAliasRow, findAliasVersion, setAliasRow } from './model-aliases.repository';
import { findModelVersionRow, getModelVersionByAlias } from './model-versions.repository';
import { findRegisteredModelRow } from './registered-models.repository';
import { modelVersionNotFound, registeredModelNotFound } from './registry-errors';
import type { ModelVersion } from './registry-types';
import { parseVersion, validateAlias } from './registry-validation';

/**
 * Aliases (`models:/name@alias`). Clients may point free aliases (e.g. `champion`) anywhere;
 * aliases owned by a deployment environment move only through a promotion.
 */
const entity = (name: string, alias: string) => ({ entityType: 'model-alias', entityId: `${name}@${alias}` });

/** Refuses, and records the refusal, when an environment owns the alias. */
async function refuseIfProtected(database: DatabaseHandle, context: AuditContext, name: string, alias: string, attempt: 'set' | 'delete', version?: number) {
  const environment = (await findEnvironmentOwningAlias(database.db, alias))?.name;
  if (!environment) return;
  await inTransaction(database, (tx) =>
    appendAudit(tx, context, {
      action: `model-alias.${attempt}-denied`,
      ...entity(name, alias),
      after: { environment, ...(version !== undefined && { requestedVersion: version }) },
    }),
  );
  throw forbidden(`The alias '${alias}' is owned by the ${environment} environment; request a promotion in Sextant to move it.`);
}

export async function setModelAlias(database: DatabaseHandle, context: AuditContext, name: string, alias: string, versionText: string): Promise<void> {
  validateAlias(alias);
  const version = parseVersion(versionText);
  await refuseIfProtected(database, context, name, alias, 'set', version);
  await inTransaction(database, async (tx) => {
    if (!(await findRegisteredModelRow(tx, name))) throw registeredModelNotFound(name);
    if (!(await findModelVersionRow(tx, name, version))) throw modelVersionNotFound(name, version);
    const previous = await findAliasVersion(tx, name, alias);
    if (previous === version) return;
    await setAliasRow(tx, name, alias, version);
    await appendAudit(tx, context, { action: 'model-alias.set', ...entity(name, alias), before: previous === undefined ? null : { version: previous }, after: { version } });
  });
}

/** Removing an alias that is not set is a no-op, as in MLflow. */
export async function deleteModelAlias(database: DatabaseHandle, context: AuditContext, name: string, alias: string): Promise<void> {
  validateAlias(alias);
  await refuseIfProtected(database, context, name, alias, 'delete');
  await inTransaction(database, async (tx) => {
    if (!(await findRegisteredModelRow(tx, name))) throw registeredModelNotFound(name);
    const previous = await findAliasVersion(tx, name, alias);
    if (previous === undefined) return;
    await deleteAliasRow(tx, name, alias);
    await appendAudit(tx, context, { action: 'model-alias.delete', ...entity(name, alias), before: { version: previous }, after: null });
  });
}

export async function getModelVersionForAlias(database: DatabaseHandle, name: string, alias: string): Promise<ModelVersion> {
  if (!(await findRegisteredModelRow(database.db, name))) throw registeredModelNotFound(name);
  const version = await getModelVersionByAlias(database.db, name, alias);
  if (!version) throw notFound(`Registered model alias ${alias} not found.`);
  return version;
}
