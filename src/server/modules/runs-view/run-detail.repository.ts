import type { RunDetail } from '../../../shared/contract/runs';
import type { Db } from '../../db/database';
import { loadRuns } from '../tracking/tracking-json';
import { metricValue, registeredVersionsOf, systemTags, toRunRow, toStatus } from './run-row';

const descriptionTag = 'mlflow.note.content';
const maxChildren = 500;

/** Everything the run page shows, or undefined for an unknown run. */
export async function loadRunDetail(db: Db, runId: string): Promise<RunDetail | undefined> {
  const [run] = await loadRuns(db, [runId]);
  if (!run) return undefined;
  const row = toRunRow(run, []);
  const [versions, experiment, children, parent, models] = await Promise.all([
    registeredVersionsOf(db, [runId]),
    db.selectFrom('experiments').select('name').where('experiment_id', '=', Number(run.info.experiment_id)).executeTakeFirst(),
    db
      .selectFrom('run_tags')
      .innerJoin('runs', 'runs.run_uuid', 'run_tags.run_uuid')
      .select(['runs.run_uuid', 'runs.run_name', 'runs.status'])
      .where('run_tags.key', '=', systemTags.parentRunId)
      .where('run_tags.value', '=', runId)
      .orderBy('runs.start_time')
      .limit(maxChildren)
      .execute(),
    row.parentRunId
      ? db.selectFrom('runs').select(['run_uuid', 'run_name']).where('run_uuid', '=', row.parentRunId).executeTakeFirst()
      : Promise.resolve(undefined),
    db
      .selectFrom('run_model_links')
      .innerJoin('logged_models', 'logged_models.model_id', 'run_model_links.model_id')
      .select(['logged_models.model_id', 'logged_models.name', 'logged_models.artifact_location', 'run_model_links.direction'])
      .where('run_model_links.run_uuid', '=', runId)
      .orderBy('run_model_links.step')
      .execute(),
  ]);
  const registered = versions.get(runId) ?? [];
  row.registeredVersions = registered.map(({ name, version }) => ({ name, version }));
  return {
    run: row,
    experimentName: experiment?.name ?? '',
    artifactUri: run.info.artifact_uri,
    description: run.data.tags.find((tag) => tag.key === descriptionTag)?.value ?? null,
    params: run.data.params,
    metrics: run.data.metrics.map((m) => ({ key: m.key, value: metricValue(m.value), step: m.step, timestamp: new Date(m.timestamp).toISOString() })),
    tags: run.data.tags,
    children: children.map((c) => ({ runId: c.run_uuid, runName: c.run_name, status: toStatus(c.status) })),
    parent: parent ? { runId: parent.run_uuid, runName: parent.run_name } : null,
    inputs: run.inputs.dataset_inputs.map((input) => ({
      name: input.dataset.name,
      digest: input.dataset.digest,
      sourceType: input.dataset.source_type,
      source: input.dataset.source,
      schema: input.dataset.schema,
      profile: input.dataset.profile,
      tags: input.tags,
    })),
    loggedModels: models.map((m) => ({
      modelId: m.model_id,
      name: m.name,
      direction: m.direction === 'input' ? 'input' : 'output',
      artifactLocation: m.artifact_location,
    })),
    registeredVersions: registered,
  };
}
