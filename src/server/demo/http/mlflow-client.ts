import { type ApiClient, ApiError } from './api-client';

/** The MLflow REST calls the demo makes (see the MLflow reference), over any ApiClient. */
const api = '/api/2.0/mlflow';
type KeyValue = { key: string; value: string };
export type Metric = { key: string; value: number; timestamp: number; step: number };

export const keyValues = (record: Record<string, string>): KeyValue[] => Object.entries(record).map(([key, value]) => ({ key, value }));

export async function ensureExperiment(http: ApiClient, name: string, tags: Record<string, string>): Promise<string> {
  try {
    const created = await http.json<{ experiment_id: string }>('POST', `${api}/experiments/create`, { name, tags: keyValues(tags) });
    return created.experiment_id;
  } catch (error) {
    if (!(error instanceof ApiError && error.code === 'RESOURCE_ALREADY_EXISTS')) throw error;
    const found = await http.json<{ experiment: { experiment_id: string } }>('GET', `${api}/experiments/get-by-name`, undefined, { experiment_name: name });
    return found.experiment.experiment_id;
  }
}

export async function createRun(http: ApiClient, experimentId: string, runName: string, startTime: number, tags: Record<string, string>) {
  const { run } = await http.json<{ run: { info: { run_id: string; artifact_uri: string } } }>('POST', `${api}/runs/create`, {
    experiment_id: experimentId,
    run_name: runName,
    start_time: startTime,
    tags: keyValues(tags),
  });
  return run.info;
}

/** log-batch takes at most 1000 metrics, 100 params and 100 tags (1000 items) per call. */
export async function logBatch(http: ApiClient, runId: string, input: { metrics?: Metric[]; params?: Record<string, string>; tags?: Record<string, string> }) {
  const params = keyValues(input.params ?? {});
  const tags = keyValues(input.tags ?? {});
  const metrics = input.metrics ?? [];
  const first = 1000 - params.length - tags.length;
  await http.json('POST', `${api}/runs/log-batch`, { run_id: runId, params, tags, metrics: metrics.slice(0, first) });
  for (let at = first; at < metrics.length; at += 1000) {
    await http.json('POST', `${api}/runs/log-batch`, { run_id: runId, metrics: metrics.slice(at, at + 1000) });
  }
}

export interface DatasetInput {
  name: string;
  digest: string;
  source: string;
  schema: string;
  profile: string;
  context: string;
}

export async function logInputs(http: ApiClient, runId: string, datasets: DatasetInput[]) {
  await http.json('POST', `${api}/runs/log-inputs`, {
    run_id: runId,
    datasets: datasets.map((d) => ({
      tags: [{ key: 'mlflow.data.context', value: d.context }],
      dataset: { name: d.name, digest: d.digest, source_type: 'http', source: d.source, schema: d.schema, profile: d.profile },
    })),
  });
}

export async function finishRun(http: ApiClient, runId: string, endTime: number) {
  await http.json('POST', `${api}/runs/update`, { run_id: runId, status: 'FINISHED', end_time: endTime });
}

export async function createLoggedModel(http: ApiClient, input: { experimentId: string; name: string; modelType: string; sourceRunId: string | null; params: Record<string, string> }) {
  const { model } = await http.json<{ model: { info: { model_id: string; artifact_uri: string } } }>('POST', `${api}/logged-models`, {
    experiment_id: input.experimentId,
    name: input.name,
    model_type: input.modelType,
    ...(input.sourceRunId && { source_run_id: input.sourceRunId }),
    params: keyValues(input.params),
  });
  return model.info;
}

export async function finalizeLoggedModel(http: ApiClient, modelId: string) {
  await http.json('PATCH', `${api}/logged-models/${modelId}`, { model_id: modelId, status: 'LOGGED_MODEL_READY' });
}

/** Uploads one file through the artifact proxy (`mlflow-artifacts:/<path>` URIs). */
export async function uploadArtifact(http: ApiClient, artifactUri: string, file: string, body: string, contentType: string) {
  const path = artifactUri.replace(/^mlflow-artifacts:\/*/, '');
  const encoded = `${path}/${file}`.split('/').map(encodeURIComponent).join('/');
  await http.request('PUT', `/api/2.0/mlflow-artifacts/artifacts/${encoded}`, { body, contentType });
}

export async function downloadArtifact(http: ApiClient, artifactUri: string, file: string): Promise<string> {
  const path = artifactUri.replace(/^mlflow-artifacts:\/*/, '');
  const encoded = `${path}/${file}`.split('/').map(encodeURIComponent).join('/');
  return (await http.request('GET', `/api/2.0/mlflow-artifacts/artifacts/${encoded}`)).text();
}

export async function createRegisteredModel(http: ApiClient, name: string, description: string, tags: Record<string, string>) {
  try {
    await http.json('POST', `${api}/registered-models/create`, { name, description, tags: keyValues(tags) });
  } catch (error) {
    if (!(error instanceof ApiError && error.code === 'RESOURCE_ALREADY_EXISTS')) throw error;
  }
}

export async function createModelVersion(http: ApiClient, input: { name: string; source: string; runId: string | null; modelId: string; description: string; tags: Record<string, string> }) {
  const { model_version } = await http.json<{ model_version: { version: string } }>('POST', `${api}/model-versions/create`, {
    name: input.name,
    source: input.source,
    ...(input.runId && { run_id: input.runId }),
    model_id: input.modelId,
    description: input.description,
    tags: keyValues(input.tags),
  });
  return Number(model_version.version);
}

export async function downloadUri(http: ApiClient, name: string, version: number): Promise<string> {
  const { artifact_uri } = await http.json<{ artifact_uri: string }>('GET', `${api}/model-versions/get-download-uri`, undefined, { name, version });
  return artifact_uri;
}
