import { insertExperiment, insertRun } from '../../testing/mlflow-fixtures';
import type { MutationSamples, SampleContext } from '../../testing/mutation-samples';

/** Valid requests for the artifact routes (see src/server/testing/mutation-samples.ts). */
let counter = 0;
const base = '/api/2.0/mlflow-artifacts';

async function uploaded({ t, admin }: SampleContext): Promise<string> {
  const path = `samples/${++counter}/file.txt`;
  await t.app.inject({ method: 'PUT', url: `${base}/artifacts/${path}`, headers: { ...admin, 'content-type': 'text/plain' }, payload: 'hello' });
  return path;
}

async function multipart({ t, admin }: SampleContext): Promise<{ path: string; uploadId: string; partUrl: string }> {
  const path = `samples/${++counter}/big.bin`;
  const created = await t.app.inject({ method: 'POST', url: `${base}/mpu/create/${path}`, headers: admin, payload: { path: 'local_file', num_parts: 1 } });
  const body = created.json() as { upload_id: string; credentials: Array<{ url: string }> };
  return { path, uploadId: body.upload_id, partUrl: (body.credentials[0]?.url ?? '').replace(/^https?:\/\/[^/]+/, '') };
}

export const artifactsSamples: MutationSamples = {
  'PUT /api/2.0/mlflow-artifacts/artifacts/*': async ({ admin }) => ({
    method: 'PUT',
    url: `${base}/artifacts/samples/${++counter}/put.txt`,
    headers: { ...admin, 'content-type': 'text/plain' },
    payload: 'hello',
  }),
  'DELETE /api/2.0/mlflow-artifacts/artifacts/*': async (c) => ({ method: 'DELETE', url: `${base}/artifacts/${await uploaded(c)}`, headers: c.admin }),
  'POST /api/2.0/mlflow-artifacts/mpu/create/*': async ({ admin }) => ({
    method: 'POST',
    url: `${base}/mpu/create/samples/${++counter}/big.bin`,
    headers: admin,
    payload: { path: 'local_file', num_parts: 1 },
  }),
  'POST /api/2.0/mlflow-artifacts/mpu/complete/*': async (c) => {
    const { path, uploadId, partUrl } = await multipart(c);
    const part = await c.t.app.inject({ method: 'PUT', url: partUrl, headers: { 'content-type': 'application/octet-stream' }, payload: 'hello' });
    const etag = part.json().etag ?? part.headers.etag;
    return { method: 'POST', url: `${base}/mpu/complete/${path}`, headers: c.admin, payload: { path: 'local_file', upload_id: uploadId, parts: [{ part_number: 1, etag }] } };
  },
  'POST /api/2.0/mlflow-artifacts/mpu/abort/*': async (c) => {
    const { path, uploadId } = await multipart(c);
    return { method: 'POST', url: `${base}/mpu/abort/${path}`, headers: c.admin, payload: { path: 'local_file', upload_id: uploadId } };
  },
  'POST /api/2.0/mlflow/upload-artifact': async ({ t, admin }) => {
    const run = await insertRun(t.database.handle.db, await insertExperiment(t.database.handle.db));
    return { method: 'POST', url: `/api/2.0/mlflow/upload-artifact?run_uuid=${run.runId}&path=notes.md`, headers: { ...admin, 'content-type': 'text/markdown' }, payload: '# hi' };
  },
};
