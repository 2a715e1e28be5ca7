import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

/** `npm run bench -- <name> [args]` runs `src/bench/<name>.bench.ts`, whose `main(args)` prints its figures. */
const [name, ...args] = process.argv.slice(2);
const here = path.dirname(fileURLToPath(import.meta.url));
const file = name && /^[a-z0-9-]+$/.test(name) ? path.join(here, `${name}.bench.ts`) : '';

if (!file || !existsSync(file)) {
  process.stderr.write(`Usage: npm run bench -- <name>, where src/bench/<name>.bench.ts exists${name ? ` (no ${name}.bench.ts)` : ''}\n`);
  process.exit(2);
}
const module = (await import(pathToFileURL(file).href)) as { main(args: string[]): Promise<void> };
await module.main(args);
