import { describe, expect, it } from 'vitest';
import { loadWeather, splitWeather } from '../data/weather-data';
import { backoffMs } from './delivery';
import { behaviourOf, latencyQuantile, sampleLatency } from './latency';
import { seededRandom } from './random';
import { dayIndexAt, sampleDay } from './replay-clock';
import { poisson, routeRequest, type Serving } from './traffic-split';

const serving = (weight: number): Serving => ({
  revision: 3,
  stable: { version: 3, modelUri: 'models:/m/3' },
  canary: weight > 0 ? { version: 4, modelUri: 'models:/m/4', weight } : null,
});

describe('traffic split', () => {
  it('sends the canary its weight in percent of requests', () => {
    const random = seededRandom(1);
    const routed = Array.from({ length: 20_000 }, () => routeRequest(serving(25), random()));
    const share = routed.filter((v) => v === 4).length / routed.length;
    expect(share).toBeGreaterThan(0.23);
    expect(share).toBeLessThan(0.27);
  });

  it('routes at the boundaries and without a canary', () => {
    expect(routeRequest(serving(25), 0.2499)).toBe(4);
    expect(routeRequest(serving(25), 0.25)).toBe(3);
    expect(routeRequest(serving(0), 0)).toBe(3);
    expect(routeRequest({ revision: 0, stable: null, canary: null }, 0.5)).toBeNull();
  });

  it('draws Poisson request counts around the mean', () => {
    const random = seededRandom(2);
    const draws = Array.from({ length: 5000 }, () => poisson(4, random));
    expect(draws.reduce((a, b) => a + b, 0) / draws.length).toBeCloseTo(4, 0);
  });
});

describe('latency sampling', () => {
  it('is log-normal around the version’s median, with the larger forest slower in the tail', () => {
    const random = seededRandom(3);
    const small = behaviourOf('random-forest', 8);
    const large = behaviourOf('random-forest', 16);
    const draws = Array.from({ length: 20_000 }, () => sampleLatency(large, random)).sort((a, b) => a - b);
    const median = draws[10_000]!;
    expect(median / large.medianMs).toBeGreaterThan(0.95);
    expect(median / large.medianMs).toBeLessThan(1.05);
    const p99 = draws[19_800]!;
    expect(p99 / latencyQuantile(large, 2.326)).toBeGreaterThan(0.9);
    expect(p99 / latencyQuantile(large, 2.326)).toBeLessThan(1.1);
    expect(latencyQuantile(large, 2.326)).toBeGreaterThan(250);
    expect(latencyQuantile(small, 2.326)).toBeLessThan(250);
    expect(draws.every((d) => d >= 0)).toBe(true);
  });

  it('backs off exponentially up to 30 s', () => {
    expect([1, 2, 3, 10].map(backoffMs)).toEqual([500, 1000, 2000, 30_000]);
  });
});

describe('replay clock', () => {
  const days = splitWeather(loadWeather()).heldOut;
  const options = { startedAt: 0, secondsPerDay: 30, firstDay: 59, windowDays: 7 };

  it('advances one held-out day per secondsPerDay and wraps around', () => {
    expect(dayIndexAt(365, options, 0)).toBe(59);
    expect(dayIndexAt(365, options, 29_999)).toBe(59);
    expect(dayIndexAt(365, options, 30_000)).toBe(60);
    expect(dayIndexAt(365, options, 306 * 30_000)).toBe(0);
  });

  it('samples the current week with small measurement noise', () => {
    const random = seededRandom(4);
    const today = days[59]!;
    for (let i = 0; i < 200; i += 1) {
      const day = sampleDay(days, options, 0, random);
      expect(day.date <= today.date && day.date >= days[53]!.date).toBe(true);
      expect(day.wind).toBeGreaterThanOrEqual(0);
    }
  });
});
