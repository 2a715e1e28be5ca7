import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../../testing/build-test-app';

let t: TestApp;
beforeAll(async () => {
  t = await buildTestApp();
});
afterAll(() => t.close());

const basic = (user: string, secret: string) => `Basic ${Buffer.from(`${user}:${secret}`).toString('base64')}`;

async function signIn(username: string, password: string) {
  const response = await t.app.inject({ method: 'POST', url: '/api/v1/auth/sign-in', payload: { username, password } });
  const cookie = response.cookies.find((c) => c.name === 'sextant_session');
  return { response, cookie: cookie ? `sextant_session=${cookie.value}` : '', body: response.json() };
}

async function auditActions(entityId?: string) {
  let query = t.database.handle.db.selectFrom('audit_events').select(['action', 'entity_id', 'actor_name', 'after_json']).orderBy('seq');
  if (entityId) query = query.where('entity_id', '=', entityId);
  return query.execute();
}

describe('sign-in with a session cookie', () => {
  it('signs in, reads /me, and requires the CSRF token on mutations', async () => {
    const grace = await t.userWithRole('data-scientist', 'grace');
    const { response, cookie, body } = await signIn('grace', grace.password);
    expect(response.statusCode).toBe(200);
    const setCookie = String(response.headers['set-cookie']);
    expect(setCookie).toMatch(/HttpOnly/);
    expect(setCookie).toMatch(/SameSite=Lax/);
    expect(body.user).toMatchObject({ username: 'grace', role: 'data-scientist' });

    const me = await t.request({ method: 'GET', url: '/api/v1/me', headers: { cookie } });
    expect(me.status).toBe(200);

    const withoutCsrf = await t.request<{ error: { message: string } }>({ method: 'PATCH', url: '/api/v1/me', headers: { cookie }, payload: { displayName: 'G' } });
    expect(withoutCsrf.status).toBe(403);
    expect(withoutCsrf.body.error.message).toMatch(/CSRF/);

    const withCsrf = await t.request({ method: 'PATCH', url: '/api/v1/me', headers: { cookie, 'x-csrf-token': body.csrfToken }, payload: { displayName: 'Grace H.' } });
    expect(withCsrf.status).toBe(200);
    expect(withCsrf.body).toMatchObject({ displayName: 'Grace H.' });
  });

  it('refuses a wrong password with 401 and audits the failure', async () => {
    await t.userWithRole('viewer', 'victor');
    const { response } = await signIn('victor', 'not-his-password');
    expect(response.statusCode).toBe(401);
    expect(response.json().error.message).toBe('Wrong username or password');
    const failures = (await auditActions('victor')).filter((e) => e.action === 'auth.sign-in-failed');
    expect(failures).toHaveLength(1);
    expect(JSON.parse(failures[0]?.after_json ?? '{}')).toEqual({ reason: 'bad-credentials' });
  });

  it('ends the session on sign-out and after the session expires', async () => {
    const user = await t.userWithRole('viewer', 'sam');
    const { cookie, body } = await signIn('sam', user.password);
    const out = await t.request({ method: 'POST', url: '/api/v1/auth/sign-out', headers: { cookie, 'x-csrf-token': body.csrfToken } });
    expect(out.status).toBe(200);
    const after = await t.request<{ error: { message: string } }>({ method: 'GET', url: '/api/v1/me', headers: { cookie } });
    expect(after.status).toBe(401);
    expect(after.body.error.message).toMatch(/session has ended/);

    const again = await signIn('sam', user.password);
    await t.database.handle.db.updateTable('sessions').set({ expires_at: Date.now() - 1 }).execute();
    const expired = await t.request<{ error: { message: string } }>({ method: 'GET', url: '/api/v1/me', headers: { cookie: again.cookie } });
    expect(expired.status).toBe(401);
    expect(expired.body.error.message).toMatch(/expired/);
  });

  it('refuses a disabled user and ends their sessions when they are disabled', async () => {
    const admin = await t.userWithRole('admin');
    const dora = await t.userWithRole('data-scientist', 'dora');
    const { cookie } = await signIn('dora', dora.password);
    const disable = await t.request({ method: 'PATCH', url: `/api/v1/users/${dora.userId}`, headers: admin.headers, payload: { disabled: true } });
    expect(disable.status).toBe(200);
    expect((await t.request({ method: 'GET', url: '/api/v1/me', headers: { cookie } })).status).toBe(401);
    const retry = await signIn('dora', dora.password);
    expect(retry.response.statusCode).toBe(401);
    expect(retry.body.error.message).toMatch(/disabled/);
    const viaToken = await t.request<{ error: { message: string } }>({ method: 'GET', url: '/api/v1/me', headers: dora.headers });
    expect(viaToken.status).toBe(401);
    expect(viaToken.body.error.message).toMatch(/disabled/);
  });

  it('limits repeated failures for one user from one address with 429', async () => {
    await t.userWithRole('viewer', 'lim');
    const statuses: number[] = [];
    for (let i = 0; i < 11; i++) statuses.push((await signIn('lim', `wrong-${i}`)).response.statusCode);
    expect(statuses.slice(0, 10).every((s) => s === 401)).toBe(true);
    expect(statuses[10]).toBe(429);
  });
});

