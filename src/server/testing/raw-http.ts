import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Readable } from 'node:stream';
import type { FastifyInstance } from 'fastify';

/**
 * Real HTTP for tests that `inject` cannot express: request targets sent byte for byte (inject
 * normalises `..` and `%2e%2e` away) and bodies streamed from and to the socket.
 */
export async function listen(app: FastifyInstance): Promise<{ port: number }> {
  await app.listen({ port: 0, host: '127.0.0.1' });
  return { port: (app.server.address() as AddressInfo).port };
}

export interface RawResponse {
  status: number;
  headers: http.IncomingHttpHeaders;
  /** The response body, as a stream (read it or call text()). */
  stream: http.IncomingMessage;
  text(): Promise<string>;
}

export function rawRequest(
  port: number,
  options: { method: string; path: string; headers?: Record<string, string>; body?: Readable | Buffer | string },
): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const request = http.request({ host: '127.0.0.1', port, method: options.method, path: options.path, headers: options.headers }, (response) => {
      resolve({
        status: response.statusCode ?? 0,
        headers: response.headers,
        stream: response,
        async text() {
          let out = '';
          for await (const chunk of response) out += chunk;
          return out;
        },
      });
    });
    request.on('error', reject);
    const body = options.body;
    if (body === undefined) request.end();
    else if (typeof body === 'string' || Buffer.isBuffer(body)) request.end(body);
    else body.pipe(request);
  });
}
