import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Experiment } from '../../../shared/contract/experiments';
import { type TestApp, buildTestApp } from '../../testing/build-test-app';

let t: TestApp;
let scientist: Record<string, string>;
let viewer: Record<string, string>;

beforeAll(async () => {
  t = await buildTestApp();
  scientist = (await t.userWithRole('data-scientist')).headers;
  viewer = (await t.userWithRole('viewer')).headers;
});
afterAll(() => t.close());

describe('experiment writes from the dashboard', () => {
  it('creates, describes, tags, renames, deletes and restores, each audited', async () => {
    const created = await t.request<Experiment>({ method: 'POST', url: '/api/v1/experiments', headers: scientist, payload: { name: 'churn', description: '**why**' } });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ name: 'churn', description: '**why**', tags: [], runCount: 0 });
    const id = created.body.experimentId;
    const updated = await t.request<Experiment>({
      method: 'PATCH', url: `/api/v1/experiments/${id}`, headers: scientist, payload: { name: 'churn-v2', setTags: [{ key: 'team', value: 'risk' }] },
    });
    expect(updated.body).toMatchObject({ name: 'churn-v2', tags: [{ key: 'team', value: 'risk' }] });
    expect((await t.request({ method: 'DELETE', url: `/api/v1/experiments/${id}`, headers: scientist })).status).toBe(200);
    const deleted = await t.request<{ items: Experiment[] }>({ url: '/api/v1/experiments?view=deleted', headers: viewer });
    expect(deleted.body.items.map((e) => e.name)).toEqual(['churn-v2']);
    const restored = await t.request<Experiment>({ method: 'POST', url: `/api/v1/experiments/${id}/restore`, headers: scientist });
    expect(restored.body.lifecycleStage).toBe('active');
    const audit = await t.database.handle.db.selectFrom('audit_events').select('action').where('entity_type', '=', 'experiment').where('entity_id', '=', id).orderBy('seq').execute();
    expect(audit.map((a) => a.action)).toEqual(['experiment.create', 'experiment.rename', 'experiment.set-tag', 'experiment.delete', 'experiment.restore']);
  });

  it('refuses a viewer and a duplicate name', async () => {
    expect((await t.request({ method: 'POST', url: '/api/v1/experiments', headers: viewer, payload: { name: 'nope' } })).status).toBe(403);
    await t.request({ method: 'POST', url: '/api/v1/experiments', headers: scientist, payload: { name: 'twice' } });
    const again = await t.request<{ error: { code: string } }>({ method: 'POST', url: '/api/v1/experiments', headers: scientist, payload: { name: 'twice' } });
    expect(again.status).toBe(400);
    expect(again.body.error.code).toBe('RESOURCE_ALREADY_EXISTS');
  });
});
