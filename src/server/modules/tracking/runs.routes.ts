import type { FastifyInstance, FastifyRequest } from 'fastify';
import { mlflowRoute } from '../../mlflow/mlflow-route';
import { auditContextFor } from '../auth/principal';
import { createRun, deleteRunTag, getRun, setRunLifecycle, setRunTag, updateRun } from './runs.service';
import * as messages from './tracking-messages';
import { runIdOf } from './tracking-validation';

/** `runs/*` lifecycle and tags (logging is in run-logging.routes.ts, runs/search in run-search.routes.ts). */
export function runRoutes(app: FastifyInstance) {
  const { database } = app.deps;
  const context = (request: FastifyRequest) => auditContextFor(request.principal, request);

  mlflowRoute(app, {
    method: 'POST',
    path: 'runs/create',
    access: 'tracking:write',
    request: messages.createRun,
    handler: async (input, request) => ({
      run: await createRun(database, context(request), {
        experimentId: input.experiment_id,
        userId: input.user_id,
        runName: input.run_name,
        startTime: input.start_time,
        tags: input.tags ?? [],
      }),
    }),
  });
  mlflowRoute(app, {
    method: 'GET',
    path: 'runs/get',
    access: 'tracking:read',
    request: messages.runOnly,
    handler: async (input) => ({ run: await getRun(database, runIdOf(input)) }),
  });
  mlflowRoute(app, {
    method: 'POST',
    path: 'runs/update',
    access: 'tracking:write',
    request: messages.updateRun,
    handler: async (input, request) => ({
      run_info: await updateRun(database, context(request), runIdOf(input), { status: input.status, endTime: input.end_time, runName: input.run_name }),
    }),
  });
  mlflowRoute(app, {
    method: 'POST',
    path: 'runs/delete',
    access: 'tracking:write',
    request: messages.runOnly,
    handler: async (input, request) => setRunLifecycle(database, context(request), runIdOf(input), 'deleted'),
  });
  mlflowRoute(app, {
    method: 'POST',
    path: 'runs/restore',
    access: 'tracking:write',
    request: messages.runOnly,
    handler: async (input, request) => setRunLifecycle(database, context(request), runIdOf(input), 'active'),
  });
  mlflowRoute(app, {
    method: 'POST',
    path: 'runs/set-tag',
    access: 'tracking:write',
    request: messages.setRunTag,
    handler: async (input, request) => setRunTag(database, context(request), runIdOf(input), { key: input.key, value: input.value }),
  });
  mlflowRoute(app, {
    method: 'POST',
    path: 'runs/delete-tag',
    access: 'tracking:write',
    request: messages.deleteRunTag,
    handler: async (input, request) => deleteRunTag(database, context(request), runIdOf(input), input.key),
  });
}
