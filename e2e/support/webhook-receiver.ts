import { createHmac, timingSafeEqual } from 'node:crypto';
import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface Delivery {
  headers: IncomingHttpHeaders;
  body: string;
}

/** A loopback HTTP listener that records every webhook delivery it receives. */
export async function startWebhookReceiver() {
  const deliveries: Delivery[] = [];
  const server = createServer((request, response) => {
    let body = '';
    request.on('data', (chunk: Buffer) => (body += chunk.toString('utf8')));
    request.on('end', () => {
      deliveries.push({ headers: request.headers, body });
      response.end('ok');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/sextant`,
    deliveries,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** What a receiver does with the README's recipe: HMAC-SHA256 over `<timestamp>.<body>`. */
export function signatureValid(secret: string, delivery: Delivery): boolean {
  const timestamp = String(delivery.headers['x-sextant-timestamp']);
  const given = Buffer.from(String(delivery.headers['x-sextant-signature']).replace(/^v1=/, ''), 'hex');
  const expected = createHmac('sha256', secret).update(`${timestamp}.${delivery.body}`).digest();
  return given.length === expected.length && timingSafeEqual(given, expected) && Math.abs(Date.now() / 1000 - Number(timestamp)) < 300;
}
