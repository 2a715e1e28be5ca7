import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { ApiError, type ErrorDetail } from '../errors';

/** MLflow clients read `{error_code, message}`; everything else reads the native shape. */
export function isMlflowUrl(url: string): boolean {
  return /^\/(api|ajax-api)\/[23]\.0\/(mlflow|mlflow-artifacts)(\/|$|\?)/.test(url);
}

export function sendError(request: FastifyRequest, reply: FastifyReply, error: ApiError) {
  if (error.options.headers) reply.headers(error.options.headers);
  reply.code(error.status);
  if (isMlflowUrl(request.url)) {
    return reply.send({ error_code: error.code, message: error.message });
  }
  return reply.send({ error: { code: error.code, message: error.message, details: error.options.details } });
}

/** Turns whatever was thrown into an ApiError: known errors keep their status, the rest are 500. */
function toApiError(error: FastifyError | ApiError | Error, request: FastifyRequest): ApiError {
  const requestId = request.id;
  if (error instanceof ApiError) return error;
  const fastifyError = error as FastifyError;
  if (Array.isArray(fastifyError.validation)) {
    const where = fastifyError.validationContext ?? 'request';
    const details: ErrorDetail[] = fastifyError.validation.map((v) => ({
      path: [where === 'querystring' ? 'query' : where, ...String(v.instancePath ?? '').split('/').filter(Boolean)].join('.'),
      message: v.message ?? 'is invalid',
    }));
    const summary = details.map((d) => `${d.path}: ${d.message}`).join('; ');
    return new ApiError('INVALID_PARAMETER_VALUE', `Invalid request: ${summary}`, { details });
  }
  const status = fastifyError.statusCode ?? 500;
  if (status === 413) return new ApiError('PAYLOAD_TOO_LARGE', 'Request body is too large', { status });
  if (status === 415) {
    // MLflow answers 400; neither reflects the sent Content-Type (CVE-2023-6568 reflected it).
    return isMlflowUrl(request.url)
      ? new ApiError('INVALID_PARAMETER_VALUE', "Bad Request. Content-Type must be 'application/json'")
      : new ApiError('UNSUPPORTED_MEDIA_TYPE', 'Unsupported Content-Type; send application/json', { status });
  }
  if (status === 429) return new ApiError('REQUEST_LIMIT_EXCEEDED', fastifyError.message, { status });
  if (status >= 400 && status < 500) {
    const message = fastifyError.code === 'FST_ERR_CTP_INVALID_JSON_BODY' || error instanceof SyntaxError
      ? 'Request body is not valid JSON'
      : fastifyError.message;
    return new ApiError('BAD_REQUEST', message, { status });
  }
  return new ApiError('INTERNAL_ERROR', `Internal error (request ${requestId}); the server log has the details`);
}

/** The one error handler: every error leaves the server in the shape its API promises. */
export const errorHandlerPlugin = fp(
  async (app: FastifyInstance) => {
    app.setErrorHandler((error: FastifyError, request, reply) => {
      const apiError = toApiError(error, request);
      if (apiError.status >= 500) request.log.error({ err: error }, 'request failed');
      return sendError(request, reply, apiError);
    });
    app.setNotFoundHandler((request, reply) =>
      sendError(request, reply, new ApiError('ENDPOINT_NOT_FOUND', `No route for ${request.method} ${request.url.split('?')[0]}`)),
    );
  },
  { name: 'error-handler' },
);
