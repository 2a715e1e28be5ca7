import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../../testing/build-test-app';

let t: TestApp;
let writer: Record<string, string>;
let viewer: Record<string, string>;
const base = '/api/2.0/mlflow-artifacts/artifacts';

beforeAll(async () => {
  t = await buildTestApp();
  writer = (await t.userWithRole('data-scientist')).headers;
  viewer = (await t.userWithRole('viewer')).headers;
});
afterAll(() => t.close());

const put = (path: string, payload: string | Buffer, headers: Record<string, string> = writer, contentType = 'application/octet-stream') =>
  t.request({ method: 'PUT', url: `${base}/${path}`, headers: { ...headers, 'content-type': contentType }, payload });

const audit = (entityId: string) =>
  t.database.handle.db.selectFrom('audit_events').select(['action', 'entity_type', 'actor_name', 'after_json', 'before_json']).where('entity_id', '=', entityId).orderBy('seq').execute();

describe('mlflow-artifacts proxy', () => {
  it('uploads any content type raw, lists basenames, downloads as an attachment and deletes', async () => {
    // A .json file with invalid JSON: the body must be stored byte for byte, never parsed.
    expect((await put('1/run/artifacts/model/input_example.json', '{"not json', writer, 'application/json')).status).toBe(200);
    expect((await put('1/run/artifacts/model/MLmodel', 'flavors: {}\n', writer, 'text/plain')).body).toEqual({});
    expect((await t.request({ method: 'PUT', url: `${base}/1/run/artifacts/empty.txt`, headers: writer })).status).toBe(200);

    const listing = await t.request({ method: 'GET', url: `${base}?path=1/run/artifacts/model`, headers: viewer });
    expect(listing.body).toEqual({
      files: [
        { path: 'MLmodel', is_dir: false, file_size: 12 },
        { path: 'input_example.json', is_dir: false, file_size: 10 },
      ],
    });
    expect((await t.request({ method: 'GET', url: `${base}?path=1/run/artifacts`, headers: viewer })).body).toEqual({
      files: [
        { path: 'empty.txt', is_dir: false, file_size: 0 },
        { path: 'model', is_dir: true },
      ],
    });
    expect((await t.request({ method: 'GET', url: `${base}?path=nothing/here`, headers: viewer })).body).toEqual({});

    const download = await t.app.inject({ method: 'GET', url: `${base}/1/run/artifacts/model/input_example.json`, headers: viewer });
    expect(download.statusCode).toBe(200);
    expect(download.body).toBe('{"not json');
    expect(download.headers['content-disposition']).toBe(`attachment; filename="input_example.json"; filename*=UTF-8''input_example.json`);
    expect(download.headers['x-content-type-options']).toBe('nosniff');
    expect(download.headers['content-type']).toBe('application/json');
    const head = await t.app.inject({ method: 'HEAD', url: `${base}/1/run/artifacts/model/input_example.json`, headers: viewer });
    expect(head.statusCode).toBe(200);
    expect(head.headers['content-length']).toBe('10');
    expect(head.body).toBe('');

    expect((await t.request({ method: 'DELETE', url: `${base}/1/run/artifacts/model`, headers: writer })).status).toBe(200);
    const gone = await t.request<{ error_code: string }>({ method: 'GET', url: `${base}/1/run/artifacts/model/MLmodel`, headers: viewer });
    expect(gone.status).toBe(404);
    expect(gone.body.error_code).toBe('RESOURCE_DOES_NOT_EXIST');
  });

  it('audits uploads (with size and digest) and deletions', async () => {
    await put('2/r/artifacts/a.txt', 'hello');
    await t.request({ method: 'DELETE', url: `${base}/2/r/artifacts/a.txt`, headers: writer });
    const events = await audit('2/r/artifacts/a.txt');
    expect(events.map((e) => [e.action, e.entity_type])).toEqual([
      ['artifact.upload', 'artifact'],
      ['artifact.delete', 'artifact'],
    ]);
    expect(JSON.parse(events[0]?.after_json ?? '{}')).toMatchObject({ size: 5, sha256: '2cf24dba5fb0a30e26e83b2ac5b9e29e1b161e5c1fa7425e73043362938b9824' });
    expect(JSON.parse(events[1]?.before_json ?? '{}')).toEqual({ size: 5 });
  });

  it('serves markup as text and never reflects the sent Content-Type (CVE-2023-6568)', async () => {
    await put('3/r/artifacts/page.html', '<script>alert(1)</script>', writer, 'text/html');
    const response = await t.app.inject({ method: 'GET', url: `${base}/3/r/artifacts/page.html`, headers: viewer });
    expect(response.headers['content-type']).toBe('text/plain; charset=utf-8');
    expect(response.headers['content-disposition']).toMatch(/^attachment;/);
    expect(response.headers['content-security-policy']).toContain('sandbox');
    await put('3/r/artifacts/image.svg', '<svg onload="alert(1)"/>', writer, 'image/svg+xml');
    expect((await t.app.inject({ method: 'GET', url: `${base}/3/r/artifacts/image.svg`, headers: viewer })).headers['content-type']).toBe(
      'text/plain; charset=utf-8',
    );
    const evil = 'text/html; <script>alert(1)</script>';
    const refused = await t.app.inject({ method: 'POST', url: '/api/2.0/mlflow-artifacts/mpu/create/3/x', headers: { ...writer, 'content-type': evil }, payload: '{}' });
    expect(refused.statusCode).toBe(400);
    expect(refused.body).not.toContain('<script>');
    expect(refused.json()).toMatchObject({ error_code: 'INVALID_PARAMETER_VALUE' });
  });

  it('lets viewers read but not write or delete (CVE-2024-4263), and anonymous callers nothing', async () => {
    await put('4/r/artifacts/keep.txt', 'keep');
    expect((await put('4/r/artifacts/keep.txt', 'overwritten', viewer)).status).toBe(403);
    const deleted = await t.request<{ error_code: string }>({ method: 'DELETE', url: `${base}/4/r/artifacts/keep.txt`, headers: viewer });
    expect(deleted.status).toBe(403);
    expect(deleted.body.error_code).toBe('PERMISSION_DENIED');
    expect((await t.app.inject({ method: 'GET', url: `${base}/4/r/artifacts/keep.txt`, headers: viewer })).body).toBe('keep');
    expect((await t.request({ method: 'GET', url: `${base}/4/r/artifacts/keep.txt` })).status).toBe(401);
    expect((await t.request({ method: 'PUT', url: `${base}/4/r/artifacts/x`, payload: 'x' })).status).toBe(401);
    for (const url of ['/api/2.0/mlflow-artifacts/mpu/create/4/x', '/ajax-api/2.0/mlflow-artifacts/mpu/complete/4/x', '/api/2.0/mlflow-artifacts/mpu/abort/4/x']) {
      expect((await t.request({ method: 'POST', url, headers: viewer, payload: { num_parts: 1, upload_id: 'x' } })).status).toBe(403);
    }
  });

  it('answers bad requests with MLflow errors', async () => {
    const directory = await t.request<{ error_code: string }>({ method: 'GET', url: `${base}/4/r/artifacts`, headers: viewer });
    expect(directory.status).toBe(400);
    expect(directory.body.error_code).toBe('INVALID_PARAMETER_VALUE');
    expect((await t.request({ method: 'GET', url: `${base}?path=a&path=b`, headers: viewer })).status).toBe(400);
    expect((await t.request({ method: 'PUT', url: `${base}/`, headers: writer, payload: 'x' })).status).toBe(400);
    expect((await t.request({ method: 'DELETE', url: `${base}/`, headers: writer })).status).toBe(400);
  });
});

