// Worker entry: a worker does not inherit a loader registered through tsx's API (bin.mjs), so it
// registers its own before loading the TypeScript worker.
import { register } from 'tsx/esm/api';

register();
await import('./audit-verify-worker.ts');
