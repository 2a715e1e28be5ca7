import { gzipSync } from 'node:zlib';
import type { Plugin } from 'vite';

interface ChunkInfo {
  type: 'chunk';
  fileName: string;
  code: string;
  isEntry: boolean;
  imports: string[];
  facadeModuleId: string | null;
  viteMetadata?: { importedCss: Set<string> };
}
interface AssetInfo {
  type: 'asset';
  fileName: string;
  source: string | Uint8Array;
}

const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;

/**
 * Prints, after `vite build`, what the browser downloads (gzipped) for the first page (the entry,
 * its static imports and CSS, plus the sign-in route) and for each lazily loaded route.
 */
export function bundleReport(): Plugin {
  return {
    name: 'sextant-bundle-report',
    apply: 'build',
    writeBundle(_options, bundle) {
      const files = bundle as unknown as Record<string, ChunkInfo | AssetInfo>;
      const gz = new Map<string, number>();
      const sizeOf = (file: string) => {
        if (!gz.has(file)) {
          const item = files[file];
          const content = item ? (item.type === 'chunk' ? item.code : item.source) : '';
          gz.set(file, gzipSync(content).length);
        }
        return gz.get(file) ?? 0;
      };
      const closure = (start: string, seen = new Set<string>()) => {
        const chunk = files[start];
        if (!chunk || seen.has(start)) return seen;
        seen.add(start);
        if (chunk.type === 'chunk') {
          chunk.viteMetadata?.importedCss.forEach((css) => seen.add(css));
          chunk.imports.forEach((imported) => closure(imported, seen));
        }
        return seen;
      };
      const chunks = Object.values(files).filter((f): f is ChunkInfo => f.type === 'chunk');
      const entry = chunks.find((c) => c.isEntry);
      if (!entry) return;
      const initial = closure(entry.fileName);
      const routes = chunks.filter((c) => c.facadeModuleId?.includes('/app/routes/'));
      const routeName = (c: ChunkInfo) => c.facadeModuleId?.split('/app/routes/')[1] ?? c.fileName;
      const signIn = routes.find((c) => routeName(c) === 'sign-in.tsx');
      const firstPage = new Set([...initial, ...(signIn ? closure(signIn.fileName) : [])]);
      const total = (set: Set<string>) => [...set].reduce((sum, file) => sum + sizeOf(file), 0);

      const lines = [`Sign-in page, initial download: ${kb(total(firstPage))} gzipped (target ≤ 150 KB)`];
      for (const route of routes.sort((a, b) => routeName(a).localeCompare(routeName(b)))) {
        const own = [...closure(route.fileName)].filter((file) => !initial.has(file));
        lines.push(`  route ${routeName(route).padEnd(34)} ${kb(own.reduce((sum, f) => sum + sizeOf(f), 0)).padStart(9)} gzipped beyond the entry`);
      }
      console.log(`\n${lines.join('\n')}\n`);
    },
  };
}
