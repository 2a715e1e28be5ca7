import type { ModelSort, ModelSummary, Serving, VersionDetail, VersionRow } from '../../../shared/contract/models';
import type { Db } from '../../db/database';
import { invalidParameter } from '../../errors';
import { protectedAliasOwners } from '../deployments/environments.repository';
import { aliasesOfModel } from '../registry/model-aliases.repository';
import { loadRegisteredModels } from '../registry/registered-models.repository';
import { modelVersionNotFound, registeredModelNotFound } from '../registry/registry-errors';
import type { MlmodelSummary } from '../registry/registry-types';
import { flavorsOf, inputExampleOf, signatureOf } from './mlmodel-view';
import {
  anyVersionRow,
  datasetInputsOf,
  deploymentRowsOf,
  latestMetricsOf,
  listModelRows,
  type ModelCursor,
  paramsOf,
  runRows,
  versionRowsPage,
  versionStats,
  versionTags,
} from './models-view.repository';

/** The dashboard's registry reads: one page of models or versions at a time, each hydrated in batches. */

const iso = (ms: number) => new Date(ms).toISOString();
const encodeCursor = (cursor: ModelCursor) => Buffer.from(JSON.stringify(cursor)).toString('base64url');

function decodeCursor(text: string | undefined): ModelCursor | null {
  if (!text) return null;
  try {
    const value = JSON.parse(Buffer.from(text, 'base64url').toString('utf8')) as ModelCursor;
    if (typeof value.name === 'string' && (value.updated === undefined || typeof value.updated === 'number')) return value;
  } catch {
    // fall through
  }
  throw invalidParameter('The cursor is not one this server issued');
}

type DeploymentRow = Awaited<ReturnType<typeof deploymentRowsOf>>[number];
const toServing = (row: DeploymentRow): Serving => ({
  deploymentId: String(row.id),
  environment: row.environment,
  stableVersion: row.stable_version,
  canaryVersion: row.canary_version,
  canaryWeight: row.canary_weight,
});

async function summaries(db: Db, names: string[]): Promise<ModelSummary[]> {
  const [models, stats, deployments, owners] = await Promise.all([loadRegisteredModels(db, names), versionStats(db, names), deploymentRowsOf(db, names), protectedAliasOwners(db)]);
  const statsOf = new Map(stats.map((row) => [row.name, row]));
  return models.map((model) => ({
    name: model.name,
    description: model.description,
    owner: model.userId,
    tags: model.tags,
    aliases: model.aliases.map((alias) => ({ ...alias, ownedBy: owners.get(alias.alias.toLowerCase()) ?? null })),
    latestVersion: statsOf.get(model.name)?.latest == null ? null : Number(statsOf.get(model.name)?.latest),
    versionCount: Number(statsOf.get(model.name)?.count ?? 0),
    serving: deployments.filter((row) => row.model_name === model.name && row.stable_version !== null).map(toServing),
    createdAt: iso(model.creationTimestamp),
    lastChangeAt: iso(model.lastUpdatedTimestamp),
  }));
}

export async function listModelSummaries(db: Db, query: { q?: string | undefined; tag?: string | undefined; sort: ModelSort; cursor?: string | undefined; limit: number }) {
  const rows = await listModelRows(db, { q: query.q, tag: query.tag, sort: query.sort, after: decodeCursor(query.cursor), limit: query.limit });
  const page = rows.slice(0, query.limit);
  const last = page.at(-1);
  const nextCursor = rows.length > query.limit && last ? encodeCursor({ name: last.name, ...(query.sort.endsWith('updated') && { updated: last.last_updated_timestamp }) }) : null;
  return { items: await summaries(db, page.map((row) => row.name)), nextCursor };
}

export async function modelSummary(db: Db, name: string): Promise<ModelSummary> {
  const [summary] = await summaries(db, [name]);
  if (!summary) throw registeredModelNotFound(name);
  return summary;
}

