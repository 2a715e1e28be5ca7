import Fastify, { type FastifyReply } from 'fastify';
import { describe, expect, it } from 'vitest';
import { PreSerialized } from './contract-route';

async function appSending(body: () => PreSerialized) {
  const app = Fastify();
  app.get('/answer', async (_request, reply) => body().send(reply));
  await app.ready();
  return app;
}

describe('PreSerialized', () => {
  it('sends its parts one after another as one JSON body with its length, then calls onSent once', async () => {
    let sent = 0;
    const parts = [Buffer.from('{"metrics":['), Buffer.from('{"step":1}'), Buffer.from(','), Buffer.from('{"step":2}'), Buffer.from(']}')];
    const app = await appSending(() => new PreSerialized(parts, () => (sent += 1)));
    const response = await app.inject({ method: 'GET', url: '/answer' });
    expect(response.headers['content-type']).toBe('application/json; charset=utf-8');
    expect(response.headers['content-length']).toBe(String(Buffer.concat(parts).length));
    expect(response.json()).toEqual({ metrics: [{ step: 1 }, { step: 2 }] });
    expect(sent).toBe(1);
    await app.close();
  });

  it('sends a single buffer as it is', async () => {
    const app = await appSending(() => new PreSerialized(Buffer.from('{"ok":true}')));
    const response = await app.inject({ method: 'GET', url: '/answer' });
    expect(response.json()).toEqual({ ok: true });
    expect(response.headers['content-length']).toBe('11');
    await app.close();
  });

  it('calls onSent at once when the client has already gone', () => {
    let sent = 0;
    const reply = { raw: { closed: true, once: () => {} }, type: () => reply, header: () => reply, send: () => reply };
    new PreSerialized([Buffer.from('{'), Buffer.from('}')], () => (sent += 1)).send(reply as unknown as FastifyReply);
    expect(sent).toBe(1);
  });
});
