import type { ModelKind } from '../training/classifier';
import { normal, type Random } from './random';

/**
 * How a served version behaves: latency is log-normal (a median and a spread, as service latencies
 * are: a long right tail), with a small share of failed requests. Larger forests are slower and
 * fail a little more often (timeouts), which is what the demo's canary shows.
 */
export interface VersionBehaviour {
  medianMs: number;
  sigma: number;
  errorRate: number;
}

export function behaviourOf(kind: ModelKind, trees: number): VersionBehaviour {
  if (kind === 'softmax-regression') return { medianMs: 6, sigma: 0.3, errorRate: 0.002 };
  if (kind === 'decision-tree') return { medianMs: 9, sigma: 0.3, errorRate: 0.002 };
  return { medianMs: 20 + 8 * trees, sigma: trees > 10 ? 0.45 : 0.35, errorRate: trees > 10 ? 0.015 : 0.004 };
}

export function sampleLatency(behaviour: VersionBehaviour, random: Random): number {
  return Math.round(behaviour.medianMs * Math.exp(behaviour.sigma * normal(random)) * 10) / 10;
}

/** The q-quantile of the log-normal (for tests and for explaining the figures). */
export function latencyQuantile(behaviour: VersionBehaviour, z: number): number {
  return behaviour.medianMs * Math.exp(behaviour.sigma * z);
}
