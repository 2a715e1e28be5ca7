import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../app';
import { buildTestApp, type TestApp } from '../testing/build-test-app';
import { securityHeaders } from './security-headers';

let t: TestApp;
beforeAll(async () => {
  t = await buildTestApp();
});
afterAll(() => t.close());

describe('operations endpoints', () => {
  it('reports liveness and readiness (with the database)', async () => {
    expect((await t.request({ method: 'GET', url: '/healthz' })).body).toEqual({ status: 'ok' });
    const ready = await t.request<{ status: string; database: string }>({ method: 'GET', url: '/readyz' });
    expect(ready.status).toBe(200);
    expect(ready.body.database).toMatch(/sqlite|postgres/);
  });

  it('exposes Prometheus metrics with request durations per route pattern', async () => {
    await t.request({ method: 'GET', url: '/healthz' });
    await t.request({ method: 'GET', url: '/api/v1/users/123' });
    const metrics = await t.app.inject({ method: 'GET', url: '/metrics' });
    expect(metrics.headers['content-type']).toMatch(/text\/plain/);
    expect(metrics.body).toMatch(/sextant_http_request_duration_seconds_bucket\{.*method="GET".*route="\/healthz".*status_code="200"/);
    expect(metrics.body).toContain('sextant_process_resident_memory_bytes');
  });

  it('serves an OpenAPI document generated from the contract, for /api/v1 only', async () => {
    const doc = await t.request<{ openapi: string; paths: Record<string, unknown> }>({ method: 'GET', url: '/api/v1/openapi.json' });
    expect(doc.body.openapi).toMatch(/^3\./);
    expect(Object.keys(doc.body.paths)).toEqual(expect.arrayContaining(['/api/v1/me', '/api/v1/users', '/api/v1/me/tokens/{tokenId}']));
    expect(Object.keys(doc.body.paths).every((p) => p.startsWith('/api/v1/'))).toBe(true);
  });

  it('sets security headers with a strict Content-Security-Policy and a request id', async () => {
    const response = await t.app.inject({ method: 'GET', url: '/healthz', headers: { 'x-request-id': 'trace-123' } });
    expect(response.headers['content-security-policy']).toContain("script-src 'self'");
    expect(response.headers['content-security-policy']).toContain("frame-ancestors 'none'");
    expect(response.headers['x-content-type-options']).toBe('nosniff');
    expect(response.headers['x-request-id']).toBe('trace-123');
    const generated = await t.app.inject({ method: 'GET', url: '/healthz', headers: { 'x-request-id': 'bad id with spaces' } });
    expect(generated.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
    // Errors thrown by the access hook carry the same headers.
    const unauthenticated = await t.app.inject({ method: 'GET', url: '/api/v1/me', headers: { 'x-request-id': 'trace-401' } });
    expect(unauthenticated.statusCode).toBe(401);
    expect(unauthenticated.headers).toMatchObject({ ...securityHeaders, 'x-request-id': 'trace-401' });
    expect(unauthenticated.headers['strict-transport-security']).toBe('max-age=31536000; includeSubDomains');
  });

  it('answers unknown API routes with a JSON 404', async () => {
    const native = await t.request<{ error: { code: string } }>({ method: 'GET', url: '/api/v1/nope' });
    expect(native.status).toBe(404);
    expect(native.body.error.code).toBe('ENDPOINT_NOT_FOUND');
    const mlflow = await t.request<{ error_code: string }>({ method: 'POST', url: '/api/2.0/mlflow/nope/nothing', payload: {} });
    expect(mlflow.status).toBe(404);
    expect(mlflow.body.error_code).toBe('ENDPOINT_NOT_FOUND');
  });

  it('does not reflect a bad Content-Type back (CVE-2023-6568 class)', async () => {
    const viewer = await t.userWithRole('viewer');
    const response = await t.app.inject({
      method: 'PATCH',
      url: '/api/v1/me',
      headers: { ...viewer.headers, 'content-type': '<script>alert(1)</script>' },
      payload: 'x',
    });
    expect(response.statusCode).toBe(415);
    expect(response.body).not.toContain('<script>');
  });
});

describe('serving the dashboard', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'sextant-client-'));
    mkdirSync(path.join(dir, 'assets'));
    writeFileSync(path.join(dir, 'index.html'), '<!doctype html><div id="root"></div>');
    writeFileSync(path.join(dir, 'assets', 'app-abc123.js'), 'console.log(1)');
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('serves hashed assets with long caching and index.html for client routes', async () => {
    const app = await buildApp({ config: t.config, database: t.database.handle, secret: 'x'.repeat(40), clientDir: dir });
    const asset = await app.inject({ method: 'GET', url: '/assets/app-abc123.js' });
    expect(asset.statusCode).toBe(200);
    expect(asset.headers['cache-control']).toContain('immutable');
    for (const url of ['/', '/experiments/12', '/models/my.model/versions/3']) {
      const page = await app.inject({ method: 'GET', url });
      expect(page.statusCode).toBe(200);
      expect(page.body).toContain('<div id="root">');
    }
    expect((await app.inject({ method: 'GET', url: '/api/v1/unknown' })).statusCode).toBe(404);
    expect((await app.inject({ method: 'GET', url: '/assets/../../etc/passwd' })).body).not.toContain('root:');
    await app.close();
  });
});
