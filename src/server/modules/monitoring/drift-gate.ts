import { describeRule, driftMethods } from '../../../shared/stats/drift-methods';
import type { GateOutcome } from '../promotions/gate-registry';
import { registerGateEvaluator } from '../promotions/gate-registry';
import { type VersionDriftSummary, versionDriftSummary } from './version-health.service';

/** How far back the gate looks at the candidate's live predictions. */
export const driftGateHours = 24;

/**
 * The promotions gate "no critical drift", judged on monitoring's data: the candidate's live
 * predictions (every deployment of the model, the last day) against its reference profile.
 * Critical drift fails the gate; without data to judge it warns, saying what is missing.
 */
export function driftGateOutcome(summary: VersionDriftSummary): GateOutcome {
  const v = `v${summary.version}`;
  const span = `the last ${driftGateHours} h`;
  if (summary.events === 0) return { status: 'warning', message: `No live predictions for ${v} in ${span}: drift was not checked` };
  if (!summary.hasReference) return { status: 'warning', message: `${v} has no reference profile: drift was not checked (upload one on the version page)` };
  const share = summary.driftShare;
  const drifted = summary.features.filter((f) => f.drifted);
  const rules = (features: typeof summary.features) =>
    features.map((f) => `${f.feature} (${f.score === null ? 'no score' : describeRule(driftMethods[f.method], f.score, f.threshold)})`).join(', ');
  if (summary.criticallyDrifted) {
    const critical = summary.features.filter((f) => f.critical);
    const what = summary.datasetDrift
      ? `dataset drift: ${drifted.length} of ${summary.features.length} features drifted`
      : `critical drift on ${rules(critical)}`;
    const detail = summary.datasetDrift && critical.length > 0 ? ` (critical: ${rules(critical)})` : '';
    return { status: 'fail', observed: share, message: `${capitalise(what)}${detail}, over ${summary.events} predictions in ${span}` };
  }
  const note = drifted.length > 0 ? `; drifted below the critical level: ${rules(drifted)}` : '';
  return { status: 'pass', observed: share, message: `No critical drift over ${summary.events} predictions in ${span}${note}` };
}

const capitalise = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

/** Plugs the check into the promotions gate registry (composition: called once by buildApp). */
export function installDriftGate(): void {
  registerGateEvaluator('no-critical-drift', async (_gate, { db, modelName, candidate }) =>
    driftGateOutcome(await versionDriftSummary(db, modelName, candidate.version, { hours: driftGateHours })),
  );
}
