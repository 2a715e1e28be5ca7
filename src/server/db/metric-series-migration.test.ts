import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createEmptyDatabaseUrl } from '../testing/test-database';
import { type DatabaseHandle, openDatabase } from './database';
import { migrateToLatest, migrateUpTo } from './migrate';

// The metric-series migration moves every logged value into series-numbered rows, links intact.
let handle: DatabaseHandle;
let drop: () => Promise<void>;

beforeAll(async () => {
  const empty = await createEmptyDatabaseUrl();
  drop = empty.drop;
  handle = openDatabase(empty.url, { poolSize: 2 });
  await migrateUpTo(handle, '2026-11-29T10-30_runs-page-index');
});

afterAll(async () => {
  await handle.db.destroy();
  await drop();
});

describe('metric series migration', () => {
  it('numbers each run and key and copies its values', async () => {
    for (const run of ['run-a', 'run-b']) {
      await sql`insert into runs (run_uuid, experiment_id, run_name, user_id, status, start_time, end_time, lifecycle_stage, artifact_uri, deleted_time)
        values (${run}, 0, ${run}, 'u', 'RUNNING', 1, null, 'active', 'file:/a', null)`.execute(handle.db);
    }
    const old = [
      ['run-a', 'loss', 0, 10, 0.5, 0, null],
      ['run-a', 'loss', 1, 11, 0, 1, null],
      ['run-a', 'acc', 0, 10, 0.9, 0, 'model-1'],
      ['run-b', 'loss', 0, 12, 0.7, 0, null],
    ] as const;
    for (const [run, key, step, timestamp, value, isNan, model] of old) {
      await sql`insert into metrics (run_uuid, key, step, timestamp, value, is_nan, model_id, dataset_name, dataset_digest)
        values (${run}, ${key}, ${step}, ${timestamp}, ${value}, ${isNan}, ${model}, null, null)`.execute(handle.db);
    }
    await migrateToLatest(handle);

    const rows = await handle.db
      .selectFrom('metrics as m')
      .innerJoin('metric_series as s', 's.series_id', 'm.series_id')
      .select(['s.run_uuid', 's.key', 'm.step', 'm.timestamp', 'm.value', 'm.is_nan', 'm.model_id'])
      .orderBy('s.run_uuid')
      .orderBy('s.key', 'desc')
      .orderBy('m.step')
      .execute();
    expect(rows.map((r) => [r.run_uuid, r.key, Number(r.step), Number(r.timestamp), r.value, r.is_nan, r.model_id])).toEqual(old);
    expect(await handle.db.selectFrom('metric_series').select(sql<number>`count(*)`.as('n')).executeTakeFirstOrThrow()).toEqual({ n: 3 });

    // Deleting a run deletes its histories.
    await handle.db.deleteFrom('runs').where('run_uuid', '=', 'run-a').execute();
    const left = await handle.db.selectFrom('metrics as m').innerJoin('metric_series as s', 's.series_id', 'm.series_id').select('s.run_uuid').execute();
    expect(left).toEqual([{ run_uuid: 'run-b' }]);
  });
});
