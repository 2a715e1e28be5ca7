import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../../testing/build-test-app';
import { mlflowCall } from '../../testing/mlflow-call';
import { insertExperiment, insertRun } from '../../testing/mlflow-fixtures';

let t: TestApp;
let writer: Record<string, string>;
let viewer: Record<string, string>;

beforeAll(async () => {
  t = await buildTestApp();
  writer = (await t.userWithRole('data-scientist', 'alias-writer')).headers;
  viewer = (await t.userWithRole('viewer')).headers;
  const run = await insertRun(t.database.handle.db, await insertExperiment(t.database.handle.db));
  for (const name of ['fraud', 'spare']) {
    await mlflowCall(t, writer, 'POST', 'registered-models/create', { name });
    for (let i = 0; i < 3; i++) await mlflowCall(t, writer, 'POST', 'model-versions/create', { name, source: `runs:/${run.runId}/model` });
  }
});
afterAll(() => t.close());

const call = (method: 'GET' | 'POST' | 'PATCH' | 'DELETE', path: string, fields?: Record<string, unknown>, headers = writer) =>
  mlflowCall(t, headers, method, path, fields);
const audit = (entityId: string) =>
  t.database.handle.db.selectFrom('audit_events').select(['action', 'before_json', 'after_json']).where('entity_id', '=', entityId).orderBy('seq').execute();

describe('free aliases', () => {
  it('sets, re-points, reads and deletes an alias, auditing each move', async () => {
    expect((await call('POST', 'registered-models/alias', { name: 'fraud', alias: 'champion', version: '1' })).body).toEqual({});
    expect((await call('GET', 'registered-models/alias', { name: 'fraud', alias: 'champion' }, viewer)).body.model_version).toMatchObject({ version: '1', aliases: ['champion'] });
    await call('POST', 'registered-models/alias', { name: 'fraud', alias: 'champion', version: '2' });
    const model = await call('GET', 'registered-models/get', { name: 'fraud' }, viewer);
    expect(model.body.registered_model.aliases).toEqual([{ alias: 'champion', version: '2' }]);
    expect((await call('GET', 'model-versions/get', { name: 'fraud', version: '1' })).body.model_version).not.toHaveProperty('aliases');
    await call('DELETE', 'registered-models/alias', { name: 'fraud', alias: 'champion' });
    expect((await call('GET', 'registered-models/alias', { name: 'fraud', alias: 'champion' }, viewer))).toMatchObject({
      status: 404,
      body: { error_code: 'RESOURCE_DOES_NOT_EXIST', message: 'Registered model alias champion not found.' },
    });
    expect((await audit('fraud@champion')).map((e) => [e.action, e.before_json, e.after_json])).toEqual([
      ['model-alias.set', 'null', '{"version":1}'],
      ['model-alias.set', '{"version":1}', '{"version":2}'],
      ['model-alias.delete', '{"version":2}', 'null'],
    ]);
  });

  it('applies MLflow’s alias rules', async () => {
    for (const alias of ['latest', 'LATEST', 'v1', 'V12', 'has space', 'dot.ted', 'a'.repeat(256), '']) {
      expect((await call('POST', 'registered-models/alias', { name: 'fraud', alias, version: '1' })).status, alias).toBe(400);
    }
    for (const alias of ['v1a', 'version1', 'blue-green_2', 'a'.repeat(255)]) {
      expect((await call('POST', 'registered-models/alias', { name: 'fraud', alias, version: '1' })).status, alias).toBe(200);
    }
    expect((await call('POST', 'registered-models/alias', { name: 'fraud', alias: 'x', version: '9' })).status).toBe(404);
    expect((await call('POST', 'registered-models/alias', { name: 'ghost', alias: 'x', version: '1' })).status).toBe(404);
    expect((await call('POST', 'registered-models/alias', { name: 'fraud', alias: 'x', version: 'one' })).status).toBe(400);
    expect((await call('POST', 'registered-models/alias', { name: 'fraud', alias: 'x', version: '1' }, viewer)).status).toBe(403);
  });

  it('removes the aliases of a deleted version', async () => {
    await call('POST', 'registered-models/alias', { name: 'spare', alias: 'shadow', version: '3' });
    await call('DELETE', 'model-versions/delete', { name: 'spare', version: '3' });
    expect((await call('GET', 'registered-models/alias', { name: 'spare', alias: 'shadow' })).status).toBe(404);
    expect((await audit('spare@shadow')).map((e) => e.action)).toEqual(['model-alias.set', 'model-alias.delete']);
  });
});

