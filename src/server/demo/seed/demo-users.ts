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
  await Promise.all(
    demoUsers
      .filter((user) => user.username !== 'admin')
      .map(async (user) => {
        try {
          await admin.json('POST', '/api/v1/users', { username: user.username, role: user.role, displayName: user.displayName, password: demoPassword(user.username) });
        } catch (error) {
          if (!(error instanceof ApiError && error.status === 409)) throw error;
        }
      }),
  );
}

/** An API token created by the user themself (shown once); programs use tokens, not passwords. */
export async function createToken(http: ApiClient, username: DemoUsername, purpose: string): Promise<string> {
  const self = http.as({ username, password: demoPassword(username) });
  const { secret } = await self.json<{ secret: string }>('POST', '/api/v1/me/tokens', { name: purpose, expiresInDays: null });
  return secret;
}

export const actors = ['admin', 'dana', 'erin', 'alice', 'bob'] as const;
export type People = Record<(typeof actors)[number], ApiClient>;

/**
 * Creates the users and a client per acting person, each with their own token: a password check
 * is slow on purpose (scrypt), so programs use tokens. The data scientist's client comes first
 * (`onFirst`), so logging can start while the others are still being set up.
 */
export async function signInPeople(http: ApiClient, onFirst: (dana: ApiClient) => void): Promise<People> {
  const admin = http.as({ token: await createToken(http, 'admin', 'demo seed') });
  await createDemoUsers(admin);
  const tokenOf = async (username: (typeof actors)[number]) => http.as({ token: await createToken(http, username, 'demo seed') });
  const dana = await tokenOf('dana');
  onFirst(dana);
  const [erin, alice, bob] = await Promise.all([tokenOf('erin'), tokenOf('alice'), tokenOf('bob')]);
  return { admin, dana, erin, alice, bob };
}
