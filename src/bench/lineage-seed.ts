import { randomBytes } from 'node:crypto';
import type { Db } from '../server/db/database';

/**
 * A registry as a busy team grows it: `runs` runs in sweeps (one parent, three children), over
 * `datasets` datasets (each child trains on one and evaluates on another), one git commit per
 * sweep, and `versions` versions of one model from as many child runs (half through logged
 * models, half straight from the run; every 25th deleted), two deployments with history.
 */
const hex = (bytes: number) => randomBytes(bytes).toString('hex');

async function insertChunks<T>(rows: T[], insert: (chunk: T[]) => Promise<unknown>, size = 200) {
  for (let start = 0; start < rows.length; start += size) await insert(rows.slice(start, start + size));
}

export async function seedLineage(db: Db, options: { model: string; runs: number; datasets: number; versions: number }) {
  const now = Date.now();
  const { experiment_id: experimentId } = await db
    .insertInto('experiments')
    .values({ name: `lineage-bench-${hex(3)}`, artifact_location: 'mlflow-artifacts:/bench', lifecycle_stage: 'active', creation_time: now, last_update_time: now })
    .returning('experiment_id')
    .executeTakeFirstOrThrow();
  const datasets = Array.from({ length: options.datasets }, (_, i) => ({
    dataset_uuid: hex(16), experiment_id: Number(experimentId), name: `table_${i}`, digest: hex(8), source_type: 'delta', source: `{"uri": "s3://lake/table_${i}"}`, schema: null, profile: null,
  }));
  await insertChunks(datasets, (chunk) => db.insertInto('datasets').values(chunk).execute());

  const runs: Array<{ run_uuid: string; parent: string | null; sweep: number; start: number }> = [];
  for (let sweep = 0; runs.length < options.runs; sweep++) {
    const parent = hex(16);
    runs.push({ run_uuid: parent, parent: null, sweep, start: now - (options.runs - runs.length) * 60_000 });
    for (let child = 0; child < 3 && runs.length < options.runs; child++) runs.push({ run_uuid: hex(16), parent, sweep, start: now - (options.runs - runs.length) * 60_000 });
  }
  await insertChunks(runs, (chunk) =>
    db
      .insertInto('runs')
      .values(chunk.map((run, i) => ({
        run_uuid: run.run_uuid, experiment_id: Number(experimentId), run_name: run.parent ? `trial-${run.sweep}-${i}` : `sweep-${run.sweep}`, user_id: 'bench', status: 'FINISHED',
        start_time: run.start, end_time: run.start + 30_000, lifecycle_stage: 'active', artifact_uri: `mlflow-artifacts:/bench/${run.run_uuid}/artifacts`, deleted_time: null,
      })))
      .execute(),
  );
  const tags = runs.flatMap((run) => [
    { run_uuid: run.run_uuid, key: 'mlflow.source.git.commit', value: `c0mm17${String(run.sweep).padStart(34, '0')}` },
    ...(run.parent ? [{ run_uuid: run.run_uuid, key: 'mlflow.parentRunId', value: run.parent }] : []),
  ]);
  await insertChunks(tags, (chunk) => db.insertInto('run_tags').values(chunk).execute());
  const children = runs.filter((run) => run.parent);
  const inputs = children.flatMap((run, i) => [
    { input_uuid: hex(16), run_uuid: run.run_uuid, dataset_uuid: (datasets[i % datasets.length] as { dataset_uuid: string }).dataset_uuid, context: 'training' },
    { input_uuid: hex(16), run_uuid: run.run_uuid, dataset_uuid: (datasets[(i + 7) % datasets.length] as { dataset_uuid: string }).dataset_uuid, context: 'evaluation' },
  ]);
  await insertChunks(inputs, (chunk) => db.insertInto('run_inputs').values(chunk.map(({ context: _context, ...row }) => row)).execute());
  await insertChunks(inputs, (chunk) => db.insertInto('input_tags').values(chunk.map((row) => ({ input_uuid: row.input_uuid, key: 'mlflow.data.context', value: row.context }))).execute());
  await insertChunks(children, (chunk) =>
    db.insertInto('latest_metrics').values(chunk.map((run, i) => ({ run_uuid: run.run_uuid, key: 'auc', experiment_id: Number(experimentId), step: 0, timestamp: run.start, value: 0.7 + (i % 100) / 400, is_nan: 0 }))).execute(),
  );

  await db.insertInto('registered_models').values({ name: options.model, creation_timestamp: now, last_updated_timestamp: now, description: 'Benchmark model', user_id: 'bench' }).execute();
  const sources = children.slice(-options.versions);
  const versions = sources.map((run, i) => ({ run, version: i + 1, modelId: i % 2 === 0 ? `m-${hex(16)}` : null }));
  await insertChunks(versions.filter((v) => v.modelId), (chunk) =>
    db
      .insertInto('logged_models')
      .values(chunk.map((v) => ({
        model_id: v.modelId as string, experiment_id: Number(experimentId), name: 'model', artifact_location: `mlflow-artifacts:/bench/models/${v.modelId}/artifacts`, creation_timestamp_ms: v.run.start,
        last_updated_timestamp_ms: v.run.start, status: 'READY', status_message: null, lifecycle_stage: 'active', model_type: null, source_run_id: v.run.run_uuid, creator_id: null,
      })))
      .execute(),
  );
  const mlmodel = JSON.stringify({ flavors: { python_function: { loader_module: 'mlflow.sklearn' }, sklearn: { sklearn_version: '1.5.1' } }, signature: { inputs: Array.from({ length: 12 }, (_, i) => ({ type: 'double', name: `f${i}` })), outputs: [{ type: 'long' }], params: null }, modelSizeBytes: 48213 });
  await insertChunks(versions, (chunk) =>
    db
      .insertInto('model_versions')
      .values(chunk.map((v) => ({
        name: options.model, version: v.version, creation_timestamp: v.run.start + 40_000, last_updated_timestamp: v.run.start + 40_000, description: null, user_id: 'bench', current_stage: 'None',
        source: v.modelId ? `models:/${v.modelId}` : `runs:/${v.run.run_uuid}/model`, storage_location: `mlflow-artifacts:/bench/${v.version}`, run_id: v.run.run_uuid, run_link: null, model_id: v.modelId,
        status: 'READY', status_message: null, mlmodel_json: mlmodel, deleted_time: v.version % 25 === 0 ? now : null,
      })))
      .execute(),
  );
  const latest = options.versions - 1;
  for (const [environment, stable] of [['production', latest - 1], ['staging', latest]] as const) {
    const { id } = await db
      .insertInto('deployments')
      .values({ model_name: options.model, environment, stable_version: stable, canary_version: null, canary_weight: 0, status: 'stable', revision: 10, updated_by: 'bench', updated_at: now, strategy: 'direct', canary_steps: null, request_id: null })
      .returning('id')
      .executeTakeFirstOrThrow();
    await db
      .insertInto('deployment_history')
      .values(Array.from({ length: 10 }, (_, i) => ({ deployment_id: id, revision: i + 1, stable_version: stable - 9 + i, canary_version: null, canary_weight: 0, status: 'stable', change: 'promote', request_id: null, changed_by: 'bench', changed_at: now - (10 - i) * 3_600_000, justification: null })))
      .execute();
  }
  return { sampleVersion: latest, sampleRun: (sources.at(-1) as { run_uuid: string }).run_uuid, sampleDigest: (datasets[0] as { digest: string }).digest };
}
