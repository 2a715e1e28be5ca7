import { z } from 'zod';
import { roles } from '../permissions';
import { defineRoute, emptyResponseSchema, isoDateTime } from './common';

export const roleSchema = z.enum(roles);

export const usernameSchema = z
  .string()
  .trim()
  .min(2, 'Username must have at least 2 characters')
  .max(64, 'Username must have at most 64 characters')
  .regex(/^[a-z0-9][a-z0-9._@-]*$/, 'Use lowercase letters, digits and . _ @ - (starting with a letter or digit)');

export const passwordSchema = z
  .string()
  .min(10, 'Password must have at least 10 characters')
  .max(256, 'Password must have at most 256 characters');

export const userSchema = z.object({
  id: z.string(),
  username: z.string(),
  displayName: z.string(),
  role: roleSchema,
  disabled: z.boolean(),
  createdAt: isoDateTime,
  lastSignInAt: isoDateTime.nullable(),
});
export type User = z.infer<typeof userSchema>;

export const sessionInfoSchema = z.object({
  user: userSchema,
  /** How this request was authenticated. */
  via: z.enum(['session', 'token', 'basic-password', 'basic-token', 'proxy']),
  /** Send as `X-CSRF-Token` on mutations when signed in with the session cookie. */
  csrfToken: z.string().nullable(),
});
export type SessionInfo = z.infer<typeof sessionInfoSchema>;

export const signIn = defineRoute({
  method: 'POST',
  path: '/api/v1/auth/sign-in',
  summary: 'Sign in with a username and password; sets the session cookie',
  body: z.object({ username: z.string().min(1, 'Enter your username').max(64), password: z.string().min(1, 'Enter your password').max(256) }),
  response: sessionInfoSchema,
});

export const signOut = defineRoute({
  method: 'POST',
  path: '/api/v1/auth/sign-out',
  summary: 'End the current session',
  response: emptyResponseSchema,
});

export const getMe = defineRoute({
  method: 'GET',
  path: '/api/v1/me',
  summary: 'The signed-in user and how they are authenticated',
  response: sessionInfoSchema,
});

export const updateMe = defineRoute({
  method: 'PATCH',
  path: '/api/v1/me',
  summary: 'Change your display name',
  body: z.object({ displayName: z.string().trim().min(1, 'Display name cannot be empty').max(120) }),
  response: userSchema,
});

export const changeMyPassword = defineRoute({
  method: 'POST',
  path: '/api/v1/me/password',
  summary: 'Change your password (other sessions are signed out)',
  body: z.object({ currentPassword: z.string().min(1).max(256), newPassword: passwordSchema }),
  response: emptyResponseSchema,
});
