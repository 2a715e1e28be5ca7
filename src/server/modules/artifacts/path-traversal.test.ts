import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../../testing/build-test-app';
import { mlflowCall } from '../../testing/mlflow-call';
import { insertExperiment, insertRun } from '../../testing/mlflow-fixtures';
import { listen, rawRequest } from '../../testing/raw-http';

/**
 * One test per class of MLflow's path-traversal and artifact CVEs (section 7 of the MLflow
 * reference), sent over real HTTP where the request target matters (inject normalises it).
 */
let t: TestApp;
let port: number;
let writer: Record<string, string>;
let viewer: Record<string, string>;
let experimentId: string;
let run: { runId: string; artifactUri: string };
let secret: string;

const artifacts = '/api/2.0/mlflow-artifacts/artifacts';
const call = (method: 'GET' | 'POST' | 'PATCH' | 'DELETE', p: string, fields?: Record<string, unknown>, headers = writer) => mlflowCall(t, headers, method, p, fields);
const raw = (method: string, target: string, headers = writer, body?: string) => rawRequest(port, { method, path: target, headers: { ...headers, 'content-type': 'application/octet-stream' }, body });

async function expectRefused(source: string) {
  const response = await call('POST', 'model-versions/create', { name: 'target', source, run_id: run.runId });
  expect(response.status, source).toBe(400);
  expect(response.body.error_code, source).toBe('INVALID_PARAMETER_VALUE');
}

beforeAll(async () => {
  t = await buildTestApp();
  ({ port } = await listen(t.app));
  writer = (await t.userWithRole('data-scientist')).headers;
  viewer = (await t.userWithRole('viewer')).headers;
  experimentId = await insertExperiment(t.database.handle.db);
  run = await insertRun(t.database.handle.db, experimentId);
  // A file next to the artifact root that no request may read, change or delete.
  secret = path.join(t.config.dataDir, 'secret.txt');
  writeFileSync(secret, 'top secret');
  await call('POST', 'registered-models/create', { name: 'target' });
  await t.request({ method: 'PUT', url: `${artifacts}/${experimentId}/${run.runId}/artifacts/model/MLmodel`, headers: writer, payload: 'flavors: {}' });
});
afterAll(() => t.close());

describe('model version sources', () => {
  it('CVE-2023-1177: refuses local and file: sources, with or without a run', async () => {
    for (const source of ['file:///etc/passwd', '/etc/passwd', 'file:/etc', 'model', './model', t.config.artifactsDir, `file://${t.config.artifactsDir}/x`]) await expectRefused(source);
  });

  it('CVE-2023-2356: refuses ../ in every scheme', async () => {
    for (const source of [
      `mlflow-artifacts:/${experimentId}/../../etc/passwd`,
      `runs:/${run.runId}/../../../../etc`,
      'http://localhost:5000/api/2.0/mlflow-artifacts/artifacts/../../../../',
      's3://bucket/models/../../other',
      `models:/m-${'0'.repeat(32)}/../..`,
    ]) await expectRefused(source);
  });

  it('CVE-2023-2780: refuses backslash traversal', async () => {
    for (const source of [`mlflow-artifacts:/${experimentId}\\..\\..\\etc`, `runs:/${run.runId}/model\\..\\..\\..`, `mlflow-artifacts:/${experimentId}/%5c..%5c..%5cetc`]) await expectRefused(source);
  });

  it('CVE-2023-6909: refuses URL-encoded and double-encoded traversal', async () => {
    for (const source of [
      `mlflow-artifacts:/${experimentId}/%2e%2e/%2e%2e/etc`,
      `mlflow-artifacts:/${experimentId}/..%2f..%2fetc`,
      `mlflow-artifacts:/${experimentId}/%252e%252e%252f%252e%252e%252fetc`,
      `runs:/${run.runId}/%25252e%25252e/x`,
      `mlflow-artifacts://host:port/..%2f..%2f..%2f`,
    ]) await expectRefused(source);
  });

  it('CVE-2024-1593: refuses ; path parameters', async () => {
    for (const source of [`mlflow-artifacts:/${experimentId}/x;/../../etc`, `runs:/${run.runId}/model;x`, `mlflow-artifacts:/${experimentId}/x%3b/..`]) await expectRefused(source);
  });

  it('CVE-2024-3573: refuses empty-scheme and file-like URIs taken for remote ones', async () => {
    for (const source of ['//etc/passwd', ':/etc/passwd', 'FILE:///etc/passwd', 'file:etc/passwd', 'mlflow-artifacts:///../etc', 'ftp://x/y', 'hdfs:///x', 'C:\\Windows']) await expectRefused(source);
  });

  it('CVE-2026-2614: refuses other bypasses of source validation', async () => {
    for (const source of [
      'models:/../../etc',
      `models:/target/../../1`,
      `runs:/${run.runId}/%2e%2e/%2e%2e/%2e%2e`,
      'mlflow-artifacts://evil.example/1/x',
      `mlflow-artifacts:/${experimentId}/x?y=/../..`,
      `mlflow-artifacts:/${experimentId}/x#/../..`,
      `mlflow-artifacts:/${experimentId}/x\u0000`,
      `mlflow-artifacts:/${experimentId}/x%00`,
      'mlflow-artifacts:/',
    ]) await expectRefused(source);
    // And nothing was registered.
    expect((await call('GET', 'model-versions/search', { filter: "name = 'target'" })).body).toEqual({});
  });

  it('artifact locations with fragments, parameters or queries lead nowhere', async () => {
    const db = t.database.handle.db;
    for (const [index, suffix] of ['#/../../..', ';/../../..', '?x=/../../..'].entries()) {
      const runId = `${'b'.repeat(31)}${index}`;
      await db
        .insertInto('runs')
        .values({ run_uuid: runId, experiment_id: Number(experimentId), run_name: 'r', user_id: 'u', status: 'RUNNING', start_time: 1, end_time: null, lifecycle_stage: 'active', artifact_uri: `mlflow-artifacts:/${experimentId}/${runId}/artifacts${suffix}`, deleted_time: null })
        .execute();
      expect((await call('GET', 'artifacts/list', { run_id: runId }, viewer)).status).toBe(400);
      expect((await t.request({ method: 'GET', url: `/get-artifact?run_id=${runId}&path=secret.txt`, headers: viewer })).status).toBe(400);
      expect((await call('POST', 'model-versions/create', { name: 'target', source: `runs:/${runId}/model` })).status).toBe(400);
    }
  });
});