describe('aliases owned by deployment environments', () => {
  it('refuses to move or remove them through MLflow, names the promotion flow and audits the attempt', async () => {
    const refused = await call('POST', 'registered-models/alias', { name: 'fraud', alias: 'production', version: '1' });
    expect(refused).toMatchObject({
      status: 403,
      body: {
        error_code: 'PERMISSION_DENIED',
        message: "The alias 'production' is owned by the production environment; request a promotion in Sextant to move it.",
      },
    });
    for (const alias of ['Production', 'STAGING', 'staging']) {
      expect((await call('POST', 'registered-models/alias', { name: 'fraud', alias, version: '1' })).status, alias).toBe(403);
    }
    expect((await call('DELETE', 'registered-models/alias', { name: 'fraud', alias: 'production' })).status).toBe(403);
    expect((await call('GET', 'registered-models/get', { name: 'fraud' })).body.registered_model.aliases?.map((a: { alias: string }) => a.alias) ?? []).not.toContain(
      'production',
    );
    const events = await audit('fraud@production');
    expect(events.map((e) => e.action)).toEqual(['model-alias.set-denied', 'model-alias.delete-denied']);
    expect(JSON.parse(events[0]?.after_json ?? '{}')).toEqual({ environment: 'production', requestedVersion: 1 });
  });

  it('protects whatever aliases an environment declares', async () => {
    await t.database.handle.db.updateTable('environments').set({ owned_aliases: JSON.stringify(['production', 'canary']) }).where('name', '=', 'production').execute();
    expect((await call('POST', 'registered-models/alias', { name: 'fraud', alias: 'canary', version: '1' })).status).toBe(403);
    expect((await call('POST', 'registered-models/alias', { name: 'fraud', alias: 'champion', version: '1' })).status).toBe(200);
  });

  it('keeps versions and models holding a protected alias (set by promotions) from being deleted', async () => {
    // The promotions module writes protected aliases itself.
    await t.database.handle.db.insertInto('registered_model_aliases').values({ name: 'fraud', alias: 'production', version: 2 }).execute();
    const version = await call('DELETE', 'model-versions/delete', { name: 'fraud', version: '2' });
    expect(version).toMatchObject({ status: 403, body: { error_code: 'PERMISSION_DENIED' } });
    expect(version.body.message).toMatch(/owned by the production environment.*promotion/);
    expect((await call('DELETE', 'registered-models/delete', { name: 'fraud' })).status).toBe(403);
    expect((await call('GET', 'model-versions/get', { name: 'fraud', version: '2' })).body.model_version.aliases).toContain('production');
  });

  it('keeps a version a deployment serves from being deleted', async () => {
    await t.database.handle.db
      .insertInto('deployments')
      .values({ model_name: 'spare', environment: 'staging', stable_version: 1, canary_version: null, canary_weight: 0, status: 'stable', revision: 1, updated_by: 'x', updated_at: Date.now() })
      .execute();
    expect((await call('DELETE', 'model-versions/delete', { name: 'spare', version: '1' })).body.message).toMatch(/serving in staging/);
    expect((await call('DELETE', 'registered-models/delete', { name: 'spare' })).body.message).toMatch(/deployed to staging/);
    expect((await call('DELETE', 'model-versions/delete', { name: 'spare', version: '2' })).status).toBe(200);
  });
});
