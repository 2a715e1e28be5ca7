import { acquireArena } from '../../db/blob-arenas';
import type { DatabaseHandle } from '../../db/database';
import { invalidParameter } from '../../errors';
import { type StepRange, countInRange, firstStepsFrom, stepBounds, stepsNoneLogged } from './metric-bulk-interval.repository';
import { historiesJsonAtSteps, historiesJsonInRange } from './metric-history-json.repository';
import { seriesIdsOfRuns } from './metric-series.repository';

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

/**
 * The first step any run logged in each of `limit` equal intervals of the range, plus each run's
 * first and last step. An interval's start step, when logged, is that first step; only intervals
 * whose start no run logged need a search for their first step, so an evenly logged history
 * costs one seek per sampled step.
 */
async function sampledSteps(database: DatabaseHandle, runs: SeriesRun[], range: StepRange, limit: number): Promise<number[]> {
  const span = range.end - range.start + 1;
  const targets = Array.from({ length: limit }, (_, i) => range.start + Math.floor((i * span) / limit));
  const steps = new Set([...targets, ...runs.flatMap(([, , run]) => [run.start, run.end])]);
  const unlogged = await stepsNoneLogged(database, runs.map(([, series]) => series), targets);
  if (unlogged.length === 0) return [...steps];

  // Targets rise strictly (the range holds more steps than asked for): each interval ends where the next begins.
  const nextOf = new Map(targets.map((target, i) => [target, targets[i + 1] ?? range.end + 1]));
  const chosen = new Map<number, number>();
  const firstsOfRuns = await Promise.all(runs.map(([, series]) => firstStepsFrom(database, series, unlogged, range.end)));
  for (const firsts of firstsOfRuns) {
    firsts.forEach((step, i) => {
      const target = unlogged[i] as number;
      const next = nextOf.get(target) as number;
      if (step !== null && step < next && step < (chosen.get(target) ?? Number.POSITIVE_INFINITY)) chosen.set(target, step);
    });
  }
  for (const target of unlogged) steps.delete(target);
  for (const step of chosen.values()) steps.add(step);
  return [...steps];
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

/** `{"metrics":[…]}` from each history's encoded values (`{}` when none: MLflow omits empty lists). */
function metricsBody(histories: Buffer[]): Buffer[] {
  if (histories.length === 0) return [Buffer.from('{}')];
  const parts: Buffer[] = [Buffer.from('{"metrics":[')];
  histories.forEach((history, i) => parts.push(...(i === 0 ? [history] : [Buffer.from(','), history])));
  parts.push(Buffer.from(']}'));
  return parts;
}

/** A response body already encoded as JSON, in parts; `release` frees the memory they live in once they are sent. */
export interface EncodedBody {
  parts: Buffer[];
  release(): void;
}

/** The response body: the runs' values in the order the runs were asked for. */
export async function metricHistoryBulkInterval(database: DatabaseHandle, input: BulkIntervalInput): Promise<EncodedBody> {
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
  if (runs.length === 0) return { parts: metricsBody([]), release: () => {} };
  const range = asked ?? { start: 0, end: Math.max(...runs.map(([, , bounds]) => bounds.end)) };

  const histories = runs.map(([runId, series]) => ({ runId, series }));
  const arena = acquireArena();
  try {
    const encoded = (await fewSteps(database, runs, range, limit))
      ? await historiesJsonInRange(database, arena, input.metricKey, histories, range)
      : await historiesJsonAtSteps(database, arena, input.metricKey, histories, await sampledSteps(database, runs, range, limit));
    return { parts: metricsBody(encoded), release: arena.release };
  } catch (error) {
    arena.release();
    throw error;
  }
}
