import type { Gate, GateResult, GateType } from '../../../shared/contract/promotion-policies';
import type { RequestKind, VersionFacts } from '../../../shared/contract/promotions';
import type { Db } from '../../db/database';
import type { OutboundPolicy } from '../webhooks/outbound-policy';

/** What an evaluator knows about the promotion it judges. */
export interface GateContext {
  db: Db;
  modelName: string;
  environment: string;
  kind: RequestKind;
  /** The version being promoted (or the canary being stepped up). */
  candidate: VersionFacts;
  /** The stable version serving in the environment now, if any. */
  serving: VersionFacts | null;
  outbound: OutboundPolicy;
}

export type GateOutcome = Pick<GateResult, 'status' | 'message'> & Partial<Pick<GateResult, 'observed' | 'expected'>>;
export type GateEvaluator<T extends GateType = GateType> = (gate: Extract<Gate, { type: T }>, context: GateContext) => Promise<GateOutcome> | GateOutcome;

const evaluators = new Map<GateType, GateEvaluator>();

/**
 * Registers the evaluator for a gate type, replacing the current one; returns a function that puts
 * the previous one back. Another module plugs its data in this way, e.g. monitoring:
 * `registerGateEvaluator('no-critical-drift', async (gate, ctx) => ({ status: 'pass', message: '…' }))`.
 */
export function registerGateEvaluator<T extends GateType>(type: T, evaluator: GateEvaluator<T>): () => void {
  const previous = evaluators.get(type);
  evaluators.set(type, evaluator as unknown as GateEvaluator);
  return () => {
    if (previous) evaluators.set(type, previous);
    else evaluators.delete(type);
  };
}

export function hasGateEvaluator(type: GateType): boolean {
  return evaluators.has(type);
}

const metricLabel = (m: string) => `metrics.${m}`;
const operatorSymbol = { '>=': '≥', '>': '>', '<=': '≤', '<': '<' } as const;

/** How a gate reads in the dashboard, e.g. `metrics.auc ≥ 0.85`. */
export function gateLabel(gate: Gate): string {
  switch (gate.type) {
    case 'metric-threshold':
      return `${metricLabel(gate.metric)} ${operatorSymbol[gate.operator]} ${gate.threshold}`;
    case 'beat-current':
      return `beats the serving version on ${metricLabel(gate.metric)} by ≥ ${gate.margin} (${gate.higherIsBetter ? 'higher' : 'lower'} is better)`;
    case 'required-tags':
      return `tags present: ${gate.tags.join(', ')}`;
    case 'signature-present':
      return 'MLmodel signature present';
    case 'no-critical-drift':
      return 'no critical drift against the reference';
    case 'webhook-check':
      return `webhook check ${new URL(gate.url).host}`;
  }
}

/** Runs every gate; an evaluator that throws makes its gate fail rather than the request. */
export async function runGates(gates: readonly Gate[], context: GateContext): Promise<GateResult[]> {
  return Promise.all(
    gates.map(async (gate) => {
      const base = { type: gate.type, label: gateLabel(gate), observed: null, expected: null };
      const evaluator = evaluators.get(gate.type);
      if (!evaluator) return { ...base, status: 'fail' as const, message: `No evaluator is registered for ${gate.type} gates` };
      try {
        return { ...base, ...(await evaluator(gate as never, context)) };
      } catch (error) {
        return { ...base, status: 'fail' as const, message: `The check failed to run: ${(error as Error).message}` };
      }
    }),
  );
}

export const gatesPassed = (results: readonly GateResult[]) => results.every((r) => r.status !== 'fail');
