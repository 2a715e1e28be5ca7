import type { FastifyInstance } from 'fastify';
import { mlflowRoute } from '../../mlflow/mlflow-route';
import { z } from 'zod';

/**
 * `GET /api/3.0/mlflow/server-info`: newer MLflow clients probe it for features. Multipart
 * uploads through the artifact proxy (mlflow-artifacts mpu/*) are served, so they are advertised;
 * workspaces and trace archival are not.
 */
export function serverInfoRoutes(app: FastifyInstance) {
  mlflowRoute(app, {
    method: 'GET',
    path: 'server-info',
    versions: ['3.0'],
    access: 'tracking:read',
    request: z.object({}),
    handler: () => ({ store_type: 'SqlStore', workspaces_enabled: false, trace_archival_enabled: false, multipart_uploads_enabled: true }),
  });
}
