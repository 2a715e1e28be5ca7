// Starts the real server for the e2e run on a throwaway data directory (fresh SQLite database).
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const dataDir = mkdtempSync(path.join(os.tmpdir(), 'sextant-e2e-'));
// Journeys that need data no API creates yet seed it straight into this database.
mkdirSync('test-results', { recursive: true });
writeFileSync('test-results/e2e-server.json', JSON.stringify({ dataDir, database: path.join(dataDir, 'sextant.db') }));
const child = spawn('npx', ['tsx', 'src/server/cli.ts', 'serve'], {
  stdio: 'inherit',
  env: {
    ...process.env,
    PORT: process.env.E2E_PORT ?? '5179',
    HOST: '127.0.0.1',
    SEXTANT_DATA_DIR: dataDir,
    SEXTANT_ADMIN_PASSWORD: 'e2e-admin-password',
    LOG_LEVEL: 'warn',
    // Journeys receive webhooks on a loopback listener of their own.
    SEXTANT_WEBHOOK_ALLOW_PRIVATE: 'true',
  },
});
const stop = () => child.kill('SIGTERM');
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
child.on('exit', (code) => {
  rmSync(dataDir, { recursive: true, force: true });
  process.exit(code ?? 0);
});
