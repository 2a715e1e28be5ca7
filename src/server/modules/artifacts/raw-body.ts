import type { FastifyInstance } from 'fastify';

/**
 * Artifact uploads carry raw bytes of any Content-Type (the Python client sends a guessed MIME
 * type, e.g. application/json for input_example.json). In the scope this is applied to, no body
 * is parsed or buffered: handlers stream `request.raw` straight to the store.
 */
export function acceptRawBodies(scope: FastifyInstance): void {
  scope.removeAllContentTypeParsers();
  scope.addContentTypeParser('*', (_request, _payload, done) => done(null));
}

/** The raw, still-encoded path after `prefix` (the query string stays for the caller to drop). */
export function rawUrlTail(url: string, prefix: string): string {
  return url.startsWith(prefix) ? url.slice(prefix.length) : '';
}
