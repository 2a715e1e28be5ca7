import type { Deployment, Strategy } from '../../../shared/contract/deployments';
import type { RequestKind } from '../../../shared/contract/promotions';
import type { DeploymentChange } from '../deployments/deployments.repository';

export const defaultCanarySteps = [10, 25, 50, 100];

/** What a request asks for, once validated against the deployment it was made for. */
export interface RequestPlan {
  kind: RequestKind;
  /** The version that will serve (promote, rollback) or the canary's version (canary-*). */
  version: number | null;
  strategy: Strategy | null;
  canarySteps: number[] | null;
  targetWeight: number | null;
}

export type PlanInput =
  | { kind: 'promote'; version: number; strategy: Strategy; canarySteps?: number[] | undefined }
  | { kind: 'canary-step'; weight?: number | undefined }
  | { kind: 'canary-promote' | 'canary-abort' }
  | { kind: 'rollback'; version: number };

export class PlanRefused extends Error {}

type Current = Pick<Deployment, 'stableVersion' | 'canaryVersion' | 'canaryWeight' | 'status' | 'canarySteps' | 'strategy'>;

/** Checks a request against what the deployment serves now; throws PlanRefused saying why not. */
export function planRequest(input: PlanInput, current: Current): RequestPlan {
  const canaryRunning = current.status === 'canary' && current.canaryVersion !== null;
  switch (input.kind) {
    case 'promote': {
      if (canaryRunning) throw new PlanRefused(`A canary of version ${current.canaryVersion} is running; promote or abort it first`);
      if (input.version === current.stableVersion) throw new PlanRefused(`Version ${input.version} already serves here`);
      if (input.strategy !== 'canary') return { kind: 'promote', version: input.version, strategy: input.strategy, canarySteps: null, targetWeight: null };
      if (current.stableVersion === null) throw new PlanRefused('Nothing serves here yet, so there is no stable version for a canary to share traffic with; promote directly');
      const steps = input.canarySteps ?? defaultCanarySteps;
      if (steps.length < 2) throw new PlanRefused('A canary needs at least one step below 100 %');
      return { kind: 'promote', version: input.version, strategy: 'canary', canarySteps: steps, targetWeight: steps[0] ?? null };
    }
    case 'canary-step': {
      if (!canaryRunning) throw new PlanRefused('No canary is running here');
      const weight = input.weight ?? current.canarySteps?.find((s) => s > current.canaryWeight && s < 100);
      if (weight === undefined) throw new PlanRefused('The canary is at its last step below 100 %; promote it instead');
      if (weight <= current.canaryWeight) throw new PlanRefused(`The canary already serves ${current.canaryWeight} %; step up to more`);
      return { kind: 'canary-step', version: current.canaryVersion, strategy: 'canary', canarySteps: current.canarySteps, targetWeight: weight };
    }
    case 'canary-promote':
    case 'canary-abort':
      if (!canaryRunning) throw new PlanRefused('No canary is running here');
      return { kind: input.kind, version: current.canaryVersion, strategy: 'canary', canarySteps: current.canarySteps, targetWeight: input.kind === 'canary-promote' ? 100 : 0 };
    case 'rollback':
      if (input.version === current.stableVersion && !canaryRunning) throw new PlanRefused(`Version ${input.version} already serves here`);
      return { kind: 'rollback', version: input.version, strategy: 'direct', canarySteps: null, targetWeight: null };
  }
}

/** The deployment state an applied plan produces, and the history's name for the change. */
export function applyPlan(plan: RequestPlan, current: Current): { next: DeploymentChange; change: string } {
  const settled = (stable: number | null, strategy: Strategy | null): DeploymentChange => ({
    stableVersion: stable,
    canaryVersion: null,
    canaryWeight: 0,
    status: stable === null ? 'empty' : 'stable',
    strategy,
    canarySteps: null,
  });
  switch (plan.kind) {
    case 'promote':
      if (plan.strategy === 'canary') {
        return {
          change: 'canary-start',
          next: { stableVersion: current.stableVersion, canaryVersion: plan.version, canaryWeight: plan.targetWeight ?? 0, status: 'canary', strategy: 'canary', canarySteps: plan.canarySteps },
        };
      }
      return { change: 'promote', next: settled(plan.version, plan.strategy) };
    case 'canary-step':
      return { change: 'canary-step', next: { ...settled(current.stableVersion, 'canary'), canaryVersion: current.canaryVersion, canaryWeight: plan.targetWeight ?? 0, status: 'canary', canarySteps: current.canarySteps } };
    case 'canary-promote':
      return { change: 'canary-promote', next: settled(current.canaryVersion, 'canary') };
    case 'canary-abort':
      return { change: 'canary-abort', next: settled(current.stableVersion, current.strategy) };
    case 'rollback':
      return { change: 'rollback', next: settled(plan.version, 'direct') };
  }
}

/** Which version each owned alias follows: `<x>-canary` aliases the canary, the rest the stable version. */
export function aliasTargets(ownedAliases: readonly string[], state: Pick<DeploymentChange, 'stableVersion' | 'canaryVersion'>): Array<[string, number | null]> {
  return ownedAliases.map((alias) => [alias, alias.endsWith('-canary') ? state.canaryVersion : state.stableVersion]);
}