describe('artifact routes', () => {
  it('CVE-2023-6909 and CVE-2023-2780 on downloads: raw, encoded, double-encoded and backslash traversal', async () => {
    for (const target of [
      `${artifacts}/../../secret.txt`,
      `${artifacts}/${experimentId}/../../secret.txt`,
      `${artifacts}/%2e%2e/%2e%2e/secret.txt`,
      `${artifacts}/%252e%252e/%252e%252e/secret.txt`,
      `${artifacts}/..%2f..%2fsecret.txt`,
      `${artifacts}/..%5c..%5csecret.txt`,
      `${artifacts}/..\\..\\secret.txt`,
      `${artifacts}//etc/passwd`,
      `${artifacts}/%2fetc%2fpasswd`,
      `/ajax-api/2.0/mlflow-artifacts/artifacts/%2e%2e/secret.txt`,
      `${artifacts}?path=../..`,
      `${artifacts}?path=%252e%252e`,
      `/get-artifact?run_id=${run.runId}&path=../../../../secret.txt`,
      `/get-artifact?run_id=${run.runId}&path=%2e%2e%2f%2e%2e%2f%2e%2e%2fsecret.txt`,
    ]) {
      const response = await raw('GET', target, viewer);
      expect(response.status, target).toBe(400);
      expect(await response.text(), target).not.toContain('top secret');
    }
  });

  it('CVE-2023-6831 / CVE-2024-1560: deletes cannot escape, even double-encoded', async () => {
    for (const target of [`${artifacts}/../secret.txt`, `${artifacts}/%2e%2e/secret.txt`, `${artifacts}/%252e%252e/secret.txt`, `${artifacts}/%25252e%25252e/secret.txt`, `${artifacts}/${experimentId}/..%2f..%2f`]) {
      expect((await raw('DELETE', target)).status, target).toBe(400);
    }
    expect(readFileSync(secret, 'utf8')).toBe('top secret');
    expect(existsSync(path.join(t.config.artifactsDir, experimentId, run.runId, 'artifacts/model/MLmodel'))).toBe(true);
  });

  it('CVE-2024-1593: ; in artifact paths is refused', async () => {
    for (const target of [`${artifacts}/${experimentId}/..;/..;/secret.txt`, `${artifacts}/x;y`, `${artifacts}/x%3b/../..`]) {
      expect((await raw('GET', target, viewer)).status, target).toBe(400);
      expect((await raw('PUT', target, writer, 'x')).status, target).toBe(400);
    }
  });

  it('CVE-2024-4263: a viewer cannot delete (or overwrite) artifacts', async () => {
    const target = `${artifacts}/${experimentId}/${run.runId}/artifacts/model/MLmodel`;
    expect((await raw('DELETE', target, viewer)).status).toBe(403);
    expect((await raw('PUT', target, viewer, 'poisoned')).status).toBe(403);
    expect(readFileSync(path.join(t.config.artifactsDir, experimentId, run.runId, 'artifacts/model/MLmodel'), 'utf8')).toBe('flavors: {}');
  });

  it('CVE-2026-2651: multipart uploads are authorised per route and bound to their creator and path', async () => {
    const mpu = '/api/2.0/mlflow-artifacts/mpu';
    expect((await t.request({ method: 'POST', url: `${mpu}/create/${experimentId}/x.bin`, headers: viewer, payload: { num_parts: 1 } })).status).toBe(403);
    const created = await t.request<{ upload_id: string }>({ method: 'POST', url: `${mpu}/create/${experimentId}/x.bin`, headers: writer, payload: { num_parts: 1 } });
    const other = (await t.userWithRole('data-scientist')).headers;
    const payload = { upload_id: created.body.upload_id, parts: [{ part_number: 1, etag: 'x' }] };
    expect((await t.request({ method: 'POST', url: `${mpu}/complete/${experimentId}/x.bin`, headers: other, payload })).status).toBe(403);
    expect((await t.request({ method: 'POST', url: `${mpu}/abort/${experimentId}/x.bin`, headers: other, payload })).status).toBe(403);
    expect((await t.request({ method: 'POST', url: `${mpu}/complete/${experimentId}/y.bin`, headers: writer, payload })).status).toBe(404);
    expect((await t.request({ method: 'PUT', url: `${mpu}/upload/${experimentId}/x.bin?upload_id=${created.body.upload_id}&part_number=1&expires=9999999999999&signature=${'0'.repeat(64)}`, payload: 'x' })).status).toBe(403);
    const escape = await rawRequest(port, { method: 'POST', path: `${mpu}/create/../../x.bin`, headers: { ...writer, 'content-type': 'application/json' }, body: '{"num_parts":1}' });
    expect(escape.status).toBe(400);
  });

  it('CVE-2023-6568: no reflected Content-Type, artifacts only as nosniff attachments', async () => {
    const evil = 'text/html; charset=<script>alert(1)</script>';
    const refused = await t.app.inject({ method: 'POST', url: '/api/2.0/mlflow/registered-models/create', headers: { ...writer, 'content-type': evil }, payload: '{"name":"x"}' });
    expect(refused.statusCode).toBe(400);
    expect(refused.headers['content-type']).toMatch(/^application\/json/);
    expect(refused.body).not.toContain('script');
    await t.request({ method: 'PUT', url: `${artifacts}/${experimentId}/page.html`, headers: { ...writer, 'content-type': 'text/html' }, payload: '<script>alert(1)</script>' });
    const served = await raw('GET', `${artifacts}/${experimentId}/page.html`, viewer);
    expect(served.headers['content-type']).toBe('text/plain; charset=utf-8');
    expect(served.headers['content-disposition']).toMatch(/^attachment;/);
    expect(served.headers['x-content-type-options']).toBe('nosniff');
    await served.text();
  });
});

