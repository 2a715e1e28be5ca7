import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../../testing/build-test-app';
import { type LooseJson, mlflowCall } from '../../testing/mlflow-call';
import { insertExperiment } from '../../testing/mlflow-fixtures';
import { seedMetricValues } from '../../testing/metric-values-seed';
import { seedRun } from '../../testing/tracking-seed';

let t: TestApp;
let viewer: Record<string, string>;
const runs: Record<string, string> = {};

async function history(runId: string, points: Array<[step: number, value: number, timestamp?: number]>, key = 'loss') {
  await seedMetricValues(
    t.database.handle.db,
    points.map(([step, value, timestamp]) => ({
      run_uuid: runId,
      key,
      step,
      timestamp: timestamp ?? 1000 + step,
      value: Number.isNaN(value) ? 0 : value,
      is_nan: Number.isNaN(value) ? 1 : 0,
      model_id: null,
      dataset_name: null,
      dataset_digest: null,
    })),
  );
}

const bulk = (fields: Record<string, unknown>) => mlflowCall(t, viewer, 'GET', 'metrics/get-history-bulk-interval', { metric_key: 'loss', ...fields });
const stepsOf = (body: LooseJson, runId: string) => (body.metrics ?? []).filter((m: LooseJson) => m.run_id === runId).map((m: LooseJson) => m.step as number);
const range = (from: number, to: number, by = 1) => Array.from({ length: Math.floor((to - from) / by) + 1 }, (_, i) => from + i * by);

beforeAll(async () => {
  t = await buildTestApp();
  viewer = (await t.userWithRole('viewer')).headers;
  const experimentId = await insertExperiment(t.database.handle.db);
  for (const name of ['dense', 'even', 'sparse', 'dupes', 'exact']) runs[name] = await seedRun(t.database.handle.db, experimentId, { name });
  await history(runs.dense as string, range(0, 9999).map((step) => [step, step]));
  await history(runs.even as string, range(0, 9998, 2).map((step) => [step, -step]));
  await history(runs.sparse as string, [5, 17, 300, 301, 302, 9000].map((step) => [step, step]));
  await history(runs.dupes as string, [[0, 1, 10], [0, 2, 20], [1, Number.NaN, 30]]);
});
afterAll(() => t.close());

/** Doubles whose shortest and 17-digit texts differ, extremes, and the non-finite values MLflow sends as strings. */
const awkward = [0.1 + 0.2, 1 / 3, -2 / 3, 1e-300, 5e-324, Number.MAX_VALUE, -Number.MAX_VALUE, 2 ** 53 + 2, 123456789.12345679, -0.000001, 1, Infinity, -Infinity, Number.NaN];

