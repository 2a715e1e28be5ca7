/**
 * Roles and what each may do. The server enforces these at one choke point (the authorize hook);
 * the client reads the same table only to hide actions a user cannot take.
 */
export const roles = [
  'viewer',
  'data-scientist',
  'ml-engineer',
  'approver',
  'auditor',
  'ingest',
  'admin',
] as const;
export type Role = (typeof roles)[number];

export const roleDescriptions: Record<Role, string> = {
  viewer: 'Reads runs, models, deployments and monitoring.',
  'data-scientist': 'Logs runs and artifacts, registers model versions, uploads references.',
  'ml-engineer': 'Everything a data scientist does, plus requesting promotions, applying them and rollbacks.',
  approver: 'Reads everything a viewer does and approves or rejects promotion requests.',
  auditor: 'Reads everything a viewer does and the whole audit trail.',
  ingest: 'A narrow role for serving systems: reads what to serve and downloads those models, posts prediction events.',
  admin: 'Everything, including users, environments, policies and webhooks.',
};

export const permissions = [
  'tracking:read',
  'tracking:write',
  'registry:read',
  'registry:write',
  'artifacts:read',
  'artifacts:write',
  'deployments:read',
  'promotions:request',
  'promotions:approve',
  'promotions:apply',
  'monitoring:read',
  'monitoring:configure',
  'monitoring:ingest',
  'audit:read',
  'settings:admin',
  'users:admin',
] as const;
export type Permission = (typeof permissions)[number];

/** Declared on every route: a permission, any signed-in user, or no sign-in at all. */
export type RouteAccess = Permission | 'authenticated' | 'public';

const read: Permission[] = [
  'tracking:read',
  'registry:read',
  'artifacts:read',
  'deployments:read',
  'monitoring:read',
];
const write: Permission[] = [
  'tracking:write',
  'registry:write',
  'artifacts:write',
  'monitoring:configure',
];

const grants: Record<Role, ReadonlySet<Permission>> = {
  viewer: new Set(read),
  'data-scientist': new Set([...read, ...write]),
  'ml-engineer': new Set([...read, ...write, 'promotions:request', 'promotions:apply']),
  approver: new Set([...read, 'promotions:approve']),
  auditor: new Set([...read, 'audit:read']),
  // A serving system reads what to serve and downloads those versions' files.
  ingest: new Set(['deployments:read', 'registry:read', 'artifacts:read', 'monitoring:ingest']),
  admin: new Set(permissions),
};

export function can(role: Role, permission: Permission): boolean {
  return grants[role].has(permission);
}

export function isRole(value: string): value is Role {
  return (roles as readonly string[]).includes(value);
}
