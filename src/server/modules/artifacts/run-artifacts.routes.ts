import type { FastifyInstance, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { invalidParameter, notFound } from '../../errors';
import { mlflowRoute } from '../../mlflow/mlflow-route';
import { str } from '../../mlflow/mlflow-message';
import { auditContextFor } from '../auth/principal';
import { sendArtifact } from './artifact-download';
import { canonicalArtifactPath, joinArtifactPath } from './artifact-path';
import { artifactPathFromUri, isArtifactUri } from './artifact-uri';
import { findRunArtifactUri } from './artifacts.repository';
import { maxUiUploadBytes, uploadArtifact } from './artifacts.service';
import { acceptRawBodies } from './raw-body';
import { listArtifactsUnder } from './artifact-listing';

/** Run-scoped artifact routes: `artifacts/list`, the UI's `/get-artifact` and `upload-artifact`. */
const listRequest = z.object({ run_id: str.optional(), run_uuid: str.optional(), path: str.optional(), page_token: str.optional() });

/** The store directory of a run's artifacts, or a clear error when they live elsewhere. */
export async function runArtifactRoot(app: FastifyInstance, runId: string | undefined) {
  if (!runId) throw invalidParameter("Missing value for required parameter 'run_id'.");
  const artifactUri = await findRunArtifactUri(app.deps.database.db, runId);
  if (artifactUri === undefined) throw notFound(`Run with id=${runId.slice(0, 64)} not found`);
  if (!isArtifactUri(artifactUri)) throw invalidParameter(`The artifacts of run ${runId} are stored outside Sextant (${artifactUri})`);
  return { artifactUri, root: artifactPathFromUri(artifactUri, { allowAuthority: true }) };
}

function queryString(request: FastifyRequest, name: string): string | undefined {
  const value = (request.query as Record<string, unknown>)[name];
  if (value !== undefined && typeof value !== 'string') throw invalidParameter(`Parameter '${name}' must be given once`);
  return value;
}

export async function runArtifactsRoutes(app: FastifyInstance) {
  mlflowRoute(app, {
    method: 'GET',
    path: 'artifacts/list',
    access: 'artifacts:read',
    request: listRequest,
    handler: async (input) => {
      const { artifactUri, root } = await runArtifactRoot(app, input.run_id || input.run_uuid);
      const page = await listArtifactsUnder(app.deps.artifactStore, root, input.path ?? '', input.page_token);
      return { root_uri: artifactUri, files: page.files, next_page_token: page.nextPageToken };
    },
  });

  app.get('/get-artifact', { config: { access: 'artifacts:read' }, schema: { hide: true } }, async (request, reply) => {
    const { root } = await runArtifactRoot(app, queryString(request, 'run_id') || queryString(request, 'run_uuid'));
    const path = canonicalArtifactPath(queryString(request, 'path') ?? '');
    return sendArtifact(reply, app.deps.artifactStore, joinArtifactPath(root, path));
  });

  await app.register(async (scope) => {
    acceptRawBodies(scope);
    for (const prefix of ['/api', '/ajax-api']) {
      scope.post(`${prefix}/2.0/mlflow/upload-artifact`, { config: { access: 'artifacts:write' }, bodyLimit: maxUiUploadBytes }, async (request) => {
        const { root } = await runArtifactRoot(app, queryString(request, 'run_uuid') || queryString(request, 'run_id'));
        const path = joinArtifactPath(root, canonicalArtifactPath(queryString(request, 'path') ?? ''));
        await uploadArtifact({ database: app.deps.database, store: app.deps.artifactStore }, auditContextFor(request.principal, request), path, request.raw, maxUiUploadBytes, 'ui');
        return {};
      });
    }
  });
}