describe('API tokens and MLflow-style credentials', () => {
  it('accepts a token as Bearer, as Basic password with its owner, and records last use', async () => {
    const user = await t.userWithRole('data-scientist', 'tess');
    const created = await t.request<{ token: { id: string; prefix: string }; secret: string }>({
      method: 'POST',
      url: '/api/v1/me/tokens',
      headers: user.headers,
      payload: { name: 'laptop' },
    });
    expect(created.status).toBe(201);
    const { secret, token } = created.body;
    expect(secret).toMatch(/^sxt_/);
    expect(secret.startsWith(token.prefix)).toBe(true);

    const bearer = await t.request<{ via: string }>({ method: 'GET', url: '/api/v1/me', headers: { authorization: `Bearer ${secret}` } });
    expect(bearer.body.via).toBe('token');
    const viaBasic = await t.request<{ via: string }>({ method: 'GET', url: '/api/v1/me', headers: { authorization: basic('tess', secret) } });
    expect(viaBasic.body.via).toBe('basic-token');
    const wrongOwner = await t.request({ method: 'GET', url: '/api/v1/me', headers: { authorization: basic('someone-else', secret) } });
    expect(wrongOwner.status).toBe(401);

    const list = await t.request<{ items: Array<{ id: string; lastUsedAt: string | null }> }>({ method: 'GET', url: '/api/v1/me/tokens', headers: user.headers });
    expect(list.body.items.find((i) => i.id === token.id)?.lastUsedAt).not.toBeNull();
    // The secret itself is never stored or listed.
    expect(JSON.stringify(list.body)).not.toContain(secret);
    const stored = await t.database.handle.db.selectFrom('api_tokens').select('token_hash').where('id', '=', Number(token.id)).executeTakeFirstOrThrow();
    expect(stored.token_hash).not.toContain(secret);
  });

  it('accepts Basic with a password (the MLflow username/password setting)', async () => {
    const user = await t.userWithRole('viewer', 'pat');
    const ok = await t.request<{ via: string }>({ method: 'GET', url: '/api/v1/me', headers: { authorization: basic('pat', user.password) } });
    expect(ok.status).toBe(200);
    expect(ok.body.via).toBe('basic-password');
    const cached = await t.request({ method: 'GET', url: '/api/v1/me', headers: { authorization: basic('pat', user.password) } });
    expect(cached.status).toBe(200);
    const bad = await t.request({ method: 'GET', url: '/api/v1/me', headers: { authorization: basic('pat', 'nope-nope-nope') } });
    expect(bad.status).toBe(401);
  });

  it('refuses a revoked token with a message saying so, and audits the attempt', async () => {
    const user = await t.userWithRole('viewer', 'rita');
    const created = await t.request<{ token: { id: string }; secret: string }>({ method: 'POST', url: '/api/v1/me/tokens', headers: user.headers, payload: { name: 'ci' } });
    const revoke = await t.request({ method: 'DELETE', url: `/api/v1/me/tokens/${created.body.token.id}`, headers: user.headers });
    expect(revoke.status).toBe(200);
    const denied = await t.request<{ error: { message: string } }>({ method: 'GET', url: '/api/v1/me', headers: { authorization: `Bearer ${created.body.secret}` } });
    expect(denied.status).toBe(401);
    expect(denied.body.error.message).toBe('This API token was revoked');
    const events = await auditActions();
    expect(events.map((e) => e.action)).toEqual(expect.arrayContaining(['token.created', 'token.revoked']));
    expect(events.some((e) => e.action === 'auth.sign-in-failed' && e.after_json?.includes('token-revoked'))).toBe(true);
  });

  it('does not let a user revoke someone else’s token', async () => {
    const a = await t.userWithRole('viewer');
    const b = await t.userWithRole('viewer');
    const created = await t.request<{ token: { id: string } }>({ method: 'POST', url: '/api/v1/me/tokens', headers: a.headers, payload: { name: 'mine' } });
    const attempt = await t.request({ method: 'DELETE', url: `/api/v1/me/tokens/${created.body.token.id}`, headers: b.headers });
    expect(attempt.status).toBe(404);
  });
});

