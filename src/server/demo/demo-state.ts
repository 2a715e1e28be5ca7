import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';

/**
 * The demo's own data directory (./data/demo by default) and the marker that says its seed
 * completed. A directory without the marker is a seed that was interrupted: it is wiped. A
 * non-empty directory the demo did not create (no `.sextant-demo` file) is never touched.
 */
export interface DemoState {
  seededAt: string;
  servingToken: string;
  runs: number;
  versions: number;
}

const markerOf = (dataDir: string) => path.join(dataDir, 'demo.json');
const ownerOf = (dataDir: string) => path.join(dataDir, '.sextant-demo');

export function readDemoState(dataDir: string): DemoState | null {
  try {
    return JSON.parse(readFileSync(markerOf(dataDir), 'utf8')) as DemoState;
  } catch {
    return null;
  }
}

export function writeDemoState(dataDir: string, state: DemoState) {
  writeFileSync(markerOf(dataDir), `${JSON.stringify(state, null, 2)}\n`, { mode: 0o600 });
}

/** Prepares the directory; returns whether it must be seeded. */
export function prepareDemoDir(dataDir: string, reset: boolean, log: (line: string) => void): boolean {
  if (existsSync(dataDir) && readdirSync(dataDir).length > 0 && !existsSync(ownerOf(dataDir))) {
    throw new Error(`${dataDir} is not a demo workspace (no .sextant-demo file); the demo never touches it`);
  }
  if (reset && existsSync(dataDir) && readdirSync(dataDir).length > 0) {
    log(`Resetting the demo workspace in ${dataDir}`);
    rmSync(dataDir, { recursive: true, force: true });
  } else if (existsSync(dataDir) && !readDemoState(dataDir)) {
    log(`The demo workspace in ${dataDir} was never completed; starting it afresh`);
    rmSync(dataDir, { recursive: true, force: true });
  }
  mkdirSync(dataDir, { recursive: true });
  writeFileSync(ownerOf(dataDir), 'Created by `npm run demo`; `npm run demo -- --reset` wipes this directory.\n');
  return readDemoState(dataDir) === null;
}
