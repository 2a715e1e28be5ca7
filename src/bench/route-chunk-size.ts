// Gzipped sizes of built route chunks, read from dist/client (what a browser downloads on navigation).
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';

const staticImport = /(?:from|import)\s*"\.\/([\w.-]+\.js)"/g;

/** The chunk and the chunks it imports statically (dynamic imports load later, on demand). */
function closure(assets: string, file: string, seen = new Set<string>()): Set<string> {
  if (seen.has(file)) return seen;
  seen.add(file);
  for (const [, imported] of readFileSync(path.join(assets, file), 'utf8').matchAll(staticImport)) closure(assets, imported!, seen);
  return seen;
}

/**
 * For each route file name (src/client/app/routes/<route>.tsx): its own chunk, and everything
 * navigating to it downloads beyond the entry's closure (the app shell already loaded), in KB gzipped.
 */
export function routeChunkSizes(clientDir: string, routes: string[]) {
  const assets = path.join(clientDir, 'assets');
  const files = readdirSync(assets);
  const kb = (file: string) => gzipSync(readFileSync(path.join(assets, file))).length / 1024;
  const entry = /src="\/assets\/([\w.-]+\.js)"/.exec(readFileSync(path.join(clientDir, 'index.html'), 'utf8'))?.[1];
  const shell = entry ? closure(assets, entry) : new Set<string>();
  return routes.flatMap((route) => {
    const chunk = files.find((f) => new RegExp(`^${route}-[\\w-]{8}\\.js$`).test(f));
    if (!chunk) return [];
    const lazy = [...closure(assets, chunk)].filter((f) => !shell.has(f));
    return [{ route, chunk: kb(chunk), lazy: lazy.reduce((sum, f) => sum + kb(f), 0) }];
  });
}
