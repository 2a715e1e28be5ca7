import { z } from 'zod';
import { defineRoute, emptyResponseSchema, isoDateTime } from './common';
import { passwordSchema, roleSchema, userSchema, usernameSchema } from './auth';

const userIdParams = z.object({ userId: z.string().regex(/^\d+$/, 'User ids are numbers') });

export const listUsers = defineRoute({
  method: 'GET',
  path: '/api/v1/users',
  summary: 'List users (admin)',
  response: z.object({ items: z.array(userSchema) }),
});

export const createUser = defineRoute({
  method: 'POST',
  path: '/api/v1/users',
  summary: 'Create a user (admin)',
  body: z.object({
    username: usernameSchema,
    displayName: z.string().trim().max(120).optional(),
    role: roleSchema,
    password: passwordSchema,
  }),
  response: userSchema,
  status: 201,
});

export const updateUser = defineRoute({
  method: 'PATCH',
  path: '/api/v1/users/:userId',
  summary: 'Change a user’s role, name, password or disabled flag (admin)',
  params: userIdParams,
  body: z.object({
    displayName: z.string().trim().min(1).max(120).optional(),
    role: roleSchema.optional(),
    disabled: z.boolean().optional(),
    password: passwordSchema.optional(),
  }),
  response: userSchema,
});

export const apiTokenSchema = z.object({
  id: z.string(),
  name: z.string(),
  /** First characters of the token, to recognise it; the secret itself is shown only once. */
  prefix: z.string(),
  createdAt: isoDateTime,
  lastUsedAt: isoDateTime.nullable(),
  expiresAt: isoDateTime.nullable(),
  revokedAt: isoDateTime.nullable(),
});
export type ApiToken = z.infer<typeof apiTokenSchema>;

export const listMyTokens = defineRoute({
  method: 'GET',
  path: '/api/v1/me/tokens',
  summary: 'List your API tokens',
  response: z.object({ items: z.array(apiTokenSchema) }),
});

export const createMyToken = defineRoute({
  method: 'POST',
  path: '/api/v1/me/tokens',
  summary: 'Create an API token; the secret is returned once',
  body: z.object({
    name: z.string().trim().min(1, 'Give the token a name').max(100),
    expiresInDays: z.number().int().min(1).max(3650).nullable().optional(),
  }),
  response: z.object({ token: apiTokenSchema, secret: z.string() }),
  status: 201,
});

export const revokeMyToken = defineRoute({
  method: 'DELETE',
  path: '/api/v1/me/tokens/:tokenId',
  summary: 'Revoke one of your API tokens',
  params: z.object({ tokenId: z.string().regex(/^\d+$/, 'Token ids are numbers') }),
  response: emptyResponseSchema,
});

export { userIdParams };
