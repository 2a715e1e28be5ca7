import { Worker } from 'node:worker_threads';
import type { TrainedRun } from './sweeps';

/**
 * Trains in a worker thread and yields runs as they finish, so the main thread logs run N while
 * the worker trains run N+1 and the server process stores them: three things on two cores. The
 * worker starts at once, before anyone iterates.
 */
export function trainInBackground(small: boolean): AsyncGenerator<TrainedRun> {
  const worker = new Worker(new URL('./train-worker.mjs', import.meta.url), { workerData: { small } });
  const arrived: Array<TrainedRun | null> = [];
  let failure: Error | null = null;
  let notify: (() => void) | null = null;
  const wake = () => {
    notify?.();
    notify = null;
  };
  worker.on('message', (run: TrainedRun | null) => (arrived.push(run), wake()));
  worker.on('error', (error) => ((failure = error), wake()));
  worker.on('exit', (code) => {
    if (code !== 0 && !failure) failure = new Error(`The training worker exited with code ${code}`);
    wake();
  });
  return (async function* () {
    try {
      for (;;) {
        if (arrived.length === 0 && !failure) await new Promise<void>((resolve) => (notify = resolve));
        const next = arrived.shift();
        if (next === null) return;
        if (next) yield next;
        else if (failure) throw failure;
      }
    } finally {
      await worker.terminate();
    }
  })();
}
