import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { FastifyInstance, InjectOptions } from 'fastify';
import type { Role } from '../../shared/permissions';
import { buildApp } from '../app';
import { type Config, loadConfig } from '../config/env';
import { systemContext } from '../modules/audit/audit.service';
import { createToken } from '../modules/auth/tokens.service';
import { createUser } from '../modules/auth/users.service';
import { createTestDatabase, type TestDatabase } from './test-database';

export interface TestApp {
  app: FastifyInstance;
  database: TestDatabase;
  config: Config;
  /** Creates a user with this role and returns headers that authenticate as them (Bearer token). */
  userWithRole(role: Role, username?: string): Promise<{ userId: string; username: string; password: string; headers: Record<string, string> }>;
  /** `app.inject` with JSON parsing of the response body. */
  request<T = unknown>(options: InjectOptions): Promise<{ status: number; body: T; headers: Record<string, unknown> }>;
  close(): Promise<void>;
}

let counter = 0;

/** The real app on a fresh, migrated database (SQLite, or PostgreSQL in the server-postgres project). */
export async function buildTestApp(env: Record<string, string> = {}): Promise<TestApp> {
  const database = await createTestDatabase();
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'sextant-data-'));
  const config = loadConfig({ SEXTANT_DATA_DIR: dataDir, DATABASE_URL: database.url, ...env });
  const app = await buildApp({
    config,
    database: database.handle,
    secret: 'test-secret-0123456789abcdefghijklmnop',
    logger: false,
    verifyResponses: true,
  });
  await app.ready();

  return {
    app,
    database,
    config,
    async userWithRole(role, username = `${role}-${++counter}`) {
      const password = `password-${username}`;
      const user = await createUser(database.handle, { username, role, password }, systemContext);
      const { secret } = await createToken(database.handle, Number(user.id), { name: 'test' }, systemContext);
      return { userId: user.id, username: user.username, password, headers: { authorization: `Bearer ${secret}` } };
    },
    async request(options) {
      const response = await app.inject(options);
      const text = response.body;
      let body: unknown = text;
      if (String(response.headers['content-type'] ?? '').includes('json') && text) body = JSON.parse(text);
      return { status: response.statusCode, body: body as never, headers: response.headers };
    },
    async close() {
      await app.close();
      await database.drop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
