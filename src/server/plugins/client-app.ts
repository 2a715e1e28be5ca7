import { readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import staticFiles from '@fastify/static';
import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';

const apiPrefixes = /^\/(api|ajax-api|metrics|healthz|readyz|health|version|get-artifact|model-versions\/get-artifact)(\/|$|\?)/;

function listFiles(root: string, dir = ''): Set<string> {
  const files = new Set<string>();
  for (const entry of readdirSync(path.join(root, dir), { withFileTypes: true })) {
    const relative = path.posix.join(dir, entry.name);
    if (entry.isDirectory()) for (const f of listFiles(root, relative)) files.add(f);
    else files.add(relative);
  }
  return files;
}

/**
 * Serves the built dashboard (dist/client): hashed assets with a year of caching, and
 * index.html for every other GET that is not an API path, so client-side routes survive a reload.
 * The file list is read once at start, so a request can only ever name a file that exists.
 */
export const clientAppPlugin = fp<{ root: string }>(
  async (app: FastifyInstance, { root }) => {
    if (!statSync(root, { throwIfNoEntry: false })?.isDirectory()) {
      app.log.warn({ root }, 'dashboard build not found; only the APIs are served (run npm run build)');
      return;
    }
    const files = listFiles(root);
    await app.register(staticFiles, { root, serve: false });
    app.get('/*', { config: { access: 'public' }, schema: { hide: true } }, async (request, reply) => {
      const urlPath = request.url.split('?')[0] ?? '/';
      if (apiPrefixes.test(urlPath)) return reply.callNotFound();
      let relative = '';
      try {
        relative = decodeURIComponent(urlPath).replace(/^\/+/, '');
      } catch {
        // An undecodable path is not a file; fall through to the app.
      }
      if (files.has(relative)) {
        const immutable = relative.startsWith('assets/');
        return reply.sendFile(relative, { maxAge: immutable ? '365d' : 0, immutable });
      }
      reply.header('cache-control', 'no-cache');
      return reply.sendFile('index.html', { maxAge: 0 });
    });
  },
  { name: 'client-app' },
);
