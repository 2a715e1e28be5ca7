import type { PromotionRequest } from '../../../../shared/contract/promotions';

/** A one-line description: "promote v2 to production (canary 10 → 50 → 100 %)". */
export function describeRequest(r: Pick<PromotionRequest, 'kind' | 'version' | 'environment' | 'strategy' | 'canarySteps' | 'targetWeight'>): string {
  switch (r.kind) {
    case 'promote':
      return r.strategy === 'canary'
        ? `promote v${r.version} to ${r.environment} (canary ${r.canarySteps?.join(' → ')} %)`
        : `promote v${r.version} to ${r.environment} (${r.strategy})`;
    case 'canary-step':
      return `step the v${r.version} canary in ${r.environment} to ${r.targetWeight} %`;
    case 'canary-promote':
      return `promote the v${r.version} canary in ${r.environment} to 100 %`;
    case 'canary-abort':
      return `abort the v${r.version} canary in ${r.environment}`;
    case 'rollback':
      return `roll ${r.environment} back to v${r.version}`;
  }
}

/** Parses "10, 25, 50, 100" into weights, or says what is wrong with it. */
export function parseCanarySteps(text: string): { steps: number[] } | { error: string } {
  const parts = text.split(/[\s,→>]+/).filter(Boolean);
  const steps = parts.map(Number);
  if (steps.length < 2 || steps.some((s) => !Number.isInteger(s) || s < 1 || s > 100)) return { error: 'List whole percentages from 1 to 100, e.g. 10, 25, 50, 100' };
  if (steps.some((s, i) => i > 0 && s <= steps[i - 1]!)) return { error: 'Each step must be larger than the one before' };
  if (steps.at(-1) !== 100) return { error: 'End with 100 (the canary becomes stable)' };
  return { steps };
}
