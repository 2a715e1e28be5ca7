// `npm run bench -- <name>` runs src/bench/<name>.bench.ts (each prints its own figures).
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const dir = path.dirname(fileURLToPath(import.meta.url));
const available = readdirSync(dir)
  .filter((file) => file.endsWith('.bench.ts'))
  .map((file) => file.replace('.bench.ts', ''));
const name = process.argv[2];

if (!name || !available.includes(name)) {
  process.stderr.write(`Usage: npm run bench -- <name>\nAvailable: ${available.join(', ')}\n`);
  process.exit(1);
}
await import(pathToFileURL(path.join(dir, `${name}.bench.ts`)).href);
