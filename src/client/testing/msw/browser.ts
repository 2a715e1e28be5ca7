import { setupWorker } from 'msw/browser';
import { handlers } from './handlers';

/** `npm run dev:mock`: the dashboard against the same fixtures the client tests use. */
export async function startMockWorker() {
  await setupWorker(...handlers).start({ onUnhandledRequest: 'warn' });
}
