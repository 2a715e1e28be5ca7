import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../../testing/build-test-app';

let t: TestApp;
let viewer: Record<string, string>;

beforeAll(async () => {
  t = await buildTestApp();
  viewer = (await t.userWithRole('viewer')).headers;
});
afterAll(() => t.close());

describe('MLflow server probes', () => {
  it('server-info advertises multipart uploads (served by mlflow-artifacts mpu/*) and no workspaces', async () => {
    for (const prefix of ['/api', '/ajax-api']) {
      const info = await t.request({ method: 'GET', url: `${prefix}/3.0/mlflow/server-info`, headers: viewer });
      expect(info).toMatchObject({ status: 200, body: { store_type: 'SqlStore', workspaces_enabled: false, trace_archival_enabled: false, multipart_uploads_enabled: true } });
    }
    const mpu = await t.request({ method: 'POST', url: '/api/2.0/mlflow-artifacts/mpu/create/probe/file.bin', headers: (await t.userWithRole('data-scientist')).headers, payload: { path: 'file.bin', num_parts: 1 } });
    expect(mpu.status).toBe(200);
    expect((await t.request({ method: 'GET', url: '/api/3.0/mlflow/server-info' })).status).toBe(401);
  });

  it('answers /health and /version without credentials, and ENDPOINT_NOT_FOUND for unknown MLflow routes', async () => {
    expect(await t.request({ method: 'GET', url: '/health' })).toMatchObject({ status: 200, body: 'OK' });
    expect((await t.request({ method: 'GET', url: '/version' })).body).toMatch(/^\d+\.\d+\.\d+/);
    expect(await t.request({ method: 'GET', url: '/api/2.0/mlflow/runs/teleport', headers: viewer })).toMatchObject({ status: 404, body: { error_code: 'ENDPOINT_NOT_FOUND' } });
  });
});
