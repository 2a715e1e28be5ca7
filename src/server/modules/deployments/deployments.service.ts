import { createHash } from 'node:crypto';
import type { DeploymentDetail, Serving } from '../../../shared/contract/deployments';
import type { Db } from '../../db/database';
import { notFound } from '../../errors';
import { nextCanaryStep, rollbackTarget } from './deployment-history';
import { findDeployment, findDeploymentById, historyRows, toDeployment, toHistoryEntry, versionSources, type DeploymentRow } from './deployments.repository';
import { findEnvironmentRow, toEnvironment } from './environments.repository';
import { kserveManifest } from './kserve-manifest';

export const modelUri = (modelName: string, version: number) => `models:/${modelName}/${version}`;

export async function deploymentDetail(db: Db, id: number): Promise<DeploymentDetail> {
  const row = await findDeploymentById(db, id);
  if (!row) throw notFound(`No deployment with id ${id}`);
  return detailOf(db, row);
}

export async function detailOf(db: Db, row: DeploymentRow): Promise<DeploymentDetail> {
  const deployment = toDeployment(row);
  const environment = await findEnvironmentRow(db, row.environment);
  const history = (await historyRows(db, row.id)).map(toHistoryEntry);
  return {
    deployment,
    environment: toEnvironment(environment!),
    history,
    lastKnownGood: rollbackTarget(history, deployment),
    nextCanaryStep: nextCanaryStep(deployment),
  };
}

async function requireDeployment(db: Db, modelName: string, environment: string): Promise<DeploymentRow> {
  const row = await findDeployment(db, modelName, environment);
  if (!row) throw notFound(`${modelName} has no deployment in ${environment}`);
  return row;
}

/** What a serving system should serve, and an ETag that changes exactly when that does. */
export async function servingOf(db: Db, modelName: string, environment: string): Promise<{ serving: Serving; etag: string }> {
  const row = await requireDeployment(db, modelName, environment);
  const serving: Serving = {
    modelName: row.model_name,
    environment: row.environment,
    revision: row.revision,
    stable: row.stable_version === null ? null : { version: row.stable_version, modelUri: modelUri(row.model_name, row.stable_version) },
    canary:
      row.canary_version === null
        ? null
        : { version: row.canary_version, modelUri: modelUri(row.model_name, row.canary_version), weight: row.canary_weight },
    updatedAt: new Date(row.updated_at).toISOString(),
  };
  const digest = createHash('sha256').update(JSON.stringify(serving)).digest('base64url').slice(0, 22);
  return { serving, etag: `"${row.revision}-${digest}"` };
}

/** Whether an If-None-Match header names this ETag (weak comparison, `*` matches). */
export function etagMatches(ifNoneMatch: string | undefined, etag: string): boolean {
  if (!ifNoneMatch) return false;
  return ifNoneMatch.split(',').some((candidate) => {
    const tag = candidate.trim().replace(/^W\//, '');
    return tag === '*' || tag === etag;
  });
}

export async function manifestOf(db: Db, modelName: string, environment: string) {
  const deployment = toDeployment(await requireDeployment(db, modelName, environment));
  const versions = [deployment.stableVersion, deployment.canaryVersion].filter((v): v is number => v !== null);
  return kserveManifest(deployment, await versionSources(db, modelName, versions));
}
