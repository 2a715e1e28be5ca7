import { randomUUID } from 'node:crypto';
import path from 'node:path';
import cookie from '@fastify/cookie';
import Fastify, { type FastifyBaseLogger, type FastifyInstance, LogController } from 'fastify';
import { validatorCompiler } from 'fastify-type-provider-zod';
import type { AppDeps } from './app-deps';
import type { Config } from './config/env';
import type { DatabaseHandle } from './db/database';
import { responseSerializerCompiler } from './http/response-serializer';
import { artifactsRoutes } from './modules/artifacts/artifacts.routes';
import { LocalArtifactStore } from './modules/artifacts/local-artifact-store';
import { runArtifactsRoutes } from './modules/artifacts/run-artifacts.routes';
import { auditExportRoutes } from './modules/audit/audit-export.routes';
import { auditRoutes } from './modules/audit/audit.routes';
import { loggedModelsRoutes } from './modules/logged-models/logged-models.routes';
import { registryRoutes } from './modules/registry/registry.routes';
import { Authenticator } from './modules/auth/authenticate.service';
import { authRoutes } from './modules/auth/auth.routes';
import { tokensRoutes } from './modules/auth/tokens.routes';
import { installDriftGate } from './modules/monitoring/drift-gate';
import { lineageRoutes } from './modules/models-view/lineage.routes';
import { modelsViewRoutes } from './modules/models-view/models-view.routes';
import { monitoringRoutes } from './modules/monitoring/monitoring.routes';
import { usersRoutes } from './modules/auth/users.routes';
import { deploymentsRoutes } from './modules/deployments/deployments.routes';
import { policiesRoutes } from './modules/promotions/policies.routes';
import { promotionsRoutes } from './modules/promotions/promotions.routes';
import { experimentsWriteRoutes } from './modules/runs-view/experiments-write.routes';
import { runsViewRoutes } from './modules/runs-view/runs-view.routes';
import { systemRoutes } from './modules/system/system.routes';
import { trackingSearchRoutes } from './modules/tracking/tracking-search.routes';
import { trackingRoutes } from './modules/tracking/tracking.routes';
import { webhooksRoutes } from './modules/webhooks/webhooks.routes';
import { accessControlPlugin } from './plugins/access-control';
import { clientAppPlugin } from './plugins/client-app';
import { errorHandlerPlugin } from './plugins/error-handler';
import { metricsPlugin } from './plugins/metrics';
import { openApiPlugin } from './plugins/openapi';
import { securityHeadersPlugin } from './plugins/security-headers';

export interface AppOptions {
  config: Config;
  database: DatabaseHandle;
  secret: string;
  /** A pino logger or logger options; false in tests. */
  logger?: FastifyBaseLogger | boolean | Record<string, unknown>;
  /** The built dashboard to serve; null to serve the APIs only. */
  clientDir?: string | null;
  /** Check every response against its zod contract as well (tests); see response-serializer. */
  verifyResponses?: boolean;
}

const requestIdPattern = /^[A-Za-z0-9._-]{1,64}$/;

/** Builds the whole application without listening, so tests can `inject` requests. */
export async function buildApp(options: AppOptions): Promise<FastifyInstance> {
  const { config, database, secret } = options;
  const logger = options.logger ?? false;
  const app = Fastify({
    ...(typeof logger === 'object' && 'child' in logger ? { loggerInstance: logger as FastifyBaseLogger } : { logger }),
    trustProxy: config.trustedProxies.length > 0 ? config.trustedProxies : false,
    bodyLimit: 1024 * 1024,
    genReqId: (request) => {
      const incoming = request.headers['x-request-id'];
      return typeof incoming === 'string' && requestIdPattern.test(incoming) ? incoming : randomUUID();
    },
    forceCloseConnections: 'idle',
    // One log line per request (below) instead of Fastify's two.
    logController: new LogController({ disableRequestLogging: true }),
  });
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(responseSerializerCompiler({ verify: options.verifyResponses ?? false }));

  const deps: AppDeps = {
    config,
    database,
    secret,
    authenticator: new Authenticator(database, config, secret),
    artifactStore: new LocalArtifactStore(config.artifactsDir, path.join(config.dataDir, 'artifact-uploads')),
    routeTable: [],
  };
  app.decorate('deps', deps);
  // Set on request, so every response carries it (errors and 404s too) without an onSend step.
  app.addHook('onRequest', (request, reply, done) => {
    reply.header('x-request-id', request.id);
    done();
  });
  app.addHook('onResponse', (request, reply, done) => {
    request.log.info(
      { method: request.method, url: request.url.split('?')[0], status: reply.statusCode, ms: Math.round(reply.elapsedTime * 10) / 10 },
      'request',
    );
    done();
  });

  await app.register(errorHandlerPlugin);
  await app.register(securityHeadersPlugin);
  await app.register(cookie);
  await app.register(accessControlPlugin);
  await app.register(metricsPlugin);
  await app.register(openApiPlugin);

  // Composition across modules: monitoring judges the promotions gate "no critical drift".
  installDriftGate();

  await app.register(systemRoutes);
  await app.register(authRoutes);
  await app.register(usersRoutes);
  await app.register(tokensRoutes);
  await app.register(artifactsRoutes);
  await app.register(runArtifactsRoutes);
  await app.register(trackingRoutes);
  await app.register(registryRoutes);
  await app.register(trackingSearchRoutes);
  await app.register(loggedModelsRoutes);
  await app.register(modelsViewRoutes);
  await app.register(lineageRoutes);
  await app.register(deploymentsRoutes);
  await app.register(policiesRoutes);
  await app.register(promotionsRoutes);
  await app.register(webhooksRoutes);
  await app.register(monitoringRoutes);
  await app.register(auditRoutes);
  await app.register(auditExportRoutes);
  await app.register(runsViewRoutes);
  await app.register(experimentsWriteRoutes);

  if (options.clientDir) await app.register(clientAppPlugin, { root: options.clientDir });
  return app;
}