describe('CVE-2024-3099: registered model names', () => {
  it('refuses %-encoded names that could shadow another model', async () => {
    await call('POST', 'registered-models/create', { name: 'secure model' });
    for (const name of ['secure%20model', 'secure%2520model', 'secure+model%00']) {
      expect((await call('POST', 'registered-models/create', { name })).status, name).toBe(400);
    }
    expect((await call('POST', 'registered-models/rename', { name: 'secure model', new_name: 'x%2Fy' })).status).toBe(400);
  });
});

/** Every file under `dir`, relative to it. */
function tree(dir: string, base = dir): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    return entry.isDirectory() ? tree(full, base) : [path.relative(base, full)];
  });
}

describe('generated traversal attempts', () => {
  it('never read, write or delete anything outside the artifact root', async () => {
    const outsideBefore = tree(t.config.dataDir).filter((file) => !file.startsWith('artifacts'));
    const piece = fc.constantFrom('..', '.', '', 'a', 'secret.txt', '%2e', '%2e%2e', '%252e%252e', '%2f', '%252f', '%5c', '\\', ';', '%3b', '%00', 'C:', '%c0%ae', '..%2f', '%2e.', '.%2e', '~', '%25');
    const attack = fc.array(piece, { minLength: 1, maxLength: 10 }).map((pieces) => pieces.join('/').replace(/\/\/+/g, (m) => (m.length > 2 ? '//' : m)));
    await fc.assert(
      fc.asyncProperty(attack, fc.constantFrom('GET', 'PUT', 'DELETE'), async (tail, method) => {
        const response = await raw(method, `${artifacts}/${tail}`, writer, method === 'PUT' ? 'planted' : undefined);
        const body = await response.text();
        return response.status < 500 && !body.includes('top secret');
      }),
      { numRuns: 400 },
    );
    expect(readFileSync(secret, 'utf8')).toBe('top secret');
    expect(tree(t.config.dataDir).filter((file) => !file.startsWith('artifacts'))).toEqual(outsideBefore);
  });
});
