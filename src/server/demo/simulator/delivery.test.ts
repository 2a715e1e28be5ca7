import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { ApiClient } from '../http/api-client';
import { DeliveryQueue } from './delivery';

let server: Server | null = null;

/** A stand-in ingest endpoint answering with the given statuses in turn (then 200). */
async function ingestAnswering(statuses: number[]): Promise<{ url: string; received: number[] }> {
  const received: number[] = [];
  server = createServer((request, response) => {
    let body = '';
    request.on('data', (chunk) => (body += chunk));
    request.on('end', () => {
      const status = statuses.shift() ?? 200;
      const events = (JSON.parse(body) as { events: unknown[] }).events;
      if (status === 200) received.push(events.length);
      response.writeHead(status, { 'content-type': 'application/json' });
      response.end(status === 200 ? JSON.stringify({ accepted: events.length, rejected: [] }) : JSON.stringify({ error: { code: 'UNAVAILABLE', message: 'restarting' } }));
    });
  });
  await new Promise<void>((resolve) => server!.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${(server!.address() as AddressInfo).port}`, received };
}

afterEach(() => new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve())));

const noWait = () => Promise.resolve();
const batch = (n: number) => ({ path: '/api/v1/deployments/1/predictions', kind: 'predictions' as const, items: Array.from({ length: n }, (_, i) => ({ i })) });

describe('prediction delivery', () => {
  it('retries through a restart (503s) and delivers in order', async () => {
    const { url, received } = await ingestAnswering([503, 503]);
    const queue = new DeliveryQueue(new ApiClient(url, { token: 't' }), 1000, noWait);
    queue.push(batch(3));
    queue.push(batch(2));
    const stats = await queue.stop(2000);
    expect(received).toEqual([3, 2]);
    expect(stats).toMatchObject({ accepted: 5, retries: 2, undelivered: 0, rejected: 0 });
  });

  it('counts a refused batch as rejected and moves on', async () => {
    const { url, received } = await ingestAnswering([400]);
    const queue = new DeliveryQueue(new ApiClient(url, { token: 't' }), 1000, noWait);
    queue.push(batch(4));
    queue.push(batch(1));
    const stats = await queue.stop(2000);
    expect(received).toEqual([1]);
    expect(stats).toMatchObject({ accepted: 1, rejected: 4 });
  });

  it('reports what it could not deliver while the server is down', async () => {
    // Nothing listens on this port: every attempt fails and waits (here: never long).
    const queue = new DeliveryQueue(new ApiClient('http://127.0.0.1:9', { token: 't' }), 5, () => new Promise((resolve) => setTimeout(resolve, 5)));
    queue.push(batch(3));
    queue.push(batch(3));
    queue.push(batch(2));
    const stats = await queue.stop(100);
    expect(stats.retries).toBeGreaterThan(0);
    expect(stats.accepted).toBe(0);
    // The oldest batch was dropped when the queue exceeded 5 items, the rest at stop.
    expect(stats.undelivered).toBe(8);
  });
});
