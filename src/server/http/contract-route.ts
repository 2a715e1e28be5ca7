import { Readable } from 'node:stream';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { BodyOf, ParamsOf, QueryOf, ResponseOf, RouteSpec } from '../../shared/contract/common';
import type { RouteAccess } from '../../shared/permissions';
import { serializeAsBuilt } from './response-serializer';

export interface RouteInput<R extends RouteSpec> {
  params: ParamsOf<R>;
  query: QueryOf<R>;
  body: BodyOf<R>;
}

/**
 * A response body already serialised as JSON (UTF-8), sent as is: for large responses assembled from
 * parts serialised to the response's type elsewhere (stored drift results; metric values the
 * database encodes), where building and serialising every object would cost more than finding it.
 * Native and MLflow routes both accept it.
 */
export class PreSerialized {
  readonly parts: readonly Buffer[];

  /** `onSent` runs once the response has been handed to the OS or abandoned (it may free the parts' memory). */
  constructor(
    json: Buffer | readonly Buffer[],
    private readonly onSent?: () => void,
  ) {
    this.parts = Buffer.isBuffer(json) ? [json] : json;
  }

  /** Sends the body: parts are written one after another, never copied into one buffer. */
  send(reply: FastifyReply): FastifyReply {
    reply.type('application/json; charset=utf-8');
    // A client that left while the answer was being built has closed the response already.
    if (this.onSent && reply.raw.closed) this.onSent();
    else if (this.onSent) reply.raw.once('close', this.onSent);
    if (this.parts.length === 1) return reply.send(this.parts[0]);
    reply.header('content-length', this.parts.reduce((total, part) => total + part.byteLength, 0));
    return reply.send(Readable.from(this.parts));
  }
}

type Handler<R extends RouteSpec> = (
  input: RouteInput<R>,
  request: FastifyRequest,
  reply: FastifyReply,
) => Promise<ResponseOf<R> | PreSerialized> | ResponseOf<R> | PreSerialized;

/**
 * Registers a native API route from its contract: the contract's zod schemas validate the request
 * and serialise (and strip) the response, and the route declares who may call it.
 */
export function contractRoute<R extends RouteSpec>(
  app: FastifyInstance,
  spec: R,
  access: RouteAccess,
  handler: Handler<R>,
  options: { bodyLimit?: number; /** The handler answers in the contract's exact shape (see serializeAsBuilt). */ asBuilt?: boolean } = {},
): void {
  const status = spec.status ?? 200;
  if (options.asBuilt) serializeAsBuilt(spec.response);
  app.route({
    method: spec.method,
    url: spec.path,
    config: { access },
    ...(options.bodyLimit !== undefined && { bodyLimit: options.bodyLimit }),
    schema: {
      summary: spec.summary,
      tags: [spec.path.split('/')[3] ?? 'api'],
      ...(spec.params && { params: spec.params }),
      ...(spec.query && { querystring: spec.query }),
      ...(spec.body && { body: spec.body }),
      response: { [status]: spec.response },
    },
    handler: async (request, reply) => {
      const input = { params: request.params, query: request.query, body: request.body } as RouteInput<R>;
      const result = await handler(input, request, reply);
      reply.code(status);
      if (result instanceof PreSerialized) return result.send(reply);
      return result;
    },
  });
}
