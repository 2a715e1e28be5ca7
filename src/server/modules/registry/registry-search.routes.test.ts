import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../../testing/build-test-app';
import { type LooseJson, mlflowCall } from '../../testing/mlflow-call';
import { insertExperiment, insertRun } from '../../testing/mlflow-fixtures';

let t: TestApp;
let writer: Record<string, string>;
let runA: string;
let runB: string;

const call = (method: 'GET' | 'POST' | 'PATCH' | 'DELETE', path: string, fields?: Record<string, unknown>) => mlflowCall(t, writer, method, path, fields);
const names = (body: LooseJson) => (body.registered_models ?? []).map((m: LooseJson) => m.name);
const versions = (body: LooseJson) => (body.model_versions ?? []).map((v: LooseJson) => `${v.name}/${v.version}`);

beforeAll(async () => {
  t = await buildTestApp();
  writer = (await t.userWithRole('data-scientist')).headers;
  const experimentId = await insertExperiment(t.database.handle.db);
  runA = (await insertRun(t.database.handle.db, experimentId)).runId;
  runB = (await insertRun(t.database.handle.db, experimentId)).runId;
  const models: Array<[string, Record<string, string>]> = [
    ['alpha', { team: 'growth' }],
    ['beta', { team: 'risk' }],
    ['Gamma', { team: 'growth', tier: 'gold' }],
    ['delta', {}],
    ['my-prompt', { 'mlflow.prompt.is_prompt': 'true' }],
  ];
  for (const [name, tags] of models) {
    await call('POST', 'registered-models/create', { name, tags: Object.entries(tags).map(([key, value]) => ({ key, value })) });
  }
  for (const [name, run] of [['alpha', runA], ['alpha', runB], ['alpha', runA], ['beta', runB], ['Gamma', runA]] as const) {
    await call('POST', 'model-versions/create', { name, source: `runs:/${run}/model`, run_id: run });
  }
  await call('POST', 'model-versions/set-tag', { name: 'alpha', version: '2', key: 'validated', value: 'true' });
  await call('DELETE', 'model-versions/delete', { name: 'alpha', version: '3' });
});
afterAll(() => t.close());

describe('registered-models/search', () => {
  it('filters by name and tags, leaving prompts out unless asked for', async () => {
    expect(names((await call('GET', 'registered-models/search')).body)).toEqual(['Gamma', 'alpha', 'beta', 'delta']);
    expect(names((await call('GET', 'registered-models/search', { filter: "name = 'alpha'" })).body)).toEqual(['alpha']);
    expect(names((await call('GET', 'registered-models/search', { filter: "name != 'alpha'" })).body)).toEqual(['Gamma', 'beta', 'delta']);
    expect(names((await call('GET', 'registered-models/search', { filter: "name LIKE '%a'" })).body)).toEqual(['Gamma', 'alpha', 'beta', 'delta']);
    expect(names((await call('GET', 'registered-models/search', { filter: "name LIKE 'g%'" })).body)).toEqual([]);
    expect(names((await call('GET', 'registered-models/search', { filter: "name ILIKE 'g%'" })).body)).toEqual(['Gamma']);
    expect(names((await call('GET', 'registered-models/search', { filter: "name LIKE '_eta'" })).body)).toEqual(['beta']);
    expect(names((await call('GET', 'registered-models/search', { filter: "tags.team = 'growth' and tags.tier = 'gold'" })).body)).toEqual(['Gamma']);
    expect(names((await call('GET', 'registered-models/search', { filter: "tags.team != 'growth'" })).body)).toEqual(['beta']);
    expect(names((await call('GET', 'registered-models/search', { filter: "tags.`mlflow.prompt.is_prompt` = 'true'" })).body)).toEqual(['my-prompt']);
  });

  it('includes tags, aliases and latest versions in results', async () => {
    const [alpha] = (await call('GET', 'registered-models/search', { filter: "name = 'alpha'" })).body.registered_models;
    expect(alpha).toMatchObject({ name: 'alpha', tags: [{ key: 'team', value: 'growth' }], latest_versions: [{ version: '2', current_stage: 'None' }] });
  });

  it('orders by name or last update and pages with tokens', async () => {
    expect(names((await call('GET', 'registered-models/search', { order_by: ['name DESC'] })).body)).toEqual(['delta', 'beta', 'alpha', 'Gamma']);
    await call('PATCH', 'registered-models/update', { name: 'beta', description: 'touched' });
    expect(names((await call('GET', 'registered-models/search', { order_by: ['timestamp DESC'] })).body)[0]).toBe('beta');
    const first = await call('GET', 'registered-models/search', { max_results: 3 });
    expect(names(first.body)).toEqual(['Gamma', 'alpha', 'beta']);
    const second = await call('GET', 'registered-models/search', { max_results: 3, page_token: first.body.next_page_token });
    expect(names(second.body)).toEqual(['delta']);
    expect(second.body.next_page_token).toBeUndefined();
  });

  it('refuses bad filters, orderings, limits and tokens with INVALID_PARAMETER_VALUE', async () => {
    const badFilter = await call('GET', 'registered-models/search', { filter: "name = 'a' or name = 'b'" });
    expect(badFilter).toMatchObject({ status: 400, body: { error_code: 'INVALID_PARAMETER_VALUE' } });
    expect(badFilter.body.message).toMatch(/OR is not supported at position 11/);
    expect((await call('GET', 'registered-models/search', { filter: "metrics.x > 1" })).status).toBe(400);
    expect((await call('GET', 'registered-models/search', { filter: "name > 'a'" })).status).toBe(400);
    expect((await call('GET', 'registered-models/search', { order_by: ['name', 'name DESC'] })).status).toBe(400);
    expect((await call('GET', 'registered-models/search', { order_by: ['creation_timestamp'] })).status).toBe(400);
    expect((await call('GET', 'registered-models/search', { max_results: 1001 })).status).toBe(400);
    expect((await call('GET', 'registered-models/search', { max_results: 0 })).status).toBe(400);
    expect((await call('GET', 'registered-models/search', { page_token: 'not a token' })).status).toBe(400);
    expect((await call('GET', 'registered-models/search', { page_token: Buffer.from('{"offset":-1}').toString('base64') })).status).toBe(400);
  });
});

