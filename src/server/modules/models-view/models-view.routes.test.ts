import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ModelSummary, VersionDetail, VersionRow } from '../../../shared/contract/models';
import { buildTestApp, type TestApp } from '../../testing/build-test-app';
import { seedDeployment, seedExperiment, seedModel, seedRun, seedVersion } from '../../testing/lineage-fixtures';

let t: TestApp;
let viewer: Record<string, string>;
let scientist: Record<string, string>;
const odd = 'fraud/détecteur v2 ✓';
const url = (name: string, rest = '') => `/api/v1/models/${encodeURIComponent(name)}${rest}`;

const signature = {
  inputs: '[{"type": "double", "name": "tenure", "required": true}, {"type": "string", "name": "plan", "required": false}]',
  outputs: '[{"type": "tensor", "tensor-spec": {"dtype": "float32", "shape": [-1, 2]}}]',
  params: '[{"name": "threshold", "type": "double", "default": 0.5, "shape": null}]',
};

beforeAll(async () => {
  t = await buildTestApp();
  viewer = (await t.userWithRole('viewer')).headers;
  scientist = (await t.userWithRole('data-scientist')).headers;
  const db = t.database.handle.db;
  const experimentId = await seedExperiment(db);
  await seedModel(db, 'churn', { tags: { team: 'risk' }, updated: 3000 });
  await seedModel(db, odd, { updated: 2000 });
  await seedModel(db, 'fraud', { updated: 1000 });
  await seedModel(db, 'a-prompt', { tags: { 'mlflow.prompt.is_prompt': 'true' } });
  const runs = [];
  for (const [index, auc] of [0.81, 0.86].entries()) {
    runs.push(await seedRun(db, { experimentId, name: `train-${index + 1}`, metrics: { auc }, params: { depth: String(4 + index) }, datasets: [{ name: 'customers', digest: `d${index}`, context: 'training' }] }));
  }
  await seedVersion(db, { name: 'churn', version: 1, runId: runs[0] ?? null, aliases: ['production'] });
  await seedVersion(db, {
    name: 'churn',
    version: 2,
    runId: runs[1] ?? null,
    aliases: ['champion'],
    mlmodel: { flavors: { python_function: { loader_module: 'mlflow.sklearn', env: { conda: 'conda.yaml' } }, sklearn: { sklearn_version: '1.5.0' } }, signature, savedInputExampleInfo: { artifact_path: 'input_example.json', type: 'dataframe' }, modelSizeBytes: 2048, mlflowVersion: '3.1.0' },
  });
  await seedVersion(db, { name: 'churn', version: 3, runId: runs[1] ?? null, deleted: true });
  await seedVersion(db, { name: odd, version: 1, runId: null });
  await seedDeployment(db, { model: 'churn', environment: 'production', stable: 1 });
});
afterAll(() => t.close());

