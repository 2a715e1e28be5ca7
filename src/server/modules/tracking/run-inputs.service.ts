import type { DatabaseHandle, Db } from '../../db/database';
import { inTransaction } from '../../db/transaction';
import { invalidParameter, notFound } from '../../errors';
import { appendAudit, type AuditContext } from '../audit/audit.service';
import { datasetIdFor, existingLoggedModelIds, linkDataset, linkModel } from './run-inputs.repository';
import { requireActiveRun, runEntity } from './runs.service';
import type { DatasetInput } from './tracking-messages';
import { limits, validateLength } from './tracking-validation';

/** runs/log-inputs (datasets, logged models) and runs/outputs (logged models): lineage, audited. */

interface DatasetWithTags {
  dataset: DatasetInput;
  tags?: Array<{ key: string; value?: string }>;
}

function validDataset({ dataset, tags = [] }: DatasetWithTags) {
  const required = ['name', 'digest', 'source_type', 'source'] as const;
  for (const field of required) if (dataset[field] === '') throw invalidParameter(`Missing value for required parameter 'dataset.${field}'.`);
  validateLength('Dataset name', dataset.name, limits.datasetName);
  validateLength('Dataset digest', dataset.digest, limits.datasetDigest);
  validateLength('Dataset source', dataset.source, limits.datasetSource);
  validateLength('Dataset schema', dataset.schema, limits.datasetSchema);
  validateLength('Dataset profile', dataset.profile, limits.datasetProfile);
  const inputTags = tags.map((tag) => {
    if (tag.key === '') throw invalidParameter("Missing value for required parameter 'tags.key' of a dataset input.");
    validateLength('Input tag key', tag.key, limits.inputTagKey);
    validateLength('Input tag value', tag.value, limits.inputTagValue);
    return { key: tag.key, value: tag.value ?? '' };
  });
  return { dataset, tags: [...new Map(inputTags.map((tag) => [tag.key, tag] as const)).values()] };
}

async function requireLoggedModels(tx: Db, modelIds: string[]) {
  const existing = await existingLoggedModelIds(tx, modelIds);
  const missing = modelIds.find((id) => !existing.has(id));
  if (missing !== undefined) throw notFound(`Logged model with ID '${missing.slice(0, 100)}' not found.`);
}

export async function logInputs(
  database: DatabaseHandle,
  context: AuditContext,
  runId: string,
  input: { datasets: DatasetWithTags[]; models: Array<{ model_id: string }> },
) {
  const datasets = input.datasets.map(validDataset);
  const modelIds = [...new Set(input.models.map((model) => model.model_id))];
  await inTransaction(database, async (tx) => {
    const run = await requireActiveRun(tx, runId);
    await requireLoggedModels(tx, modelIds);
    const linked: Array<{ name: string; digest: string; tags: Array<{ key: string; value: string }> }> = [];
    for (const { dataset, tags } of datasets) {
      const datasetId = await datasetIdFor(tx, {
        experiment_id: Number(run.experiment_id),
        name: dataset.name,
        digest: dataset.digest,
        source_type: dataset.source_type,
        source: dataset.source,
        schema: dataset.schema ?? null,
        profile: dataset.profile ?? null,
      });
      if (await linkDataset(tx, runId, datasetId, tags)) linked.push({ name: dataset.name, digest: dataset.digest, tags });
    }
    for (const modelId of modelIds) await linkModel(tx, runId, modelId, 'input', 0);
    if (linked.length > 0 || modelIds.length > 0) {
      await appendAudit(tx, context, { action: 'run.log-inputs', ...runEntity(runId), after: { datasets: linked, models: modelIds } });
    }
  });
}

export async function logOutputs(database: DatabaseHandle, context: AuditContext, runId: string, models: Array<{ model_id: string; step?: number }>) {
  if (models.length === 0) throw invalidParameter("Missing value for required parameter 'models'.");
  await inTransaction(database, async (tx) => {
    await requireActiveRun(tx, runId);
    await requireLoggedModels(tx, models.map((model) => model.model_id));
    for (const model of models) await linkModel(tx, runId, model.model_id, 'output', model.step ?? 0);
    await appendAudit(tx, context, { action: 'run.log-outputs', ...runEntity(runId), after: { models: models.map((m) => ({ modelId: m.model_id, step: m.step ?? 0 })) } });
  });
}
