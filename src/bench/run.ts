// `npm run bench -- <name>` runs src/bench/<name>.bench.ts.
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const name = process.argv[2];
const file = path.join(path.dirname(fileURLToPath(import.meta.url)), `${name}.bench.ts`);
if (!name || !existsSync(file)) {
  process.stderr.write(`Usage: npm run bench -- <name>   (no src/bench/${name ?? '<name>'}.bench.ts)\n`);
  process.exit(2);
}
await import(pathToFileURL(file).href);
