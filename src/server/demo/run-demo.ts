import path from 'node:path';
import { loadWeather, splitWeather } from './data/weather-data';
import { readDemoState, prepareDemoDir, writeDemoState } from './demo-state';
import { startDemoServer, waitUntilReady } from './demo-server';
import { demoPassword, demoUsers } from './seed/demo-users';
import { seedDemo } from './seed/seed-demo';
import { defaultSimulatorOptions, formatReport, runSimulator } from './simulator/simulator';
import { trainInBackground } from './training/train-in-background';

export interface DemoOptions {
  reset: boolean;
  port: number;
  dataDir: string;
  simulate: boolean;
  /** The small sweep (tests); the full one otherwise. */
  small: boolean;
}

const answers = (url: string) => fetch(`${url}/readyz`).then(() => true, () => false);
const print = (line: string) => process.stdout.write(`${line}\n`);
const since = (t: number) => `${((Date.now() - t) / 1000).toFixed(1)} s`;

/**
 * `npm run demo`: a live workspace on its own database. The server process starts while the
 * models train here (two cores, two processes), then everything is logged, registered, promoted
 * and monitored through the public APIs, and the simulator keeps traffic flowing.
 */
export async function runDemo(options: DemoOptions): Promise<void> {
  const started = Date.now();
  const dataDir = path.resolve(options.dataDir);
  const url = `http://127.0.0.1:${options.port}`;
  if (await answers(url)) throw new Error(`Something already answers on port ${options.port}; choose another with --port`);
  const mustSeed = prepareDemoDir(dataDir, options.reset, print);
  const server = startDemoServer(dataDir, options.port);
  const stopServer = () => server.exitCode === null && server.kill('SIGTERM');
  process.once('exit', stopServer);

  try {
    if (mustSeed) {
      print(`Training models on Seattle weather 2012–2013 (validated on 2014) while Sextant starts on ${url}…`);
      const runs = trainInBackground(options.small);
      await waitUntilReady(url, server);
      print(`Seeding the workspace through the public APIs (server ready at ${since(started)}):`);
      const result = await seedDemo(url, runs, splitWeather(loadWeather()), print);
      writeDemoState(dataDir, { seededAt: new Date().toISOString(), ...result });
    } else {
      print(`Reusing the demo workspace in ${dataDir} (--reset starts afresh)`);
      await waitUntilReady(url, server);
    }
  } catch (error) {
    stopServer();
    throw error;
  }
  const state = readDemoState(dataDir);
  if (!state) throw new Error('The demo workspace has no state file');

  print('\nSign in as (one user per role):');
  for (const user of demoUsers) print(`  ${user.username.padEnd(8)} ${demoPassword(user.username).padEnd(18)} ${user.role.padEnd(15)} ${user.does}`);
  const ready = () => print(`\nThe dashboard is live at ${url} — ready in ${since(started)} (${state.runs} runs, ${state.versions} model versions).\n`);
  if (!options.simulate) {
    ready();
    return;
  }
  const controller = new AbortController();
  const stop = () => controller.abort();
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  server.once('exit', (code) => {
    if (!controller.signal.aborted) print(`The demo server exited (${code}); stopping the simulator.`);
    stop();
  });
  const report = await runSimulator({ ...defaultSimulatorOptions, url, token: state.servingToken, log: print }, controller.signal, ready);
  print(formatReport(report));
  stopServer();
}
