import type { DatabaseHandle } from '../../db/database';
import { invalidParameter } from '../../errors';
import { type MetricTuple, type StepRange, countInRange, firstStepsFrom, stepBounds, valuesAtSteps, valuesInRange } from './metric-bulk-interval.repository';
import { seriesIdsOfRuns } from './metric-series.repository';
import type { MetricJson } from './tracking-json';

/**
 * `metrics/get-history-bulk-interval` (what MLflow's UI charts read): one metric of up to 100
 * runs, sampled to at most `max_results` steps over [start_step, end_step] (default from 0 to the
 * last logged step), plus each run's first and last step in the range, every run sampled at
 * the same steps so curves line up.
 *
 * MLflow picks every k-th step of the runs' combined step list, which needs every step read.
 * Here, when the runs logged more values than asked for, the range is cut into `max_results`
 * equal step intervals and each interval contributes the first step any run logged in it: the
 * same steps as MLflow's for evenly logged curves, and only index seeks (a few per sampled
 * step), so a 100,000-step history is not scanned. Fewer values than asked: all are returned.
 */
export interface BulkIntervalInput {
  runIds: readonly string[];
  metricKey: string;
  startStep?: number;
  endStep?: number;
  maxResults?: number;
}

const maxRuns = 100;
const maxPerRun = 2500;

function validate(input: BulkIntervalInput): { range?: StepRange; limit: number } {
  if (input.runIds.length === 0) throw invalidParameter('GetMetricHistoryBulkInterval request must specify at least one run_id.');
  if (input.runIds.length > maxRuns) throw invalidParameter(`GetMetricHistoryBulkInterval request cannot specify more than ${maxRuns} run_ids. Received ${input.runIds.length} run_ids.`);
  const limit = input.maxResults ?? maxPerRun;
  if (!Number.isInteger(limit) || limit < 1 || limit > maxPerRun) throw invalidParameter(`max_results must be between 1 and ${maxPerRun}.`);
  const { startStep: start, endStep: end } = input;
  if ((start === undefined) !== (end === undefined)) throw invalidParameter('If either start step or end step are specified, both must be specified.');
  if (start === undefined || end === undefined) return { limit };
  if (start > end) throw invalidParameter('end_step must be greater than start_step.');
  return { range: { start, end }, limit };
}

/** A run with the metric: its id, the metric's series id and its steps within the range. */
type SeriesRun = [runId: string, series: number, steps: StepRange];

/** Each run's values (in the order of `runs`) from tuples ordered by series. */
function byRun(runs: SeriesRun[], values: MetricTuple[]): MetricTuple[][] {
  const of = new Map<number, MetricTuple[]>(runs.map(([, series]) => [series, []]));
  for (const value of values) of.get(value[0])?.push(value);
  return runs.map(([, series]) => of.get(series) ?? []);
}

/**
 * Values at the first step any run logged in each of `limit` equal intervals of the range, plus
 * at each run's first and last step. An interval's start step, when logged, is that first step:
 * it is read directly (one seek per run and step). Only intervals whose start no run logged need
 * a search for their first step, so an evenly logged history costs one seek per sampled step and run.
 */
async function sampledValues(database: DatabaseHandle, runs: SeriesRun[], range: StepRange, limit: number): Promise<MetricTuple[][]> {
  const span = range.end - range.start + 1;
  const targets = Array.from({ length: limit }, (_, i) => range.start + Math.floor((i * span) / limit));
  const bounds = runs.flatMap(([, , run]) => [run.start, run.end]);
  const series = runs.map(([, id]) => id);
  const values = await valuesAtSteps(database, series, [...new Set([...targets, ...bounds])]);
  const found = new Set<number>();
  for (const value of values) found.add(value[1]);
  const missing = targets.map((target, i) => ({ target, next: targets[i + 1] ?? range.end + 1 })).filter(({ target }) => !found.has(target));
  if (missing.length === 0) return byRun(runs, values);

  const chosen = new Map<number, number>();
  for (const [, id] of runs) {
    const firsts = await firstStepsFrom(database.db, id, missing.map(({ target }) => target), range.end);
    firsts.forEach((step, i) => {
      const { target, next } = missing[i] as { target: number; next: number };
      if (step !== null && step < next && step < (chosen.get(target) ?? Number.POSITIVE_INFINITY)) chosen.set(target, step);
    });
  }
  const extra = await valuesAtSteps(database, series, [...new Set(chosen.values())].filter((step) => !found.has(step)));
  const inOrder = (a: MetricTuple, b: MetricTuple) => a[1] - b[1] || a[2] - b[2] || a[3] - b[3];
  return byRun(runs, [...values, ...extra]).map((runValues) => runValues.sort(inOrder));
}

/** No more values in the range than asked for (so no more steps): all of them are returned, as MLflow does. */
async function fewSteps(database: DatabaseHandle, runs: SeriesRun[], range: StepRange, limit: number): Promise<boolean> {
  if (range.end - range.start + 1 <= limit) return true;
  let total = 0;
  for (const [, series] of runs) {
    total += await countInRange(database.db, series, range, limit - total + 1);
    if (total > limit) return false;
  }
  return true;
}

export async function metricHistoryBulkInterval(database: DatabaseHandle, input: BulkIntervalInput): Promise<MetricJson[]> {
  const { range: asked, limit } = validate(input);
  const runIds = [...new Set(input.runIds)];
  const searchRange = asked ?? { start: 0, end: Number.MAX_SAFE_INTEGER };
  const seriesIds = await seriesIdsOfRuns(database.db, runIds, input.metricKey);
  const runs: SeriesRun[] = [];
  for (const runId of runIds) {
    const series = seriesIds.get(runId);
    const bounds = series === undefined ? undefined : await stepBounds(database.db, series, searchRange);
    if (series !== undefined && bounds) runs.push([runId, series, bounds]);
  }
  if (runs.length === 0) return [];
  const range = asked ?? { start: 0, end: Math.max(...runs.map(([, , bounds]) => bounds.end)) };

  const values =
    (await fewSteps(database, runs, range, limit))
      ? await Promise.all(runs.map(([, series]) => valuesInRange(database, series, range)))
      : await sampledValues(database, runs, range, limit);
  const metrics: MetricJson[] = [];
  runs.forEach(([runId], i) => {
    for (const [, step, timestamp, value, isNan] of values[i] ?? []) metrics.push({ key: input.metricKey, value: isNan ? Number.NaN : value, timestamp, step, run_id: runId });
  });
  return metrics;
}
