import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/app';
import { applyInitialTheme } from './hooks/use-theme';
import './styles.css';

async function start() {
  // `npm run dev:mock`: the client alone, answered by the MSW handlers the tests use.
  if (import.meta.env.VITE_API_MOCKING === 'true') {
    const { startMockWorker } = await import('./testing/msw/browser');
    await startMockWorker();
  }
  applyInitialTheme();
  createRoot(document.getElementById('root') as HTMLElement).render(
    <StrictMode>
      <App />
    </StrictMode>,
  );
}

void start();
