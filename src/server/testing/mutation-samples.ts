import type { InjectOptions } from 'fastify';
import { artifactsSamples } from '../modules/artifacts/artifacts.samples';
import { auditSamples } from '../modules/audit/audit.samples';
import { authSamples } from '../modules/auth/auth.samples';
import { deploymentsSamples } from '../modules/deployments/deployments.samples';
import { loggedModelsSamples } from '../modules/logged-models/logged-models.samples';
import { modelsViewSamples } from '../modules/models-view/models-view.samples';
import { monitoringSamples } from '../modules/monitoring/monitoring.samples';
import { policiesSamples } from '../modules/promotions/policies.samples';
import { promotionsSamples } from '../modules/promotions/promotions.samples';
import { registrySamples } from '../modules/registry/registry.samples';
import { runsViewSamples } from '../modules/runs-view/runs-view.samples';
import { trackingSamples } from '../modules/tracking/tracking.samples';
import { webhooksSamples } from '../modules/webhooks/webhooks.samples';
import type { TestApp } from './build-test-app';

export interface SampleContext {
  t: TestApp;
  /** Bearer headers of an admin created for the coverage test. */
  admin: Record<string, string>;
}

/**
 * A valid request for one mutating route, keyed `METHOD url` exactly as the route is registered
 * (e.g. `PATCH /api/v1/users/:userId`). It may first create what it needs (through services or
 * the API); the coverage test then sends the request and checks that it wrote an audit event.
 * MLflow routes are registered under /api and /ajax-api: the /api sample serves both.
 */
export type MutationSample = (context: SampleContext) => Promise<InjectOptions & { url: string }>;
export type MutationSamples = Record<string, MutationSample>;

/** Every module's samples: a module that adds a mutating route adds its sample here. */
export const mutationSamples: MutationSamples = {
  ...authSamples,
  ...auditSamples,
  ...trackingSamples,
  ...registrySamples,
  ...runsViewSamples,
  ...loggedModelsSamples,
  ...artifactsSamples,
  ...monitoringSamples,
  ...deploymentsSamples,
  ...promotionsSamples,
  ...policiesSamples,
  ...webhooksSamples,
  ...modelsViewSamples,
};

/**
 * Mutating routes that legitimately write nothing, each with the reason. Keep it short and
 * specific: read-only POST searches (e.g. MLflow's `POST /api/2.0/mlflow/runs/search`) belong
 * here; a route that changes state never does.
 */
export const auditExemptions: Record<string, string> = {
  'POST /api/2.0/mlflow/registered-models/get-latest-versions': 'a read (MLflow clients POST it)',
  'POST /api/2.0/mlflow/logged-models/search': 'a read-only search',
  'POST /api/2.0/mlflow/experiments/search-datasets': 'a read (MLflow’s UI POSTs it)',
  'POST /api/2.0/mlflow/runs/search': 'a read-only search',
  'POST /api/2.0/mlflow/experiments/search': 'a read-only search',
  'POST /api/2.0/mlflow/runs/log-metric':
    'telemetry: metric values (often one call per training step) are append-only measurements, like prediction events; params, tags, inputs and run lifecycle are audited',
  'PUT /api/2.0/mlflow-artifacts/mpu/upload/*': 'one part of a multipart upload; the upload is audited when created and completed',
  'POST /api/v1/deployments/:deploymentId/predictions': 'telemetry: prediction events feed monitoring windows, they change no governed state',
  'POST /api/v1/promotions/preview': 'a read: runs the gates a promotion would face and stores nothing',
  'POST /api/v1/runs/search': 'a read: the runs view does not fit a query string',
  'POST /api/v1/runs/groups': 'a read: the runs view does not fit a query string',
  'POST /api/v1/runs/metric-histories': 'a read: run ids and metric keys do not fit a query string',
  'POST /api/v1/deployments/:deploymentId/labels': 'telemetry: ground-truth labels for monitoring, no governed state',
};
