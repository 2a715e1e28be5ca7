import cookie from '@fastify/cookie';
import Fastify from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { permissions } from '../../shared/permissions';
import { buildTestApp, type TestApp } from '../testing/build-test-app';
import { accessControlPlugin } from './access-control';

let t: TestApp;
beforeAll(async () => {
  t = await buildTestApp({ SEXTANT_AUTH_PROXY_HEADER: 'X-Forwarded-User', SEXTANT_TRUSTED_PROXIES: '10.0.0.0/8' });
});
afterAll(() => t.close());

describe('route permissions', () => {
  it('every registered route declares who may call it', () => {
    const allowed = new Set<string>([...permissions, 'authenticated', 'public']);
    expect(t.app.deps.routeTable.length).toBeGreaterThan(10);
    const undeclared = t.app.deps.routeTable.filter((route) => !allowed.has(route.access));
    expect(undeclared).toEqual([]);
    // The table is complete: routes Fastify serves are in it.
    for (const url of ['/api/v1/me', '/api/v1/users', '/healthz', '/health', '/metrics']) {
      expect(t.app.hasRoute({ method: 'GET', url })).toBe(true);
      expect(t.app.deps.routeTable.some((route) => route.url === url)).toBe(true);
    }
  });

  it('refuses to build an app with a route that declares nothing', async () => {
    const app = Fastify();
    app.decorate('deps', { routeTable: [] } as never);
    await app.register(cookie);
    await app.register(accessControlPlugin);
    expect(() => app.get('/unguarded', async () => 'oops')).toThrow(/declares no config.access/);
    await app.close();
  });

  it('answers 401 to anonymous calls of protected routes and lets public ones through', async () => {
    expect((await t.request({ method: 'GET', url: '/api/v1/users' })).status).toBe(401);
    expect((await t.request({ method: 'GET', url: '/healthz' })).status).toBe(200);
  });
});

describe('SSO through a trusted proxy header', () => {
  it('honours the header only from a trusted proxy and creates the user as a viewer', async () => {
    const trusted = await t.app.inject({ method: 'GET', url: '/api/v1/me', remoteAddress: '10.1.2.3', headers: { 'x-forwarded-user': 'Sso.User@Example.com' } });
    expect(trusted.statusCode).toBe(200);
    expect(trusted.json()).toMatchObject({ via: 'proxy', user: { username: 'sso.user@example.com', role: 'viewer' } });
    expect(trusted.json().csrfToken).toEqual(expect.any(String));

    const spoofed = await t.app.inject({ method: 'GET', url: '/api/v1/me', remoteAddress: '203.0.113.9', headers: { 'x-forwarded-user': 'admin' } });
    expect(spoofed.statusCode).toBe(401);
  });

  it('requires the CSRF token from SSO users on mutations', async () => {
    const headers = { 'x-forwarded-user': 'csrf.user' };
    const me = await t.app.inject({ method: 'GET', url: '/api/v1/me', remoteAddress: '10.0.0.5', headers });
    const noToken = await t.app.inject({ method: 'PATCH', url: '/api/v1/me', remoteAddress: '10.0.0.5', headers, payload: { displayName: 'C' } });
    expect(noToken.statusCode).toBe(403);
    const withToken = await t.app.inject({
      method: 'PATCH',
      url: '/api/v1/me',
      remoteAddress: '10.0.0.5',
      headers: { ...headers, 'x-csrf-token': me.json().csrfToken },
      payload: { displayName: 'C' },
    });
    expect(withToken.statusCode).toBe(200);
  });
});
