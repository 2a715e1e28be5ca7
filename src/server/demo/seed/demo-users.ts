import type { Role } from '../../../shared/permissions';
import { type ApiClient, ApiError } from '../http/api-client';

/** One person per role (two approvers, so approvals come from different people). */
export const demoUsers = [
  { username: 'admin', role: 'admin', displayName: 'Ada Admin', does: 'users, environments, policies, alert rules' },
  { username: 'dana', role: 'data-scientist', displayName: 'Dana Data', does: 'trains and registers the models' },
  { username: 'erin', role: 'ml-engineer', displayName: 'Erin Engineer', does: 'requests promotions, canaries, rollbacks' },
  { username: 'alice', role: 'approver', displayName: 'Alice Approver', does: 'approves (and once rejects) promotions' },
  { username: 'bob', role: 'approver', displayName: 'Bob Approver', does: 'the second approver' },
  { username: 'vera', role: 'viewer', displayName: 'Vera Viewer', does: 'reads everything but the audit trail' },
  { username: 'otto', role: 'auditor', displayName: 'Otto Auditor', does: 'reads the audit trail' },
  { username: 'serving', role: 'ingest', displayName: 'Serving system', does: 'the traffic simulator’s account' },
] as const satisfies ReadonlyArray<{ username: string; role: Role; displayName: string; does: string }>;

export type DemoUsername = (typeof demoUsers)[number]['username'];

/** Demo passwords are printed on purpose: this workspace is for trying Sextant out. */
export const demoPassword = (username: string) => `${username}-demo-2026`;

export async function createDemoUsers(admin: ApiClient) {
  for (const user of demoUsers) {
    if (user.username === 'admin') continue;
    try {
      await admin.json('POST', '/api/v1/users', { username: user.username, role: user.role, displayName: user.displayName, password: demoPassword(user.username) });
    } catch (error) {
      if (!(error instanceof ApiError && error.status === 409)) throw error;
    }
  }
}

/** An API token for the serving account, created as that account (shown once, kept by the demo). */
export async function createServingToken(serving: ApiClient): Promise<string> {
  const { secret } = await serving.json<{ secret: string }>('POST', '/api/v1/me/tokens', { name: 'traffic simulator', expiresInDays: null });
  return secret;
}