describe('models list', () => {
  it('lists models (not prompts) with aliases, latest version, what serves and the owner', async () => {
    const response = await t.request<{ items: ModelSummary[]; nextCursor: string | null }>({ method: 'GET', url: '/api/v1/models', headers: viewer });
    expect(response.status).toBe(200);
    expect(response.body.items.map((m) => m.name)).toEqual(['churn', odd, 'fraud']);
    expect(response.body.items[0]).toMatchObject({
      latestVersion: 2,
      versionCount: 2,
      owner: 'ada',
      aliases: [{ alias: 'champion', version: 2, ownedBy: null }, { alias: 'production', version: 1, ownedBy: 'production' }],
      serving: [{ environment: 'production', stableVersion: 1 }],
    });
  });

  it('searches by name and tag, sorts and pages with a cursor', async () => {
    const list = (query: string) => t.request<{ items: ModelSummary[]; nextCursor: string | null }>({ method: 'GET', url: `/api/v1/models?${query}`, headers: viewer });
    expect((await list('q=FRAUD')).body.items.map((m) => m.name)).toEqual([odd, 'fraud']);
    expect((await list('q=%25')).body.items).toEqual([]);
    expect((await list('tag=team%3Drisk')).body.items.map((m) => m.name)).toEqual(['churn']);
    expect((await list('tag=team%3Dother')).body.items).toEqual([]);
    const first = await list('sort=name&limit=2');
    expect(first.body.items.map((m) => m.name)).toEqual(['churn', 'fraud']);
    const second = await list(`sort=name&limit=2&cursor=${first.body.nextCursor}`);
    expect(second.body).toMatchObject({ items: [{ name: odd }], nextCursor: null });
    const updated = await list('sort=-updated&limit=1');
    const next = await list(`sort=-updated&limit=1&cursor=${updated.body.nextCursor}`);
    expect([updated.body.items[0]?.name, next.body.items[0]?.name]).toEqual(['churn', odd]);
    expect((await list('cursor=garbage')).status).toBe(400);
  });

  it('answers 404 for an unknown model and finds names with slashes and unicode', async () => {
    expect((await t.request({ method: 'GET', url: url('nope'), headers: viewer })).status).toBe(404);
    expect((await t.request<ModelSummary>({ method: 'GET', url: url(odd), headers: viewer })).body).toMatchObject({ name: odd, latestVersion: 1 });
    expect((await t.request({ method: 'GET', url: url('fraud/détecteur'), headers: viewer })).status).toBe(404);
  });
});

describe('versions', () => {
  it('lists versions newest first with run, metrics, datasets, and deleted ones marked', async () => {
    const response = await t.request<{ items: VersionRow[]; nextCursor: string | null }>({ method: 'GET', url: url('churn', '/versions?limit=2'), headers: viewer });
    expect(response.body.items.map((v) => [v.version, v.status])).toEqual([[3, 'DELETED'], [2, 'READY']]);
    expect(response.body.items[1]).toMatchObject({ runName: 'train-2', registeredBy: 'ada', metrics: [{ key: 'auc', value: 0.86 }], datasets: [{ name: 'customers', digest: 'd1', context: 'training' }], aliases: ['champion'] });
    const rest = await t.request<{ items: VersionRow[] }>({ method: 'GET', url: url('churn', `/versions?limit=2&cursor=${response.body.nextCursor}`), headers: viewer });
    expect(rest.body.items.map((v) => v.version)).toEqual([1]);
  });

  it('shows a version with its signature table, flavors, input example, params and where it serves', async () => {
    const v2 = await t.request<VersionDetail>({ method: 'GET', url: url('churn', '/versions/2'), headers: viewer });
    expect(v2.body.signature).toEqual({
      inputs: [{ name: 'tenure', type: 'double', optional: false, shape: null }, { name: 'plan', type: 'string', optional: true, shape: null }],
      outputs: [{ name: null, type: 'tensor<float32>', optional: false, shape: '(-1, 2)' }],
      params: [{ name: 'threshold', type: 'double', default: '0.5' }],
    });
    expect(v2.body.flavors).toEqual([
      { name: 'python_function', details: [{ key: 'loader_module', value: 'mlflow.sklearn' }, { key: 'env.conda', value: 'conda.yaml' }] },
      { name: 'sklearn', details: [{ key: 'sklearn_version', value: '1.5.0' }] },
    ]);
    expect(v2.body).toMatchObject({ sizeBytes: 2048, mlflowVersion: '3.1.0', inputExample: [{ key: 'artifact_path', value: 'input_example.json' }, { key: 'type', value: 'dataframe' }], params: [{ key: 'depth', value: '5' }] });
    const v1 = await t.request<VersionDetail>({ method: 'GET', url: url('churn', '/versions/1'), headers: viewer });
    expect(v1.body.serving).toMatchObject([{ environment: 'production', role: 'stable' }]);
    expect((await t.request<VersionDetail>({ method: 'GET', url: url('churn', '/versions/3'), headers: viewer })).body.status).toBe('DELETED');
    expect((await t.request({ method: 'GET', url: url('churn', '/versions/9'), headers: viewer })).status).toBe(404);
    expect((await t.request({ method: 'GET', url: url('churn', '/versions/abc'), headers: viewer })).status).toBe(400);
  });

  it('compares two versions', async () => {
    const response = await t.request<{ a: VersionDetail; b: VersionDetail }>({ method: 'GET', url: url('churn', '/compare?a=1&b=2'), headers: viewer });
    expect(response.body.a.metrics).toEqual([{ key: 'auc', value: 0.81 }]);
    expect(response.body.b.params).toEqual([{ key: 'depth', value: '5' }]);
  });

  it('summarises monitoring for a version with no traffic', async () => {
    const response = await t.request({ method: 'GET', url: url('churn', '/versions/1/monitoring'), headers: viewer });
    expect(response.body).toMatchObject({ events: 0, hasReference: false, driftShare: null });
  });
});

