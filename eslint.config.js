import { readdirSync } from 'node:fs';
import js from '@eslint/js';
import tanstackQuery from '@tanstack/eslint-plugin-query';
import checkFile from 'eslint-plugin-check-file';
import importPlugin from 'eslint-plugin-import';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const features = readdirSync('src/client/features', { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .map((entry) => entry.name);

/** The zone rules of the architecture: who may import whom. */
const zones = [
  { target: './src/client', from: './src/server', message: 'The client never imports server code; use src/shared.' },
  { target: './src/server', from: './src/client', message: 'The server never imports client code; use src/shared.' },
  { target: './src/shared', from: ['./src/server', './src/client', './src/bench'], message: 'Shared code imports only shared code.' },
  { target: ['./src/server', './src/client', './src/shared'], from: './src/bench', message: 'Nothing imports benchmarks.' },
  // One feature never imports another: routes (src/client/app) compose them.
  ...features.map((feature) => ({
    target: `./src/client/features/${feature}`,
    from: './src/client/features',
    except: [`./${feature}`],
    message: 'Features do not import each other; compose them in a route under src/client/app.',
  })),
  {
    target: ['./src/client/components', './src/client/hooks', './src/client/lib', './src/client/config', './src/client/testing'],
    from: ['./src/client/features', './src/client/app'],
    message: 'Shared client code does not depend on features or the app layer.',
  },
  { target: './src/client/features', from: './src/client/app', message: 'Features do not import the app layer.' },
];

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'public/**', 'test-results/**', 'playwright-report/**', 'data/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.{ts,tsx,js,mjs}'],
    languageOptions: { globals: { ...globals.node } },
    plugins: { import: importPlugin, 'check-file': checkFile },
    settings: { 'import/resolver': { node: { extensions: ['.ts', '.tsx', '.js', '.mjs'] } } },
    rules: {
      'import/no-restricted-paths': ['error', { zones }],
      'import/no-cycle': ['error', { maxDepth: 3 }],
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' }],
      'check-file/filename-naming-convention': ['error', { '**/*.{ts,tsx,js,mjs}': 'KEBAB_CASE' }, { ignoreMiddleExtensions: true }],
      'check-file/folder-naming-convention': ['error', { 'src/**/': 'KEBAB_CASE', 'e2e/**/': 'KEBAB_CASE' }],
    },
  },
  {
    // Migrations are named by date (sortable), not kebab-case, and are typed Kysely<any> by design.
    files: ['src/server/db/migrations/**'],
    rules: { 'check-file/filename-naming-convention': 'off', '@typescript-eslint/no-explicit-any': 'off' },
  },
  {
    files: ['src/shared/**'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [{ group: ['node:*'], message: 'src/shared runs in the browser too.' }] }],
    },
  },
  {
    files: ['src/server/**'],
    ignores: ['src/server/db/**', 'src/server/**/*.repository.ts', 'src/server/**/*.tables.ts', 'src/server/**/*.test.ts', 'src/server/testing/**'],
    rules: {
      'no-restricted-imports': ['error', { paths: [{ name: 'kysely', message: 'SQL lives in repositories and src/server/db.', allowTypeImports: true }] }],
    },
  },
  {
    files: ['src/client/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks, '@tanstack/query': tanstackQuery },
    rules: {
      ...reactHooks.configs.recommended.rules,
      ...tanstackQuery.configs.recommended.rules,
    },
  },
  {
    files: ['src/client/**/*.{ts,tsx}'],
    ignores: ['src/client/components/charts/**'],
    rules: {
      'no-restricted-imports': ['error', { paths: [{ name: 'recharts', message: 'Charts go through src/client/components/charts.' }] }],
    },
  },
);
