import type { GateType } from '../../../shared/contract/promotion-policies';
import { safePost } from '../webhooks/safe-post';
import { type GateContext, type GateEvaluator, type GateOutcome, hasGateEvaluator, registerGateEvaluator } from './gate-registry';

const compare = { '>=': (a: number, b: number) => a >= b, '>': (a: number, b: number) => a > b, '<=': (a: number, b: number) => a <= b, '<': (a: number, b: number) => a < b };

const noRun = (metric: string): GateOutcome => ({ status: 'fail', message: `The version has no source run with metrics.${metric}` });

let installed = false;

/**
 * Registers the built-in evaluators for gate types nothing else registered yet (so an evaluator a
 * module installed earlier, e.g. monitoring's drift check, stays). Idempotent.
 */
export function installBuiltinGates(): void {
  if (installed) return;
  installed = true;
  const registerGateEvaluatorDefault = <T extends GateType>(type: T, evaluator: GateEvaluator<T>) => {
    if (!hasGateEvaluator(type)) registerGateEvaluator(type, evaluator);
  };

  registerGateEvaluatorDefault('metric-threshold', (gate, { candidate }) => {
    const value = candidate.metrics[gate.metric];
    if (value === undefined) return noRun(gate.metric);
    const ok = compare[gate.operator](value, gate.threshold);
    return { status: ok ? 'pass' : 'fail', observed: value, expected: gate.threshold, message: `metrics.${gate.metric} is ${value}` };
  });

  registerGateEvaluatorDefault('beat-current', (gate, { candidate, serving }) => {
    const value = candidate.metrics[gate.metric];
    if (value === undefined) return noRun(gate.metric);
    if (!serving) return { status: 'pass', observed: value, message: 'Nothing serves here yet, so there is nothing to beat' };
    const current = serving.metrics[gate.metric];
    if (current === undefined) return { status: 'warning', observed: value, message: `The serving version ${serving.version} has no metrics.${gate.metric} to compare with` };
    const gain = gate.higherIsBetter ? value - current : current - value;
    const expected = gate.higherIsBetter ? current + gate.margin : current - gate.margin;
    const rounded = Number(gain.toPrecision(6));
    return {
      status: gain >= gate.margin ? 'pass' : 'fail',
      observed: value,
      expected,
      message: `${value} against ${current} for version ${serving.version}: ${rounded >= 0 ? 'better' : 'worse'} by ${Math.abs(rounded)}, needs ${gate.margin}`,
    };
  });

  registerGateEvaluatorDefault('required-tags', (gate, { candidate }) => {
    const missing = gate.tags.filter((tag) => !(tag in candidate.tags) || candidate.tags[tag] === '');
    return missing.length === 0
      ? { status: 'pass', message: `All ${gate.tags.length} required tags are set`, observed: gate.tags.length, expected: gate.tags.length }
      : { status: 'fail', message: `Missing tag${missing.length === 1 ? '' : 's'}: ${missing.join(', ')}`, observed: gate.tags.length - missing.length, expected: gate.tags.length };
  });

  registerGateEvaluatorDefault('signature-present', (_gate, { candidate }) =>
    candidate.signature?.inputs
      ? { status: 'pass', message: 'The MLmodel declares an input signature' }
      : { status: 'fail', message: 'The MLmodel has no input signature (log the model with a signature)' },
  );

  // Without monitoring composed in (buildApp installs its drift check), there is nothing to judge with.
  registerGateEvaluatorDefault('no-critical-drift', () => ({ status: 'warning', message: 'no monitoring data for this version' }));

  registerGateEvaluatorDefault('webhook-check', async (gate, context) => webhookCheck(gate.url, gate.timeoutMs, context));
}

/** POSTs the promotion to an external check; 2xx passes unless the JSON answer says `pass: false`. */
async function webhookCheck(url: string, timeoutMs: number, context: GateContext): Promise<GateOutcome> {
  const body = JSON.stringify({
    modelName: context.modelName,
    environment: context.environment,
    kind: context.kind,
    version: context.candidate.version,
    runId: context.candidate.runId,
    metrics: context.candidate.metrics,
    tags: context.candidate.tags,
    servingVersion: context.serving?.version ?? null,
  });
  try {
    const result = await safePost(url, body, {}, { policy: context.outbound, timeoutMs });
    if (result.status < 200 || result.status >= 300) return { status: 'fail', message: `The check answered ${result.status}` };
    const answer = safeJson(result.body) as { pass?: unknown; status?: unknown; message?: unknown } | null;
    const message = typeof answer?.message === 'string' ? answer.message.slice(0, 500) : `The check answered ${result.status}`;
    if (answer?.status === 'warning') return { status: 'warning', message };
    return { status: answer?.pass === false || answer?.status === 'fail' ? 'fail' : 'pass', message };
  } catch (error) {
    return { status: 'fail', message: `The check did not answer: ${(error as Error).message}` };
  }
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}