describe('model-versions/search', () => {
  it('filters by name, run_id, source, version number and tags, skipping deleted versions', async () => {
    expect(versions((await call('GET', 'model-versions/search', { filter: "name = 'alpha'" })).body)).toEqual(['alpha/2', 'alpha/1']);
    expect(versions((await call('GET', 'model-versions/search', { filter: `run_id = '${runB}'`, order_by: ['name'] })).body)).toEqual(['alpha/2', 'beta/1']);
    const inList = await call('GET', 'model-versions/search', { filter: `name = 'alpha' and run_id IN ('${runA}', '${runB.toUpperCase()}')` });
    expect(versions(inList.body)).toEqual(['alpha/1']);
    expect(versions((await call('GET', 'model-versions/search', { filter: `source_path = 'runs:/${runA}/model'`, order_by: ['name ASC'] })).body)).toEqual([
      'Gamma/1',
      'alpha/1',
    ]);
    expect(versions((await call('GET', 'model-versions/search', { filter: "name = 'alpha' and version_number > 1" })).body)).toEqual(['alpha/2']);
    expect(versions((await call('GET', 'model-versions/search', { filter: "tags.validated = 'true'" })).body)).toEqual(['alpha/2']);
  });

  it('orders by last update by default, then name and version, and pages', async () => {
    const all: LooseJson[] = (await call('GET', 'model-versions/search')).body.model_versions;
    expect(all.map((v) => `${v.name}/${v.version}`).sort()).toEqual(['Gamma/1', 'alpha/1', 'alpha/2', 'beta/1']);
    const stamps = all.map((v) => v.last_updated_timestamp as number);
    expect(stamps).toEqual([...stamps].sort((a, b) => b - a));
    const ordered = await call('GET', 'model-versions/search', { order_by: ['name ASC', 'version_number ASC'] });
    expect(versions(ordered.body)).toEqual(['Gamma/1', 'alpha/1', 'alpha/2', 'beta/1']);
    const first = await call('GET', 'model-versions/search', { max_results: 2, order_by: ['name ASC'] });
    const second = await call('GET', 'model-versions/search', { max_results: 2, order_by: ['name ASC'], page_token: first.body.next_page_token });
    expect([...versions(first.body), ...versions(second.body)]).toEqual(['Gamma/1', 'alpha/2', 'alpha/1', 'beta/1']);
    expect(second.body.next_page_token).toBeUndefined();
    expect((await call('GET', 'model-versions/search', { max_results: 200_001 })).status).toBe(400);
    expect((await call('GET', 'model-versions/search', { filter: "version_number = 'one'" })).status).toBe(400);
  });
});