describe('editing', () => {
  it('lets a data scientist edit descriptions and tags, audited; a viewer may not', async () => {
    const patch = await t.request<ModelSummary>({ method: 'PATCH', url: url(odd), headers: scientist, payload: { description: '# Fraud\n<script>x</script>' } });
    expect(patch.body.description).toBe('# Fraud\n<script>x</script>');
    expect((await t.request({ method: 'PUT', url: url(odd, '/tags/owner%20team'), headers: scientist, payload: { value: 'risk' } })).status).toBe(200);
    expect((await t.request<ModelSummary>({ method: 'GET', url: url(odd), headers: viewer })).body.tags).toEqual([{ key: 'owner team', value: 'risk' }]);
    expect((await t.request({ method: 'DELETE', url: url(odd, '/tags/owner%20team'), headers: scientist })).status).toBe(200);
    expect((await t.request({ method: 'PUT', url: url('churn', '/versions/2/tags/stage'), headers: scientist, payload: { value: 'candidate' } })).status).toBe(200);
    const v2 = await t.request<VersionDetail>({ method: 'PATCH', url: url('churn', '/versions/2'), headers: scientist, payload: { description: 'Better recall' } });
    expect(v2.body).toMatchObject({ description: 'Better recall', tags: [{ key: 'stage', value: 'candidate' }] });
    expect((await t.request({ method: 'PATCH', url: url(odd), headers: viewer, payload: { description: 'x' } })).status).toBe(403);
    const events = await t.database.handle.db.selectFrom('audit_events').select(['action', 'entity_id']).where('entity_id', 'in', [odd, 'churn/2']).execute();
    expect(events.map((e) => e.action).sort()).toEqual(['model-version.set-tag', 'model-version.update', 'registered-model.delete-tag', 'registered-model.set-tag', 'registered-model.update']);
  });

  it('moves free aliases but refuses owned ones, naming the promotion flow', async () => {
    expect((await t.request({ method: 'PUT', url: url('churn', '/aliases/challenger'), headers: scientist, payload: { version: 2 } })).status).toBe(200);
    expect((await t.request({ method: 'DELETE', url: url('churn', '/aliases/champion'), headers: scientist })).status).toBe(200);
    const owned = await t.request<{ error: { message: string } }>({ method: 'PUT', url: url('churn', '/aliases/Production'), headers: scientist, payload: { version: 2 } });
    expect(owned.status).toBe(403);
    expect(owned.body.error.message).toMatch(/production environment.*promotion/);
    expect((await t.request({ method: 'DELETE', url: url('churn', '/aliases/production'), headers: scientist })).status).toBe(403);
    const aliases = (await t.request<ModelSummary>({ method: 'GET', url: url('churn'), headers: viewer })).body.aliases;
    expect(aliases).toEqual([{ alias: 'challenger', version: 2, ownedBy: null }, { alias: 'production', version: 1, ownedBy: 'production' }]);
  });
});
