import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import v8 from 'node:v8';
import type { FastifyInstance } from 'fastify';
import { buildApp } from './app';
import type { Config } from './config/env';
import { resolveSecret } from './config/secret';
import { openDatabase } from './db/database';
import { migrateToLatest } from './db/migrate';
import { bootstrapAdmin } from './modules/auth/bootstrap-admin';

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const clientDir = path.join(repoRoot, 'dist/client');

function loggerOptions(config: Config) {
  return {
    level: config.logLevel,
    // Credentials never reach the log, whatever a future serializer includes.
    redact: ['req.headers.authorization', 'req.headers.cookie', 'req.headers["x-csrf-token"]', 'res.headers["set-cookie"]'],
    ...(process.stdout.isTTY && { transport: { target: 'pino-pretty', options: { translateTime: 'HH:MM:ss', ignore: 'pid,hostname' } } }),
  };
}

/** Builds the dashboard once if it has never been built (first `npm start` on a fresh clone). */
export async function buildClientIfMissing(): Promise<void> {
  if (existsSync(path.join(clientDir, 'index.html'))) return;
  process.stderr.write('Building the dashboard (first start only)…\n');
  const { build } = await import('vite');
  await build({ configFile: path.join(repoRoot, 'vite.config.ts'), root: repoRoot, logLevel: 'warn' });
}

/**
 * After each full collection V8 lets the old generation grow to up to four times what survived
 * before collecting it again, when collecting is cheap compared with the work done. Under a stream
 * of prediction batches (megabytes parsed per request, a little of each promoted) that let a heap
 * of 50 MB live objects reach 200 MB, and the server's RSS 370 MB of which 150 MB was garbage.
 * Growing by half instead keeps it near 240 MB; the extra full collections (~15 ms every second
 * or two) did not show in the CPU per event.
 */
const heapGrowingPercent = 50;

/**
 * SQLite reader threads (see sqlite-readers): two let a chart's histories be read on two cores;
 * each costs ~30 MB (its page cache and heap), and more would add little on a 2-core machine.
 */
const sqliteReaders = 2;

/** The process shell: migrate, bootstrap, listen, and close gracefully on SIGTERM/SIGINT. */
export async function runServer(config: Config): Promise<FastifyInstance> {
  v8.setFlagsFromString(`--heap-growing-percent=${heapGrowingPercent}`);
  const secret = resolveSecret(config);
  const database = openDatabase(config.databaseUrl, { backgroundCheckpoints: true, readers: sqliteReaders });
  await migrateToLatest(database);
  const admin = await bootstrapAdmin(database, config.adminPassword);
  const app = await buildApp({ config, database, secret, logger: loggerOptions(config), clientDir });
  app.addHook('onClose', async () => database.db.destroy());

  if (admin.generatedPassword) {
    // Printed once to the terminal, never to the structured log.
    process.stderr.write(
      `\nCreated the first user: admin\nOne-time password: ${admin.generatedPassword}\n` +
        'Sign in and change it under Settings → Profile (or start with SEXTANT_ADMIN_PASSWORD).\n\n',
    );
  }

  let closing = false;
  const shutdown = (signal: string) => {
    if (closing) return;
    closing = true;
    app.log.info({ signal }, 'shutting down: finishing in-flight requests');
    // Orchestrators usually allow 30 s between SIGTERM and SIGKILL.
    const force = setTimeout(() => process.exit(1), 25_000);
    force.unref();
    // Keep-alive connections that were busy when closing began become idle once their response is
    // sent; close them then, or the server would wait for clients to hang up.
    const sweep = setInterval(() => app.server.closeIdleConnections(), 100);
    sweep.unref();
    app.close().then(
      () => process.exit(0),
      (error) => {
        app.log.error({ err: error }, 'error while shutting down');
        process.exit(1);
      },
    );
  };
  process.once('SIGTERM', () => shutdown('SIGTERM'));
  process.once('SIGINT', () => shutdown('SIGINT'));

  const address = await app.listen({ port: config.port, host: config.host });
  app.log.info({ database: database.description }, `Sextant is serving on ${address}`);
  if (!process.stdout.isTTY) process.stderr.write(`Sextant is serving on ${address}\n`);
  return app;
}