describe('multipart uploads', () => {
  async function create(path: string, headers = writer, parts = 2) {
    return t.request<{ upload_id: string; credentials: Array<{ url: string; part_number: number }> }>({
      method: 'POST',
      url: `/api/2.0/mlflow-artifacts/mpu/create/${path}`,
      headers,
      payload: { path: 'local_file', num_parts: parts },
    });
  }
  const partUrl = (url: string) => url.replace(/^https?:\/\/[^/]+/, '');

  it('creates signed part URLs, takes parts without credentials, and completes for the creator only', async () => {
    const created = await create('5/r/artifacts/big.bin');
    expect(created.status).toBe(200);
    expect(created.body.credentials.map((c) => c.part_number)).toEqual([1, 2]);
    const etags: string[] = [];
    for (const [index, chunk] of ['hello ', 'world'].entries()) {
      const credential = created.body.credentials[index] as { url: string };
      expect(credential.url).toMatch(/^http:\/\/localhost(:\d+)?\/api\/2\.0\/mlflow-artifacts\/mpu\/upload\/5\/r\/artifacts\/big\.bin\?upload_id=/);
      const response = await t.app.inject({ method: 'PUT', url: partUrl(credential.url), payload: chunk, headers: { 'content-type': 'application/octet-stream' } });
      expect(response.statusCode).toBe(200);
      etags.push(String(response.headers.etag));
    }
    const parts = etags.map((etag, index) => ({ part_number: index + 1, etag }));
    const stranger = (await t.userWithRole('data-scientist')).headers;
    const hijack = await t.request({ method: 'POST', url: '/api/2.0/mlflow-artifacts/mpu/complete/5/r/artifacts/big.bin', headers: stranger, payload: { path: 'x', upload_id: created.body.upload_id, parts } });
    expect(hijack.status).toBe(403);
    const elsewhere = await t.request({ method: 'POST', url: '/api/2.0/mlflow-artifacts/mpu/complete/5/r/artifacts/other.bin', headers: writer, payload: { path: 'x', upload_id: created.body.upload_id, parts } });
    expect(elsewhere.status).toBe(404);
    const done = await t.request({ method: 'POST', url: '/api/2.0/mlflow-artifacts/mpu/complete/5/r/artifacts/big.bin', headers: writer, payload: { path: 'x', upload_id: created.body.upload_id, parts } });
    expect(done.status).toBe(200);
    expect((await t.app.inject({ method: 'GET', url: `${base}/5/r/artifacts/big.bin`, headers: viewer })).body).toBe('hello world');
    expect((await audit('5/r/artifacts/big.bin')).map((e) => e.action)).toEqual(['artifact.multipart-create', 'artifact.upload']);
  });

  it('refuses tampered or mismatched part URLs and lets the creator abort', async () => {
    const created = await create('6/r/artifacts/f.bin', writer, 1);
    const url = partUrl((created.body.credentials[0] as { url: string }).url);
    const tampered = await t.request<{ error_code: string }>({ method: 'PUT', url: url.replace('part_number=1', 'part_number=2'), payload: 'x' });
    expect(tampered.status).toBe(403);
    expect((await t.request({ method: 'PUT', url: url.replace('/6/r/artifacts/f.bin', '/6/r/artifacts/g.bin'), payload: 'x' })).status).toBe(404);
    expect((await t.request({ method: 'POST', url: '/api/2.0/mlflow-artifacts/mpu/abort/6/r/artifacts/f.bin', headers: writer, payload: { upload_id: created.body.upload_id } })).status).toBe(200);
    expect((await t.request({ method: 'PUT', url, payload: 'x' })).status).toBe(404);
    expect((await create('6/r/artifacts/f.bin', writer, 0)).status).toBe(400);
  });
});
