import tailwindcss from '@tailwindcss/vite';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vitest/config';
import { bundleReport } from './src/bench/bundle-report';

const serverUrl = `http://127.0.0.1:${process.env.PORT ?? 5000}`;

// Server suites run on SQLite, and again on PostgreSQL when TEST_DATABASE_URL is set (CI sets it).
const serverProject = (dialect: 'sqlite' | 'postgres') => ({
  extends: true as const,
  test: {
    name: `server-${dialect}`,
    environment: 'node',
    include: ['src/server/**/*.test.ts'],
    env: { SEXTANT_TEST_DIALECT: dialect },
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});

export default defineConfig({
  plugins: [react(), tailwindcss(), bundleReport()],
  build: {
    outDir: 'dist/client',
    emptyOutDir: true,
    sourcemap: true,
  },
  server: {
    proxy: Object.fromEntries(
      ['/api', '/ajax-api', '/metrics', '/healthz', '/readyz', '/get-artifact'].map((prefix) => [prefix, serverUrl]),
    ),
  },
  test: {
    projects: [
      {
        extends: true,
        test: { name: 'shared', environment: 'node', include: ['src/shared/**/*.test.ts'] },
      },
      serverProject('sqlite'),
      ...(process.env.TEST_DATABASE_URL ? [serverProject('postgres')] : []),
      {
        extends: true,
        test: {
          name: 'client',
          environment: 'jsdom',
          include: ['src/client/**/*.test.{ts,tsx}'],
          setupFiles: ['src/client/testing/setup-tests.ts'],
          testTimeout: 20_000,
          env: { TZ: 'UTC' },
        },
      },
    ],
  },
});
