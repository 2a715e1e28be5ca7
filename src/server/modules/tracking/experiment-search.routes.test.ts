import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../../testing/build-test-app';
import { type LooseJson, mlflowCall } from '../../testing/mlflow-call';

let t: TestApp;
let viewer: Record<string, string>;
const prefix = 'es-';

/** Experiments with controlled times, written directly (the create route stamps the clock). */
async function experiment(name: string, created: number, updated: number, tags: Record<string, string> = {}, deleted = false): Promise<string> {
  const db = t.database.handle.db;
  const row = await db
    .insertInto('experiments')
    .values({ name: prefix + name, artifact_location: 'x', lifecycle_stage: deleted ? 'deleted' : 'active', creation_time: created, last_update_time: updated })
    .returning('experiment_id')
    .executeTakeFirstOrThrow();
  for (const [key, value] of Object.entries(tags)) await db.insertInto('experiment_tags').values({ experiment_id: Number(row.experiment_id), key, value }).execute();
  return String(row.experiment_id);
}

const names = (body: LooseJson): string[] => (body.experiments ?? []).map((e: LooseJson) => String(e.name).slice(prefix.length));
const search = (fields: Record<string, unknown>, method: 'GET' | 'POST' = 'POST') =>
  mlflowCall(t, viewer, method, 'experiments/search', { ...fields, filter: [`name LIKE '${prefix}%'`, fields.filter].filter(Boolean).join(' and ') });

beforeAll(async () => {
  t = await buildTestApp();
  viewer = (await t.userWithRole('viewer')).headers;
  await experiment('alpha', 1000, 5000, { team: 'vision', 'mlflow.note.content': 'first' });
  await experiment('beta', 2000, 4000, { team: 'nlp' });
  await experiment('gamma', 3000, 3000);
  await experiment('delta', 3000, 2000, { team: 'Vision' });
  await experiment('gone', 4000, 1000, {}, true);
});
afterAll(() => t.close());

describe('experiments/search', () => {
  it('lists active experiments newest first, ties by id ascending, with tags', async () => {
    const response = await search({});
    expect(response.status).toBe(200);
    expect(names(response.body)).toEqual(['gamma', 'delta', 'beta', 'alpha']);
    const alpha = response.body.experiments[3];
    expect(alpha).toMatchObject({ creation_time: 1000, last_update_time: 5000, lifecycle_stage: 'active' });
    expect(alpha.tags).toContainEqual({ key: 'team', value: 'vision' });
    expect(typeof alpha.experiment_id).toBe('string');
  });

  it('filters on name, times and tags with every operator', async () => {
    expect(names((await search({ filter: `name = '${prefix}beta'` })).body)).toEqual(['beta']);
    expect(names((await search({ filter: `name != '${prefix}beta'` })).body)).toEqual(['gamma', 'delta', 'alpha']);
    expect(names((await search({ filter: "name ILIKE '%ALPHA'" })).body)).toEqual(['alpha']);
    expect(names((await search({ filter: 'creation_time > 1000 and creation_time <= 2000' })).body)).toEqual(['beta']);
    expect(names((await search({ filter: 'last_update_time >= 4000' })).body)).toEqual(['beta', 'alpha']);
    expect(names((await search({ filter: 'creation_time < 2000' })).body)).toEqual(['alpha']);
    expect(names((await search({ filter: 'creation_time = 3000' })).body)).toEqual(['gamma', 'delta']);
    expect(names((await search({ filter: 'last_update_time != 3000' })).body)).toEqual(['delta', 'beta', 'alpha']);
    expect(names((await search({ filter: "tags.team = 'vision'" })).body)).toEqual(['alpha']);
    expect(names((await search({ filter: "tags.team LIKE 'V%'" })).body)).toEqual(['delta']);
    expect(names((await search({ filter: "tags.team ILIKE 'v%'" })).body)).toEqual(['delta', 'alpha']);
    expect(names((await search({ filter: "tags.team != 'nlp'" })).body)).toEqual(['delta', 'alpha']);
    expect(names((await search({ filter: "tags.`mlflow.note.content` = 'first'" })).body)).toEqual(['alpha']);
  });

  it('orders by each key, ties by experiment id descending', async () => {
    expect(names((await search({ order_by: ['name'] })).body)).toEqual(['alpha', 'beta', 'delta', 'gamma']);
    expect(names((await search({ order_by: ['last_update_time DESC'] })).body)).toEqual(['alpha', 'beta', 'gamma', 'delta']);
    expect(names((await search({ order_by: ['creation_time'] })).body)).toEqual(['alpha', 'beta', 'delta', 'gamma']);
    expect(names((await search({ order_by: ['experiment_id DESC'] })).body)).toEqual(['delta', 'gamma', 'beta', 'alpha']);
  });

  it('honours view_type and answers GET with query-string fields', async () => {
    expect(names((await search({ view_type: 'DELETED_ONLY' })).body)).toEqual(['gone']);
    expect(names((await search({ view_type: 'ALL' })).body)).toEqual(['gone', 'gamma', 'delta', 'beta', 'alpha']);
    const viaGet = await search({ max_results: 2, order_by: 'name' }, 'GET');
    expect(viaGet.status).toBe(200);
    expect(names(viaGet.body)).toEqual(['alpha', 'beta']);
  });

  it('pages with tokens and refuses bad ones', async () => {
    const seen: string[] = [];
    let page_token: string | undefined;
    do {
      const response = await search({ max_results: 3, view_type: 'ALL', ...(page_token && { page_token }) });
      seen.push(...names(response.body));
      page_token = response.body.next_page_token;
    } while (page_token);
    expect(seen).toEqual(['gone', 'gamma', 'delta', 'beta', 'alpha']);
    const bad = await search({ page_token: '%%%' });
    expect(bad.status).toBe(400);
    expect(bad.body.error_code).toBe('INVALID_PARAMETER_VALUE');
    expect((await search({ max_results: 50_001 })).body.error_code).toBe('INVALID_PARAMETER_VALUE');
  });

  it('answers bad filters and order_by with INVALID_PARAMETER_VALUE naming the token', async () => {
    const cases: Array<[Record<string, unknown>, RegExp]> = [
      [{ filter: 'metrics.a > 1' }, /Invalid entity type 'metrics' for experiment search/],
      [{ filter: "artifact_location = 'x'" }, /Invalid attribute key 'artifact_location'/],
      [{ filter: "name IN ('a')" }, /expected one of =, !=, LIKE, ILIKE/],
      [{ order_by: ['tags.team'] }, /Invalid order_by entity 'tags'/],
      [{ order_by: ['name upward'] }, /Invalid ordering keyword 'upward'/],
      [{ view_type: 'NONE' }, /view_type/],
    ];
    for (const [fields, message] of cases) {
      const response = await search(fields);
      expect(response.status).toBe(400);
      expect(response.body.error_code).toBe('INVALID_PARAMETER_VALUE');
      expect(response.body.message).toMatch(message);
    }
  });
});
