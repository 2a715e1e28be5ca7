import type { CanaryRecommendation, VersionHealth } from '../../../shared/contract/monitoring';

/**
 * Canary analysis with Argo Rollouts / Flagger semantics: a check that fails rolls back
 * (Failed), too little data or a borderline result waits for a human (Inconclusive), and a
 * canary as good as stable may continue (Successful → promote).
 */
export interface CanaryCriteria {
  /** Events the canary needs before anything but "wait". */
  minEvents: number;
  /** Canary p99 may exceed stable's by this factor (and Flagger's absolute 500 ms gate). */
  maxP99Ratio: number;
  maxP99Ms: number;
  /** Canary error rate may exceed stable's by this many points (Flagger: success rate ≥ 99 %). */
  maxErrorRateIncrease: number;
  maxErrorRate: number;
}

export const defaultCanaryCriteria: CanaryCriteria = { minEvents: 100, maxP99Ratio: 1.2, maxP99Ms: 500, maxErrorRateIncrease: 0.01, maxErrorRate: 0.01 };

export function recommendCanary(stable: VersionHealth | null, canary: VersionHealth | null, criteria: CanaryCriteria = defaultCanaryCriteria): CanaryRecommendation {
  if (!canary) return inconclusive(['No canary is serving, or it has no events in this range']);
  if (canary.count < criteria.minEvents) return inconclusive([`The canary has ${canary.count} events; at least ${criteria.minEvents} are needed`]);

  const failed: string[] = [];
  const borderline: string[] = [];
  const canaryErrors = canary.errorRate ?? 0;
  const stableErrors = stable?.errorRate ?? 0;
  if (canaryErrors > Math.max(criteria.maxErrorRate, stableErrors + criteria.maxErrorRateIncrease)) {
    failed.push(`Canary error rate ${pct(canaryErrors)} against ${pct(stableErrors)} on stable`);
  }
  if (canary.p99 !== null) {
    if (canary.p99 > criteria.maxP99Ms) failed.push(`Canary p99 ${ms(canary.p99)} is above ${ms(criteria.maxP99Ms)}`);
    else if (stable?.p99 && canary.p99 > stable.p99 * criteria.maxP99Ratio) {
      failed.push(`Canary p99 ${ms(canary.p99)} is more than ${Math.round((criteria.maxP99Ratio - 1) * 100)} % above stable's ${ms(stable.p99)}`);
    }
  }
  const newlyDrifted = canary.driftedFeatures.filter((f) => !stable?.driftedFeatures.includes(f));
  if (canary.driftShare !== null && canary.driftShare >= 0.5) failed.push(`Dataset drift on the canary (${pct(canary.driftShare)} of features drifted)`);
  else if (newlyDrifted.length > 0) borderline.push(`Features drifted on the canary only: ${newlyDrifted.join(', ')}`);
  if (canary.driftShare === null) borderline.push('The canary has no reference profile or no feature data: drift is unknown');

  if (failed.length > 0) return { analysis: 'Failed', decision: 'rollback', reasons: failed };
  if (borderline.length > 0) return inconclusive(borderline);
  return { analysis: 'Successful', decision: 'promote', reasons: ['Canary latency, errors and drift are within the criteria'] };
}

const inconclusive = (reasons: string[]): CanaryRecommendation => ({ analysis: 'Inconclusive', decision: 'wait', reasons });
const pct = (share: number) => `${(share * 100).toFixed(1)} %`;
const ms = (value: number) => `${Math.round(value)} ms`;
