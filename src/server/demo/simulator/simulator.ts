import { loadWeather, splitWeather } from '../data/weather-data';
import { ApiClient } from '../http/api-client';
import { DeliveryQueue, type DeliveryStats } from './delivery';
import { type PendingLabel, type PredictionEvent, servedRequest } from './events';
import { seededRandom } from './random';
import { type ReplayOptions, dayIndexAt, sampleDay } from './replay-clock';
import { ServingWatch } from './serving-watch';
import { poisson } from './traffic-split';

export interface SimulatorOptions {
  url: string;
  token: string;
  /** Requests per second over all deployments (production gets four times staging's share). */
  rate: number;
  /** Wall-clock seconds one held-out day lasts. */
  secondsPerDay: number;
  /** ISO date of the first replayed day. */
  firstDay: string;
  tickMs: number;
  labelDelayMs: [number, number];
  reportEveryMs: number;
  seed: number;
  log: (line: string) => void;
}

export const defaultSimulatorOptions = { rate: 10, secondsPerDay: 10, firstDay: '2015-05-20', tickMs: 2000, labelDelayMs: [20_000, 60_000] as [number, number], reportEveryMs: 60_000, seed: 2015 };

export interface SimulatorReport extends DeliveryStats {
  events: number;
  labels: number;
  seconds: number;
  /** CPU time of this process over wall time, in percent of one core. */
  cpuPercent: number;
  simulatedDay: string;
}

const sleep = (ms: number, signal: AbortSignal) =>
  new Promise<void>((resolve) => {
    const done = () => {
      clearTimeout(timer);
      signal.removeEventListener('abort', done);
      resolve();
    };
    const timer = setTimeout(done, ms);
    signal.addEventListener('abort', done, { once: true });
  });

async function discover(http: ApiClient, log: (line: string) => void): Promise<ServingWatch[]> {
  const { items } = await http.json<{ items: Array<{ id: string; modelName: string; environment: string; stableVersion: number | null }> }>('GET', '/api/v1/deployments');
  const watches: ServingWatch[] = [];
  for (const d of items.filter((item) => item.stableVersion !== null)) {
    const watch = new ServingWatch(http, d.id, d.modelName, d.environment);
    try {
      await watch.refresh();
      watches.push(watch);
    } catch (error) {
      log(`Skipping ${d.modelName} in ${d.environment}: ${(error as Error).message}`);
    }
  }
  return watches;
}

/**
 * Replays the held-out year as live traffic against every deployment whose models it can load,
 * until `signal` aborts; returns what was delivered and what it cost.
 */
export async function runSimulator(options: SimulatorOptions, signal: AbortSignal, onFirstDelivery?: () => void): Promise<SimulatorReport> {
  const http = new ApiClient(options.url, { token: options.token });
  const days = splitWeather(loadWeather()).heldOut;
  const random = seededRandom(options.seed);
  const startedAt = Date.now();
  const cpuAtStart = process.cpuUsage();
  const replay: ReplayOptions = { startedAt, secondsPerDay: options.secondsPerDay, firstDay: Math.max(0, days.findIndex((d) => d.date >= options.firstDay)), windowDays: 28 };
  const queue = new DeliveryQueue(http);
  let watches: ServingWatch[] = [];
  while (!signal.aborted) {
    try {
      watches = await discover(http, options.log);
      if (watches.length > 0) break;
      options.log('No deployment serves a model the simulator can load yet; looking again in 10 s.');
    } catch (error) {
      options.log(`Cannot reach ${options.url} (${(error as Error).message}); retrying in 10 s.`);
    }
    await sleep(10_000, signal);
  }
  options.log(`Simulating traffic for ${watches.map((w) => `${w.modelName}/${w.environment}`).join(', ')} at ${options.rate} requests/s; one day of 2015 every ${options.secondsPerDay} s.`);
  const share = (w: ServingWatch) => (w.environment === 'production' ? 4 : 1);
  const totalShare = watches.reduce((sum, w) => sum + share(w), 0);
  const pending = new Map<string, PendingLabel[]>();
  let events = 0;
  let labels = 0;
  let sequence = 0;
  let lastRefresh = Date.now();
  let lastReport = Date.now();
  let first = true;

  const report = (): SimulatorReport => {
    const cpu = process.cpuUsage(cpuAtStart);
    const seconds = (Date.now() - startedAt) / 1000;
    const day = days[dayIndexAt(days.length, replay, Date.now())]?.date ?? '';
    return { ...queue.stats, events, labels, seconds, cpuPercent: ((cpu.user + cpu.system) / 1e6 / Math.max(seconds, 0.001)) * 100, simulatedDay: day };
  };

  while (!signal.aborted) {
    const now = Date.now();
    for (const watch of watches) {
      const batch: PredictionEvent[] = [];
      const count = poisson((options.rate * share(watch) * options.tickMs) / totalShare / 1000, random);
      for (let i = 0; i < count; i += 1) {
        const served = servedRequest(watch, sampleDay(days, replay, now, random), random, now, `sim-${startedAt.toString(36)}-${(sequence += 1)}`);
        if (!served) continue;
        batch.push(served.event);
        if (served.label !== null) {
          const [min, max] = options.labelDelayMs;
          const list = pending.get(watch.deploymentId) ?? [];
          list.push({ dueAt: now + min + random() * (max - min), id: served.event.id, label: served.label });
          pending.set(watch.deploymentId, list);
        }
      }
      events += batch.length;
      queue.push({ path: `/api/v1/deployments/${watch.deploymentId}/predictions`, kind: 'predictions', items: batch });
      const list = pending.get(watch.deploymentId) ?? [];
      const due = list.filter((l) => l.dueAt <= now);
      if (due.length > 0) {
        pending.set(watch.deploymentId, list.filter((l) => l.dueAt > now));
        labels += due.length;
        queue.push({ path: `/api/v1/deployments/${watch.deploymentId}/labels`, kind: 'labels', items: due.map(({ id, label }) => ({ id, label })) });
      }
    }
    if (first && queue.stats.accepted > 0) {
      first = false;
      onFirstDelivery?.();
    }
    if (now - lastRefresh >= 10_000) {
      lastRefresh = now;
      await Promise.all(watches.map((w) => w.refresh().catch(() => false)));
    }
    if (now - lastReport >= options.reportEveryMs) {
      lastReport = now;
      options.log(formatReport(report()));
    }
    await sleep(Math.max(0, options.tickMs - (Date.now() - now)), signal);
  }
  await queue.stop(5_000);
  return report();
}

export function formatReport(r: SimulatorReport): string {
  return (
    `simulator: ${r.events} events and ${r.labels} labels in ${r.seconds.toFixed(0)} s (simulated ${r.simulatedDay}); accepted ${r.accepted}, rejected ${r.rejected}, ` +
    `retries ${r.retries}, queued ${r.queued}, undelivered ${r.undelivered}; CPU ${r.cpuPercent.toFixed(1)} % of one core${r.lastError ? `; last error: ${r.lastError}` : ''}`
  );
}
