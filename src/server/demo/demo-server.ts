import { type ChildProcess, spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { demoPassword } from './seed/demo-users';

/**
 * Starts Sextant as its own process on the demo data directory — never the configured one: every
 * variable that could point elsewhere (DATABASE_URL, artifacts, secret, SSO) is dropped.
 */
export function startDemoServer(dataDir: string, port: number): ChildProcess {
  const env: NodeJS.ProcessEnv = { ...process.env, SEXTANT_DATA_DIR: dataDir, PORT: String(port), HOST: '127.0.0.1', SEXTANT_ADMIN_PASSWORD: demoPassword('admin'), LOG_LEVEL: 'warn' };
  for (const name of ['DATABASE_URL', 'SEXTANT_ARTIFACTS_DIR', 'SEXTANT_SECRET', 'SEXTANT_AUTH_PROXY_HEADER', 'SEXTANT_TRUSTED_PROXIES']) delete env[name];
  const bin = fileURLToPath(new URL('../bin.mjs', import.meta.url));
  return spawn(process.execPath, [bin, 'serve', '--build-if-missing'], { env, stdio: ['ignore', 'inherit', 'inherit'] });
}

export async function waitUntilReady(url: string, child: ChildProcess, timeoutMs = 180_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`The demo server exited with code ${child.exitCode}`);
    try {
      if ((await fetch(`${url}/readyz`)).ok) return;
    } catch {
      // Not listening yet.
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`The demo server did not become ready within ${timeoutMs / 1000} s`);
}