describe('metrics/get-history-bulk-interval', () => {
  it('samples the same steps for every run, plus each run’s first and last step', async () => {
    const response = await bulk({ run_ids: [runs.dense, runs.even], max_results: 100 });
    expect(response.status).toBe(200);
    const sampled = range(0, 9900, 100);
    expect(stepsOf(response.body, runs.dense as string)).toEqual([...sampled, 9998, 9999]);
    expect(stepsOf(response.body, runs.even as string)).toEqual([...sampled, 9998]);
    expect(response.body.metrics[0]).toEqual({ key: 'loss', value: 0, timestamp: 1000, step: 0, run_id: runs.dense });
  });

  it('takes the first logged step of each interval when the interval start was not logged', async () => {
    const response = await bulk({ run_ids: [runs.sparse], max_results: 2 });
    expect(stepsOf(response.body, runs.sparse as string)).toEqual([5, 9000]);
    // Intervals of 2250 steps: only [0,2250) has values (first: 5); 302 is the last step in range.
    const finer = await bulk({ run_ids: [runs.sparse], start_step: 0, end_step: 8999, max_results: 4 });
    expect(stepsOf(finer.body, runs.sparse as string)).toEqual([5, 302]);
  });

  it('returns every step when the runs logged no more values than asked for', async () => {
    const all = await bulk({ run_ids: [runs.sparse], max_results: 6 });
    expect(stepsOf(all.body, runs.sparse as string)).toEqual([5, 17, 300, 301, 302, 9000]);
  });

  it('limits to [start_step, end_step], returning every step when the range is small', async () => {
    const sampled = await bulk({ run_ids: [runs.dense], start_step: 10, end_step: 20, max_results: 5 });
    expect(stepsOf(sampled.body, runs.dense as string)).toEqual([10, 12, 14, 16, 18, 20]);
    const whole = await bulk({ run_ids: [runs.dense, runs.even], start_step: 0, end_step: 9, max_results: 10 });
    expect(stepsOf(whole.body, runs.dense as string)).toEqual(range(0, 9));
    expect(stepsOf(whole.body, runs.even as string)).toEqual([0, 2, 4, 6, 8]);
  });

  it('returns every value at a sampled step, NaN as a string, and nothing for unknown runs', async () => {
    const response = await bulk({ run_ids: [runs.dupes, 'f'.repeat(32)] });
    expect(response.body.metrics.map((m: LooseJson) => [m.step, m.value, m.timestamp])).toEqual([
      [0, 1, 10],
      [0, 2, 20],
      [1, 'NaN', 30],
    ]);
    expect((await bulk({ run_ids: ['f'.repeat(32)] })).body).toEqual({});
  });

  it('answers every value exactly, with the key and run id escaped, from a history logged at large steps and times', async () => {
    const key = 'val/loss "smoothed" \\ ünï ✓';
    const points = awkward.map((value, i): [number, number, number] => [2 ** 40 + i, value, 2 ** 52 + i]);
    await history(runs.exact as string, points, key);
    const response = await mlflowCall(t, viewer, 'GET', 'metrics/get-history-bulk-interval', { metric_key: key, run_ids: [runs.exact], start_step: 2 ** 40, end_step: 2 ** 40 + 100 });
    expect(response.status).toBe(200);
    const encoded = (value: number) => (Number.isNaN(value) ? 'NaN' : value === Infinity ? 'Infinity' : value === -Infinity ? '-Infinity' : value);
    expect(response.body.metrics).toEqual(points.map(([step, value, timestamp]) => ({ key, value: encoded(value), timestamp, step, run_id: runs.exact })));
    // Sampled (more values than asked for) answers the same values at the sampled steps.
    const sampled = await mlflowCall(t, viewer, 'GET', 'metrics/get-history-bulk-interval', { metric_key: key, run_ids: [runs.exact], start_step: 2 ** 40, end_step: 2 ** 40 + 13, max_results: 7 });
    expect(sampled.body.metrics).toEqual(points.filter((_, i) => i % 2 === 0 || i === 13).map(([step, value, timestamp]) => ({ key, value: encoded(value), timestamp, step, run_id: runs.exact })));
  });

  it.each([
    [{}, /at least one run_id/],
    [{ run_ids: range(0, 100).map(String) }, /more than 100 run_ids/],
    [{ run_ids: ['x'], start_step: 5 }, /both must be specified/],
    [{ run_ids: ['x'], start_step: 5, end_step: 4 }, /end_step must be greater than start_step/],
    [{ run_ids: ['x'], max_results: 0 }, /max_results must be between 1 and 2500/],
    [{ run_ids: ['x'], max_results: 2501 }, /max_results must be between 1 and 2500/],
    [{ run_ids: ['x'], metric_key: undefined }, /metric_key/],
    [{ run_ids: ['x'], start_step: 'one', end_step: 2 }, /start_step/],
  ])('refuses %j with INVALID_PARAMETER_VALUE', async (fields, message) => {
    const response = await bulk(fields);
    expect(response.status).toBe(400);
    expect(response.body.error_code).toBe('INVALID_PARAMETER_VALUE');
    expect(response.body.message).toMatch(message);
  });
});
