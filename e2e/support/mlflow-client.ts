import type { APIRequestContext } from '@playwright/test';
import { adminPassword } from './session';

/**
 * A tiny MLflow REST client for journeys: it logs runs the way the Python client does (same
 * endpoints, Basic auth with the admin's password), so the dashboard shows real tracking data.
 */
export function mlflowClient(request: APIRequestContext) {
  const headers = { authorization: `Basic ${Buffer.from(`admin:${adminPassword}`).toString('base64')}` };
  const call = async <T>(path: string, data: unknown): Promise<T> => {
    const response = await request.post(`/api/2.0/mlflow/${path}`, { headers, data });
    if (!response.ok()) throw new Error(`${path}: ${response.status()} ${await response.text()}`);
    return (await response.json()) as T;
  };
  return {
    async createExperiment(name: string): Promise<string> {
      return (await call<{ experiment_id: string }>('experiments/create', { name })).experiment_id;
    },
    async logRun(experimentId: string, run: { name: string; params: Record<string, string>; metrics: Record<string, number[]>; tags?: Record<string, string> }): Promise<string> {
      const start = Date.now();
      const created = await call<{ run: { info: { run_id: string } } }>('runs/create', { experiment_id: experimentId, run_name: run.name, start_time: start, tags: Object.entries(run.tags ?? {}).map(([key, value]) => ({ key, value })) });
      const runId = created.run.info.run_id;
      const metrics = Object.entries(run.metrics).flatMap(([key, values]) => values.map((value, step) => ({ key, value: Number.isNaN(value) ? 'NaN' : value, step, timestamp: start + step * 1000 })));
      await call('runs/log-batch', { run_id: runId, params: Object.entries(run.params).map(([key, value]) => ({ key, value })), metrics, tags: [] });
      await call('runs/update', { run_id: runId, status: 'FINISHED', end_time: start + 60_000 });
      return runId;
    },
    async uploadArtifact(experimentId: string, runId: string, path: string, body: string) {
      const response = await request.put(`/api/2.0/mlflow-artifacts/artifacts/${experimentId}/${runId}/artifacts/${path}`, { headers, data: body });
      if (!response.ok()) throw new Error(`upload ${path}: ${response.status()} ${await response.text()}`);
    },
  };
}
