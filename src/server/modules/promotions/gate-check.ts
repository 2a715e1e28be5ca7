import type { Gate, GateResult } from '../../../shared/contract/promotion-policies';
import type { RequestKind } from '../../../shared/contract/promotions';
import type { Db } from '../../db/database';
import type { OutboundPolicy } from '../webhooks/outbound-policy';
import { installBuiltinGates } from './builtin-gates';
import { runGates } from './gate-registry';
import { loadVersionFacts } from './version-facts.repository';

/** Safety actions are never blocked by gates: a rollback or an abort must always be possible. */
const gatedKinds = new Set<RequestKind>(['promote', 'canary-step', 'canary-promote']);

/** Runs a policy's gates for the version a request would serve, against the version serving now. */
export async function checkGates(
  db: Db,
  outbound: OutboundPolicy,
  input: { modelName: string; environment: string; kind: RequestKind; candidateVersion: number | null; servingVersion: number | null; gates: readonly Gate[] },
): Promise<GateResult[]> {
  if (!gatedKinds.has(input.kind) || input.candidateVersion === null || input.gates.length === 0) return [];
  installBuiltinGates();
  const candidate = await loadVersionFacts(db, input.modelName, input.candidateVersion);
  if (!candidate) {
    return [{ type: 'version', label: 'the version exists', status: 'fail', message: `${input.modelName} has no version ${input.candidateVersion}`, observed: null, expected: null }];
  }
  const serving = input.servingVersion === null ? null : await loadVersionFacts(db, input.modelName, input.servingVersion);
  return runGates(input.gates, { db, modelName: input.modelName, environment: input.environment, kind: input.kind, candidate, serving, outbound });
}

export function gateFailureReason(results: readonly GateResult[]): string {
  const failed = results.filter((r) => r.status === 'fail');
  return `Gate${failed.length === 1 ? '' : 's'} failed: ${failed.map((r) => `${r.label} (${r.message})`).join('; ')}`;
}