describe('users (admin)', () => {
  it('creates, lists and changes roles; a viewer gets 403 and the denial is audited', async () => {
    const admin = await t.userWithRole('admin');
    const created = await t.request<{ id: string; role: string }>({
      method: 'POST',
      url: '/api/v1/users',
      headers: admin.headers,
      payload: { username: 'newbie', role: 'viewer', password: 'long-enough-pw' },
    });
    expect(created.status).toBe(201);
    const duplicate = await t.request<{ error: { code: string } }>({
      method: 'POST',
      url: '/api/v1/users',
      headers: admin.headers,
      payload: { username: 'newbie', role: 'viewer', password: 'long-enough-pw' },
    });
    expect(duplicate.status).toBe(400);
    expect(duplicate.body.error.code).toBe('RESOURCE_ALREADY_EXISTS');

    const promoted = await t.request<{ role: string }>({ method: 'PATCH', url: `/api/v1/users/${created.body.id}`, headers: admin.headers, payload: { role: 'ml-engineer' } });
    expect(promoted.body.role).toBe('ml-engineer');

    const viewer = await t.userWithRole('viewer');
    const forbidden = await t.request<{ error: { code: string; message: string } }>({
      method: 'POST',
      url: '/api/v1/users',
      headers: viewer.headers,
      payload: { username: 'sneaky', role: 'admin', password: 'long-enough-pw' },
    });
    expect(forbidden.status).toBe(403);
    expect(forbidden.body.error.message).toMatch(/users:admin/);
    const denied = (await auditActions()).filter((e) => e.action === 'access.denied');
    expect(denied.at(-1)).toMatchObject({ entity_id: 'POST /api/v1/users', actor_name: viewer.username });
    const sneaky = await t.database.handle.db.selectFrom('users').where('username', '=', 'sneaky').selectAll().executeTakeFirst();
    expect(sneaky).toBeUndefined();
  });

  it('answers bad input with 400 naming the field, never 500', async () => {
    const admin = await t.userWithRole('admin');
    const wrongType = await t.request<{ error: { details: Array<{ path: string }> } }>({
      method: 'POST',
      url: '/api/v1/users',
      headers: admin.headers,
      payload: { username: 'x!', role: 'emperor', password: 5 },
    });
    expect(wrongType.status).toBe(400);
    expect(wrongType.body.error.details.map((d) => d.path).sort()).toEqual(['body.password', 'body.role', 'body.username']);

    const malformed = await t.request<{ error: { message: string } }>({
      method: 'POST',
      url: '/api/v1/users',
      headers: { ...admin.headers, 'content-type': 'application/json' },
      payload: '{"username": ',
    });
    expect(malformed.status).toBe(400);
    expect(malformed.body.error.message).toMatch(/not valid JSON/);

    const huge = await t.request<{ error: { code: string } }>({
      method: 'PATCH',
      url: '/api/v1/me',
      headers: { ...admin.headers, 'content-type': 'application/json' },
      payload: JSON.stringify({ displayName: 'x'.repeat(2 * 1024 * 1024) }),
    });
    expect(huge.status).toBe(413);
    expect(huge.body.error.code).toBe('PAYLOAD_TOO_LARGE');

    const badId = await t.request({ method: 'PATCH', url: '/api/v1/users/abc', headers: admin.headers, payload: {} });
    expect(badId.status).toBe(400);
    const unknown = await t.request({ method: 'PATCH', url: '/api/v1/users/99999', headers: admin.headers, payload: { role: 'viewer' } });
    expect(unknown.status).toBe(404);
  });
});
