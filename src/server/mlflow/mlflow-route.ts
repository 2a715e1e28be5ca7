import type { FastifyInstance, FastifyReply, FastifyRequest, HTTPMethods } from 'fastify';
import type { z } from 'zod';
import type { RouteAccess } from '../../shared/permissions';
import { PreSerialized } from '../http/contract-route';
import { toMlflowJson } from './mlflow-json';
import { parseMessage } from './mlflow-message';

export interface MlflowRouteSpec<S extends z.ZodType> {
  method: HTTPMethods | HTTPMethods[];
  /** Path under `/mlflow/`, e.g. `runs/create` or `logged-models/:model_id`. */
  path: string;
  access: RouteAccess;
  /** The request message; path parameters are merged into its fields. */
  request: S;
  /** A faster parser for a hot endpoint; it must accept, convert and refuse exactly as `request` does. */
  parse?: (fields: Record<string, unknown>) => z.output<S>;
  /** API versions this route is served under (MLflow's proto `since`): default 2.0. */
  versions?: Array<'2.0' | '3.0'>;
  bodyLimit?: number;
  handler: (input: z.output<S>, request: FastifyRequest, reply: FastifyReply) => Promise<unknown> | unknown;
}

/** Every MLflow route exists twice: for clients under /api and for MLflow's web UI under /ajax-api. */
export const mlflowPrefixes = ['/api', '/ajax-api'] as const;

/** The request's fields as MLflow reads them (see section 0 of the MLflow reference). */
export function mlflowFields(request: FastifyRequest): Record<string, unknown> {
  const query = request.query as Record<string, unknown> | undefined;
  const hasQuery = request.url.includes('?') && query && Object.keys(query).length > 0;
  let fields: unknown = request.method === 'GET' && hasQuery ? query : (request.body ?? query ?? {});
  // Old clients JSON-encode the body twice.
  if (typeof fields === 'string') {
    try {
      fields = JSON.parse(fields);
    } catch {
      fields = {};
    }
  }
  const base = fields && typeof fields === 'object' && !Array.isArray(fields) ? (fields as Record<string, unknown>) : {};
  return { ...base, ...(request.params as Record<string, unknown>) };
}

/** Registers an MLflow REST endpoint: MLflow's request parsing, response encoding and paths. */
export function mlflowRoute<S extends z.ZodType>(app: FastifyInstance, spec: MlflowRouteSpec<S>): void {
  for (const prefix of mlflowPrefixes) {
    for (const version of spec.versions ?? ['2.0']) {
      app.route({
        method: spec.method,
        url: `${prefix}/${version}/mlflow/${spec.path}`,
        config: { access: spec.access },
        ...(spec.bodyLimit !== undefined && { bodyLimit: spec.bodyLimit }),
        handler: async (request, reply) => {
          const fields = mlflowFields(request);
          const input = spec.parse ? spec.parse(fields) : parseMessage(spec.request, fields);
          const result = await spec.handler(input, request, reply);
          if (reply.sent) return reply;
          // A large answer the handler encoded itself, MLflow's way (see toMlflowJson).
          if (result instanceof PreSerialized) return result.send(reply);
          return reply.type('application/json; charset=utf-8').send(JSON.stringify(toMlflowJson(result ?? {})));
        },
      });
    }
  }
}
