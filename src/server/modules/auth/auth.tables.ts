import type { Generated, Selectable } from 'kysely';

export interface UsersTable {
  id: Generated<number>;
  username: string;
  display_name: string;
  /** scrypt hash; null for users who only sign in through the SSO proxy. */
  password_hash: string | null;
  role: string;
  disabled: number;
  created_at: number;
  updated_at: number;
  last_sign_in_at: number | null;
}

export interface SessionsTable {
  /** SHA-256 of the cookie value: a database leak does not leak live sessions. */
  id: string;
  user_id: number;
  csrf_token: string;
  created_at: number;
  expires_at: number;
}

export interface ApiTokensTable {
  id: Generated<number>;
  user_id: number;
  name: string;
  prefix: string;
  token_hash: string;
  created_at: number;
  last_used_at: number | null;
  expires_at: number | null;
  revoked_at: number | null;
}

export interface AuthTables {
  users: UsersTable;
  sessions: SessionsTable;
  api_tokens: ApiTokensTable;
}

export type UserRow = Selectable<UsersTable>;
export type ApiTokenRow = Selectable<ApiTokensTable>;
