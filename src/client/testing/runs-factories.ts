import type { Experiment, ExperimentKeys } from '../../shared/contract/experiments';
import type { MetricSeries } from '../../shared/contract/metric-history';
import type { RunDetail, RunRow } from '../../shared/contract/runs';

let counter = 0;

export function buildExperiment(overrides: Partial<Experiment> = {}): Experiment {
  counter += 1;
  return {
    experimentId: String(counter),
    name: `experiment-${counter}`,
    lifecycleStage: 'active',
    artifactLocation: `mlflow-artifacts:/${counter}`,
    creationTime: '2026-11-01T10:00:00.000Z',
    lastUpdateTime: '2026-11-01T10:00:00.000Z',
    runCount: 3,
    lastRunTime: '2026-11-20T10:00:00.000Z',
    description: null,
    tags: [],
    ...overrides,
  };
}

export function buildRunRow(overrides: Partial<RunRow> = {}): RunRow {
  counter += 1;
  return {
    runId: `run${counter}`.padEnd(32, '0'),
    runName: `run-${counter}`,
    experimentId: '1',
    status: 'FINISHED',
    lifecycleStage: 'active',
    startTime: '2026-11-20T10:00:00.000Z',
    endTime: '2026-11-20T10:05:00.000Z',
    userId: 'ada',
    source: 'train.py',
    gitCommit: 'abc1234def',
    parentRunId: null,
    datasets: [],
    registeredVersions: [],
    metrics: {},
    params: {},
    tags: {},
    ...overrides,
  };
}

export function buildRunDetail(run: Partial<RunRow> = {}, overrides: Partial<RunDetail> = {}): RunDetail {
  const row = buildRunRow(run);
  return {
    run: row,
    experimentName: 'churn',
    artifactUri: `mlflow-artifacts:/1/${row.runId}/artifacts`,
    description: null,
    params: Object.entries(row.params).map(([key, value]) => ({ key, value })),
    metrics: Object.entries(row.metrics).map(([key, value]) => ({ key, value, step: 10, timestamp: row.startTime })),
    tags: Object.entries(row.tags).map(([key, value]) => ({ key, value })),
    children: [],
    parent: null,
    inputs: [],
    loggedModels: [],
    registeredVersions: [],
    ...overrides,
  };
}

export const buildKeys = (overrides: Partial<ExperimentKeys> = {}): ExperimentKeys => ({ metrics: ['acc', 'rmse'], params: ['depth', 'model'], tags: ['team'], datasets: [], ...overrides });

export function buildSeries(runId: string, key: string, values: Array<number | null>): MetricSeries {
  return { runId, key, rawCount: values.length, nonFiniteCount: values.filter((v) => v === null).length, downsampled: false, xs: values.map((_, x) => x), ys: values };
}
