import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/**
 * Runs `sextant demo` (real training, seeding through the APIs, live simulator) on a throwaway
 * data directory next to the journeys' own server, and resolves once it prints that the
 * dashboard is live (with the time it took).
 */
export interface DemoWorkspace {
  url: string;
  readySeconds: number;
  output: () => string;
  stop: () => Promise<void>;
}

export async function startDemoWorkspace(port: number): Promise<DemoWorkspace> {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'sextant-demo-e2e-'));
  const child: ChildProcess = spawn(process.execPath, ['src/server/bin.mjs', 'demo', '--reset', '--data-dir', dataDir, '--port', String(port)], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  let output = '';
  const readySeconds = await new Promise<number>((resolve, reject) => {
    child.stdout?.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const ready = /ready in ([\d.]+) s/.exec(output);
      if (ready) resolve(Number(ready[1]));
    });
    child.once('exit', (code) => reject(new Error(`sextant demo exited with ${code}:\n${output}`)));
  });
  process.stdout.write(output);
  return {
    url: `http://127.0.0.1:${port}`,
    readySeconds,
    output: () => output,
    stop: async () => {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGINT');
      await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 15_000))]);
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
