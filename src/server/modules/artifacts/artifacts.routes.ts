import type { FastifyInstance, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { ApiError, invalidParameter } from '../../errors';
import { toMlflowJson } from '../../mlflow/mlflow-json';
import { int64, parseMessage, repeated, str } from '../../mlflow/mlflow-message';
import { auditContextFor } from '../auth/principal';
import { sendArtifact } from './artifact-download';
import { artifactPathFromUrl, canonicalArtifactPath } from './artifact-path';
import {
  type ArtifactDeps,
  abortMultipartUpload,
  completeMultipartUpload,
  createMultipartUpload,
  deleteArtifact,
  listWholeDirectory,
  maxArtifactBytes,
  maxPartBytes,
  uploadArtifact,
} from './artifacts.service';
import { maxPartNumber } from './local-multipart-uploads';
import { signPart, verifyPart } from './multipart-signature';
import { acceptRawBodies, rawUrlTail } from './raw-body';

/** The mlflow-artifacts proxy (section 1e of the MLflow reference), under /api and /ajax-api. */
const bases = ['/api/2.0/mlflow-artifacts', '/ajax-api/2.0/mlflow-artifacts'] as const;

const createRequest = z.object({ path: str.optional(), num_parts: int64.pipe(z.number().int().min(1).max(maxPartNumber)) });
const uploadRequest = z.object({ path: str.optional(), upload_id: str });
const completeRequest = uploadRequest.extend({ parts: repeated(z.object({ part_number: int64, etag: str })) });

const deps = (app: FastifyInstance): ArtifactDeps => ({ database: app.deps.database, store: app.deps.artifactStore });
const context = (request: FastifyRequest) => auditContextFor(request.principal, request);
const pathFrom = (request: FastifyRequest, prefix: string) => artifactPathFromUrl(rawUrlTail(request.url, prefix));

export async function artifactsRoutes(app: FastifyInstance) {
  await app.register(rawBodyRoutes);
  for (const base of bases) {
    app.get(`${base}/artifacts`, { config: { access: 'artifacts:read' } }, async (request) => {
      const query = request.query as Record<string, unknown>;
      if (query.path !== undefined && typeof query.path !== 'string') throw invalidParameter("Parameter 'path' must be given once");
      const dir = canonicalArtifactPath(typeof query.path === 'string' ? query.path : '', { allowRoot: true });
      const entries = await listWholeDirectory(app.deps.artifactStore, dir);
      // MLflow lists basenames only; the client re-joins them with the directory it asked for.
      return toMlflowJson({ files: entries.map((entry) => (entry.isDir ? { path: entry.name, is_dir: true } : { path: entry.name, is_dir: false, file_size: entry.size })) });
    });

    app.get(`${base}/artifacts/*`, { config: { access: 'artifacts:read' } }, async (request, reply) =>
      sendArtifact(reply, app.deps.artifactStore, pathFrom(request, `${base}/artifacts/`)),
    );

    app.delete(`${base}/artifacts/*`, { config: { access: 'artifacts:write' } }, async (request) => {
      await deleteArtifact(deps(app), context(request), pathFrom(request, `${base}/artifacts/`));
      return {};
    });

    app.post(`${base}/mpu/create/*`, { config: { access: 'artifacts:write' } }, async (request) => {
      const path = pathFrom(request, `${base}/mpu/create/`);
      const { num_parts: numParts } = parseMessage(createRequest, request.body ?? {});
      const upload = await createMultipartUpload(deps(app), context(request), path);
      const origin = originOf(request, app);
      const credentials = Array.from({ length: numParts }, (_, index) => {
        const partNumber = index + 1;
        const { expires, signature } = signPart(app.deps.secret, upload.uploadId, partNumber);
        const query = new URLSearchParams({ upload_id: upload.uploadId, part_number: String(partNumber), expires: String(expires), signature });
        return { url: `${origin}${base}/mpu/upload/${encodePath(path)}?${query}`, part_number: partNumber };
      });
      return { upload_id: upload.uploadId, credentials };
    });

    app.post(`${base}/mpu/complete/*`, { config: { access: 'artifacts:write' } }, async (request) => {
      const path = pathFrom(request, `${base}/mpu/complete/`);
      const input = parseMessage(completeRequest, request.body ?? {});
      const parts = input.parts.map((part) => ({ partNumber: part.part_number, etag: part.etag }));
      await completeMultipartUpload(deps(app), context(request), input.upload_id, path, parts);
      return {};
    });

    app.post(`${base}/mpu/abort/*`, { config: { access: 'artifacts:write' } }, async (request) => {
      const path = pathFrom(request, `${base}/mpu/abort/`);
      const input = parseMessage(uploadRequest, request.body ?? {});
      await abortMultipartUpload(deps(app), context(request), input.upload_id, path);
      return {};
    });
  }
}

async function rawBodyRoutes(app: FastifyInstance) {
  acceptRawBodies(app);
  for (const base of bases) {
    app.put(`${base}/artifacts/*`, { config: { access: 'artifacts:write' }, bodyLimit: maxArtifactBytes }, async (request) => {
      await uploadArtifact(deps(app), context(request), pathFrom(request, `${base}/artifacts/`), request.raw, maxArtifactBytes);
      return {};
    });

    // Part URLs handed out by mpu/create: authorised by their signature, as presigned URLs are.
    app.put(`${base}/mpu/upload/*`, { config: { access: 'public' }, bodyLimit: maxPartBytes }, async (request, reply) => {
      const path = pathFrom(request, `${base}/mpu/upload/`);
      const query = request.query as Record<string, unknown>;
      const uploadId = String(query.upload_id ?? '');
      const partNumber = Number(query.part_number);
      if (!verifyPart(app.deps.secret, uploadId, partNumber, Number(query.expires), String(query.signature ?? ''))) {
        throw new ApiError('PERMISSION_DENIED', 'Invalid or expired part upload URL; create the multipart upload again');
      }
      const upload = await app.deps.artifactStore.getMultipartUpload(uploadId);
      if (!upload || upload.path !== path) throw new ApiError('RESOURCE_DOES_NOT_EXIST', 'Multipart upload not found');
      const part = await app.deps.artifactStore.uploadPart(uploadId, partNumber, request.raw, { maxBytes: maxPartBytes });
      return reply.header('etag', part.etag).send({});
    });
  }
}

function encodePath(path: string): string {
  return path.split('/').map(encodeURIComponent).join('/');
}

/** Where the client reached us, for absolute part URLs; falls back to the configured address. */
function originOf(request: FastifyRequest, app: FastifyInstance): string {
  const host = request.host;
  const safeHost = /^[A-Za-z0-9.-]+(:\d{1,5})?$|^\[[0-9A-Fa-f:.]+\](:\d{1,5})?$/.test(host) ? host : `${app.deps.config.host}:${app.deps.config.port}`;
  return `${request.protocol === 'https' ? 'https' : 'http'}://${safeHost}`;
}
