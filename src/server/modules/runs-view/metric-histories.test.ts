import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MetricSeries } from '../../../shared/contract/metric-history';
import { buildTestApp, type TestApp } from '../../testing/build-test-app';
import { mlflowCall } from '../../testing/mlflow-call';
import { metricBlockSizes } from '../tracking/metric-blocks.repository';

// Long histories logged through the MLflow API are charted from tracking's block summaries.
let t: TestApp;
let writer: Record<string, string>;
let runId: string;
const steps = 20_000;
const spikeStep = 12_345;
const start = 1_700_000_000_000;

const lossAt = (step: number): number | string => (step === spikeStep ? 500 : step === 7000 ? 'NaN' : step === 9000 ? 'Infinity' : 1 / (step + 1));

beforeAll(async () => {
  t = await buildTestApp();
  writer = (await t.userWithRole('data-scientist')).headers;
  const experimentId = (await mlflowCall(t, writer, 'POST', 'experiments/create', { name: 'long histories' })).body.experiment_id;
  runId = (await mlflowCall(t, writer, 'POST', 'runs/create', { experiment_id: experimentId, start_time: start })).body.run.info.run_id;
  const batch = (from: number) =>
    Array.from({ length: 500 }, (_, i) => {
      const step = from + i;
      // `loss` rises in wall time with the step; `shuffled` was logged with its steps out of time order.
      return [
        { key: 'loss', value: lossAt(step), step, timestamp: start + step * 10 },
        { key: 'shuffled', value: step === spikeStep ? -500 : 1, step, timestamp: start + ((step * 7919) % steps) * 10 },
      ];
    }).flat();
  for (let from = 0; from < steps; from += 500) {
    const res = await mlflowCall(t, writer, 'POST', 'runs/log-batch', { run_id: runId, metrics: batch(from) });
    expect(res.status).toBe(200);
  }
  // An exact repeat adds no history row, so it must not count twice.
  await mlflowCall(t, writer, 'POST', 'runs/log-batch', { run_id: runId, metrics: batch(spikeStep - 45) });
}, 120_000);
afterAll(() => t.close());

/** A series with its x and y arrays zipped into `[x, y]` points, to assert on. */
type PointSeries = MetricSeries & { points: Array<[number, number | null]> };

const histories = async (body: object): Promise<PointSeries[]> =>
  (await t.request<{ series: MetricSeries[] }>({ method: 'POST', url: '/api/v1/runs/metric-histories', headers: writer, payload: body })).body.series.map((s) => ({
    ...s,
    points: s.xs.map((x, i): [number, number | null] => [x, s.ys[i] ?? null]),
  }));

function expectWellFormed(series: PointSeries, maxPoints: number) {
  expect(series.points.length).toBeLessThanOrEqual(maxPoints + 10);
  expect(series.points.length).toBeGreaterThan(maxPoints / 4);
  for (let i = 1; i < series.points.length; i++) expect(series.points[i]![0]).toBeGreaterThanOrEqual(series.points[i - 1]![0]);
}

describe('long metric histories', () => {
  it('count every value once and keep the spike and the gaps, by step', async () => {
    const [loss] = await histories({ runIds: [runId], metrics: ['loss'], maxPoints: 200 });
    expect(loss).toMatchObject({ rawCount: steps, nonFiniteCount: 2, downsampled: true });
    expectWellFormed(loss!, 200);
    expect(Math.max(...loss!.points.map(([, y]) => y ?? 0))).toBe(500);
    expect(loss!.points.filter(([, y]) => y === null).length).toBeGreaterThanOrEqual(1);
    expect(loss!.points[0]).toEqual([0, 1]);
    expect(loss!.points.at(-1)![0]).toBe(steps - 1);
  });

  it('place the values on wall time, and relative to the run start', async () => {
    const [time] = await histories({ runIds: [runId], metrics: ['loss'], maxPoints: 200, xAxis: 'time' });
    expectWellFormed(time!, 200);
    expect(time!.points[0]![0]).toBe(start);
    expect(time!.points.at(-1)![0]).toBe(start + (steps - 1) * 10);
    expect(Math.max(...time!.points.map(([, y]) => y ?? 0))).toBe(500);
    const [relative] = await histories({ runIds: [runId], metrics: ['loss'], maxPoints: 200, xAxis: 'relative' });
    expect(relative!.points.map(([x, y]) => [x + start, y])).toEqual(time!.points);
  });

  it('are drawn from the block summaries, not from every value', async () => {
    const db = t.database.handle.db;
    const spikeBlock = (size: number) => db.updateTable('metric_blocks').where('run_uuid', '=', runId).where('key', '=', 'loss').where('block_size', '=', size).where('block_index', '=', Math.floor(spikeStep / size));
    await spikeBlock(256).set({ value_max: 777 }).execute();
    const [loss] = await histories({ runIds: [runId], metrics: ['loss'], maxPoints: 200 });
    await spikeBlock(256).set({ value_max: 500 }).execute();
    expect(Math.max(...loss!.points.map(([, y]) => y ?? 0))).toBe(777);
  });

  it('read the values when wall time does not follow the steps', async () => {
    const [shuffled] = await histories({ runIds: [runId], metrics: ['shuffled'], maxPoints: 200, xAxis: 'time' });
    expect(shuffled).toMatchObject({ rawCount: steps, nonFiniteCount: 0 });
    expectWellFormed(shuffled!, 200);
    expect(Math.min(...shuffled!.points.map(([, y]) => y ?? 0))).toBe(-500);
  });

  it('have block summaries equal to those aggregated afresh from the history', async () => {
    const db = t.database.handle.db;
    const numbers = (row: object) => Object.fromEntries(Object.entries(row).map(([k, v]) => [k, typeof v === 'string' && k !== 'run_uuid' && k !== 'key' ? Number(v) : v]));
    const read = async () =>
      (await db.selectFrom('metric_blocks').selectAll().orderBy('run_uuid').orderBy('key').orderBy('block_size').orderBy('block_index').execute()).map(numbers);
    const maintained = await read();
    expect(maintained.length).toBeGreaterThan(2 * (steps / 16));
    // What the metric-blocks migration computes (floor division on both dialects), over today's tables.
    const finite = sql`(m.is_nan = 0 and m.value <= 1.7e308 and m.value >= -1.7e308)`;
    const aggregated = [];
    for (const size of metricBlockSizes) {
      const block = sql`(m.step - ((m.step % ${sql.lit(size)}) + ${sql.lit(size)}) % ${sql.lit(size)}) / ${sql.lit(size)}`;
      const { rows } = await sql<object>`select s.run_uuid as run_uuid, s.key as key, ${sql.lit(size)} as block_size, ${block} as block_index,
          min(m.step) as step_min, max(m.step) as step_max, min(m.timestamp) as time_min, max(m.timestamp) as time_max,
          min(case when ${finite} then m.value end) as value_min, max(case when ${finite} then m.value end) as value_max,
          count(*) as value_count, sum(case when ${finite} then 0 else 1 end) as non_finite
        from metrics as m join metric_series as s on s.series_id = m.series_id
        group by s.run_uuid, s.key, ${block}`.execute(db);
      aggregated.push(...rows.map(numbers));
    }
    const order = (a: Record<string, unknown>, b: Record<string, unknown>) =>
      String(a.run_uuid).localeCompare(String(b.run_uuid)) || String(a.key).localeCompare(String(b.key)) || Number(a.block_size) - Number(b.block_size) || Number(a.block_index) - Number(b.block_index);
    expect(aggregated.sort(order)).toEqual([...maintained].sort(order));
  });
});
