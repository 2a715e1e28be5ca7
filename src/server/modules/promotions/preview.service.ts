import { notFound } from '../../errors';
import { findDeployment } from '../deployments/deployments.repository';
import { modelVersionExists } from '../registry/model-versions.repository';
import { findEnvironmentRow } from '../deployments/environments.repository';
import { outboundPolicyOf } from '../webhooks/webhooks.service';
import type { PromotionDeps } from './apply.service';
import { checkGates } from './gate-check';
import { policyFor } from './requests.service';

/** The gates a promotion would face now, for the Promote dialog (nothing is stored). */
export async function previewPromotion(deps: PromotionDeps, input: { modelName: string; environment: string; version: number }) {
  const db = deps.database.db;
  if (!(await findEnvironmentRow(db, input.environment))) throw notFound(`No environment named "${input.environment}"`);
  if (!(await modelVersionExists(db, input.modelName, input.version))) throw notFound(`${input.modelName} has no version ${input.version}`);
  const policy = await policyFor(deps.database, input.environment, input.modelName);
  const servingVersion = (await findDeployment(db, input.modelName, input.environment))?.stable_version ?? null;
  const gates = await checkGates(db, outboundPolicyOf(deps.config), {
    ...input, kind: 'promote', candidateVersion: input.version, servingVersion, gates: policy.gates,
  });
  return { gates, requiredApprovals: policy.requiredApprovals, approverRoles: policy.approverRoles, servingVersion };
}
