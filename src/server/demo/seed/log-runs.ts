import { type WeatherSplit, datasetDigest, datasetProfile, datasetSchema, type WeatherDay } from '../data/weather-data';
import type { ApiClient } from '../http/api-client';
import {
  type DatasetInput,
  createLoggedModel,
  createRun,
  ensureExperiment,
  finalizeLoggedModel,
  finishRun,
  logBatch,
  logInputs,
  uploadArtifact,
} from '../http/mlflow-client';
import type { TrainedRun } from '../training/sweeps';
import { modelFiles } from './model-files';

/** What the registry step needs from a logged run. */
export interface LoggedRun {
  run: TrainedRun;
  runId: string;
  modelId: string;
}

const sourceUrl = 'https://cdn.jsdelivr.net/npm/vega-datasets@3/data/seattle-weather.csv';
// A fixed, plausible history of the training repository's commits.
const commits = ['3f9c2ab61e0d4c7f8a2b9e1d0c6f5a4b3e2d1c0b', '8e1d7c04b2a9f6e3d5c8b7a1f0e9d2c3b4a5f6e7', 'c04e9b1a7d3f2e8c6b5a4d9f1e0c3b2a7d6f5e4c'];

function dataset(name: string, days: WeatherDay[], context: string): DatasetInput {
  return { name, digest: datasetDigest(days), source: JSON.stringify({ url: sourceUrl }), schema: datasetSchema(), profile: JSON.stringify(datasetProfile(days)), context };
}

/**
 * Logs trained runs through the MLflow API as the data scientist would: experiments, a parent run
 * per nested sweep, params, metric histories, dataset inputs, git tags, and a logged model whose
 * files go through the artifact proxy.
 */
export async function logRuns(http: ApiClient, runs: AsyncIterable<TrainedRun> | Iterable<TrainedRun>, split: WeatherSplit, user: string, startedAt: number): Promise<LoggedRun[]> {
  const datasets = [dataset('seattle-weather-2012-2013', split.fit, 'training'), dataset('seattle-weather-2014', split.validation, 'validation')];
  const experimentIds = new Map<string, Promise<string>>();
  const experimentOf = (name: string) => {
    if (!experimentIds.has(name)) experimentIds.set(name, ensureExperiment(http, name, { 'mlflow.note.content': `Seattle weather sweeps (${name}).`, team: 'forecasting' }));
    return experimentIds.get(name) as Promise<string>;
  };
  const parents = new Map<string, Promise<string>>();
  // A sweep's parent run ends when its last child does (the seed backdates runs: "now" would read as days).
  const parentEnds = new Map<string, number>();
  const parentOf = (run: TrainedRun) => {
    const key = `${run.experiment}/${run.parent}`;
    if (!parents.has(key)) {
      parents.set(key, (async () => {
        const info = await createRun(http, await experimentOf(run.experiment), run.parent as string, startedAt, { 'mlflow.user': user, 'mlflow.source.git.commit': commits[2] as string, 'mlflow.source.name': 'train/sweep.ts', 'mlflow.source.type': 'LOCAL' });
        await logBatch(http, info.run_id, { params: { sweep: 'n_estimators × max_depth × max_features', search: 'grid' } });
        await logInputs(http, info.run_id, datasets);
        return info.run_id;
      })());
    }
    return parents.get(key) as Promise<string>;
  };

  const logOne = async (run: TrainedRun, index: number): Promise<LoggedRun> => {
    const experimentId = await experimentOf(run.experiment);
    const parentId = run.parent ? await parentOf(run) : null;
    const start = startedAt + index * 1000;
    const tags: Record<string, string> = {
      'mlflow.user': user,
      'mlflow.source.git.commit': commits[index % commits.length] as string,
      'mlflow.source.name': 'train/sweep.ts',
      'mlflow.source.type': 'LOCAL',
      task: run.task,
      ...(parentId && { 'mlflow.parentRunId': parentId }),
    };
    const info = await createRun(http, experimentId, run.runName, start, tags);
    const end = start + Math.max(run.trainingMs, 1);
    if (parentId) parentEnds.set(parentId, Math.max(parentEnds.get(parentId) ?? end, end));
    const metrics = [
      ...run.history.map((m) => ({ ...m, timestamp: start + m.step })),
      ...Object.entries(run.metrics).map(([key, value]) => ({ key, value, step: 0, timestamp: end })),
      { key: 'training_seconds', value: run.trainingMs / 1000, step: 0, timestamp: end },
    ];
    await logBatch(http, info.run_id, { params: run.params, metrics });
    await logInputs(http, info.run_id, datasets);
    const model = await createLoggedModel(http, { experimentId, name: `${run.task}-${run.params.model_type}`, modelType: run.params.model_type ?? 'classifier', sourceRunId: info.run_id, params: run.params });
    const files = modelFiles(run.model!, { modelId: model.model_id, runId: info.run_id }, split.validation.slice(0, 3));
    for (const [file, body] of Object.entries(files)) {
      await uploadArtifact(http, model.artifact_uri, file, body, file === 'MLmodel' ? 'text/yaml' : 'application/json');
    }
    await finalizeLoggedModel(http, model.model_id);
    await finishRun(http, info.run_id, end);
    return { run, runId: info.run_id, modelId: model.model_id };
  };
  // Runs are logged as they arrive from the trainer, four at a time.
  const logged: LoggedRun[] = [];
  const inFlight = new Set<Promise<void>>();
  let index = 0;
  for await (const run of runs) {
    const work: Promise<void> = logOne(run, index++).then((result) => {
      logged.push(result);
      inFlight.delete(work);
    });
    inFlight.add(work);
    if (inFlight.size >= 4) await Promise.race(inFlight);
  }
  await Promise.all(inFlight);
  await Promise.all([...parents.values()].map(async (p) => {
    const parentId = await p;
    await finishRun(http, parentId, parentEnds.get(parentId) ?? startedAt);
  }));
  return logged;
}