type VersionTableRow = Awaited<ReturnType<typeof versionRowsPage>>[number];

async function toVersionRows(db: Db, name: string, rows: VersionTableRow[]): Promise<VersionRow[]> {
  const runIds = [...new Set(rows.flatMap((row) => (row.run_id ? [row.run_id] : [])))];
  const [tags, aliases, runs, metrics, inputs] = await Promise.all([
    versionTags(db, name, rows.map((row) => row.version)),
    aliasesOfModel(db, name),
    runRows(db, runIds),
    latestMetricsOf(db, runIds),
    datasetInputsOf(db, runIds),
  ]);
  const runOf = new Map(runs.map((run) => [run.run_uuid, run]));
  return rows.map((row) => {
    const run = row.run_id ? runOf.get(row.run_id) : undefined;
    return {
      name: row.name,
      version: row.version,
      registeredBy: row.user_id,
      createdAt: iso(row.creation_timestamp),
      updatedAt: iso(row.last_updated_timestamp),
      status: row.deleted_time !== null ? 'DELETED' : (row.status as VersionRow['status']),
      stage: row.current_stage,
      description: row.description,
      runId: row.run_id,
      runName: run?.run_name ?? null,
      experimentId: run ? String(run.experiment_id) : null,
      modelId: row.model_id,
      aliases: aliases.filter((alias) => alias.version === row.version).map((alias) => alias.alias),
      tags: tags.filter((tag) => tag.version === row.version).map(({ key, value }) => ({ key, value })),
      metrics: metrics.filter((metric) => metric.run_uuid === row.run_id).map((metric) => ({ key: metric.key, value: metric.is_nan ? null : metric.value })),
      datasets: inputs.filter((input) => input.run_uuid === row.run_id).map((input) => ({ name: input.name, digest: input.digest, context: input.context ?? null })),
    };
  });
}

export async function listVersionRows(db: Db, name: string, query: { cursor?: string | undefined; limit: number }) {
  const before = query.cursor === undefined ? null : Number(query.cursor);
  if (before !== null && !Number.isInteger(before)) throw invalidParameter('The cursor is not one this server issued');
  if (!(await loadRegisteredModels(db, [name])).length) throw registeredModelNotFound(name);
  const rows = await versionRowsPage(db, name, before, query.limit);
  const page = rows.slice(0, query.limit);
  return { items: await toVersionRows(db, name, page), nextCursor: rows.length > query.limit ? String(page.at(-1)?.version) : null };
}

export async function versionDetail(db: Db, name: string, version: number): Promise<VersionDetail> {
  const row = await anyVersionRow(db, name, version);
  if (!row) throw modelVersionNotFound(name, version);
  const [[base], params, deployments, model] = await Promise.all([
    toVersionRows(db, name, [row]),
    row.run_id ? paramsOf(db, row.run_id) : Promise.resolve([]),
    deploymentRowsOf(db, [name]),
    modelSummary(db, name),
  ]);
  const mlmodel = row.mlmodel_json ? (JSON.parse(row.mlmodel_json) as MlmodelSummary) : null;
  const serving = deployments.flatMap((deployment) => [
    ...(deployment.stable_version === version ? [{ ...toServing(deployment), role: 'stable' as const }] : []),
    ...(deployment.canary_version === version ? [{ ...toServing(deployment), role: 'canary' as const }] : []),
  ]);
  return {
    ...(base as VersionRow),
    source: row.source,
    storageLocation: row.storage_location ?? row.source,
    statusMessage: row.status_message,
    signature: signatureOf(mlmodel),
    flavors: flavorsOf(mlmodel),
    inputExample: inputExampleOf(mlmodel),
    sizeBytes: mlmodel?.modelSizeBytes ?? null,
    mlflowVersion: mlmodel?.mlflowVersion ?? null,
    params,
    serving,
    modelAliases: model.aliases,
  };
}
