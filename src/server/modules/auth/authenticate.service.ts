import { isRole } from '../../../shared/permissions';
import type { Config } from '../../config/env';
import type { DatabaseHandle } from '../../db/database';
import { inTransaction } from '../../db/transaction';
import { unauthenticated } from '../../errors';
import { appendAudit, type AuditContext } from '../audit/audit.service';
import type { UserRow } from './auth.tables';
import { LoginLimiter } from './login-limiter';
import { verifyPassword } from './passwords';
import type { AuthMethod, Principal } from './principal';
import { looksLikeApiToken, proxyCsrfToken, sha256Hex } from './secret-tokens';
import { findSessionWithUser } from './sessions.repository';
import { findTokenWithUser, touchToken } from './tokens.repository';
import { findUserByUsername, insertUser } from './users.repository';

/** What the access-control hook extracts from a request before asking who the caller is. */
export interface Credentials {
  authorization: string | undefined;
  sessionSecret: string | undefined;
  /** The SSO proxy's user header, only when the request came from a trusted proxy. */
  proxyUser: string | undefined;
  context: AuditContext & { clientIp: string };
}

const lastUsedThrottleMs = 60_000;
const basicCacheTtlMs = 60_000;

/**
 * Turns request credentials into a Principal. Checked in this order: Authorization header
 * (Bearer token, or Basic with a password or a token), SSO proxy header, session cookie.
 */
export class Authenticator {
  readonly limiter = new LoginLimiter();
  /** Basic-auth passwords verified recently, so MLflow clients do not pay scrypt on every call. */
  private readonly verifiedBasic = new Map<string, { userId: number; passwordHash: string; expiresAt: number }>();

  constructor(
    private readonly database: DatabaseHandle,
    private readonly config: Config,
    private readonly secret: string,
  ) {}

  async resolve(credentials: Credentials): Promise<Principal | null> {
    const { authorization } = credentials;
    if (authorization) {
      const [scheme = '', value = ''] = authorization.trim().split(/\s+/, 2);
      if (/^bearer$/i.test(scheme)) return this.fromToken(value, 'token', undefined, credentials.context);
      if (/^basic$/i.test(scheme)) return this.fromBasic(value, credentials.context);
      throw unauthenticated(`Unsupported Authorization scheme "${scheme}"; use Bearer <token> or Basic`);
    }
    if (credentials.proxyUser) return this.fromProxy(credentials.proxyUser, credentials.context);
    if (credentials.sessionSecret) return this.fromSession(credentials.sessionSecret);
    return null;
  }

  private async fromSession(secret: string): Promise<Principal> {
    const row = await findSessionWithUser(this.database.db, sha256Hex(secret));
    if (!row) throw unauthenticated('Your session has ended; sign in again');
    if (row.expires_at <= Date.now()) throw unauthenticated('Your session has expired; sign in again');
    const { session_id, csrf_token, expires_at: _expires, ...user } = row;
    return this.principal(user, 'session', { sessionId: session_id, csrfToken: csrf_token });
  }

  private async fromToken(secret: string, via: AuthMethod, username: string | undefined, context: AuditContext): Promise<Principal> {
    if (!looksLikeApiToken(secret)) throw unauthenticated('That is not a Sextant API token (they start with sxt_)');
    const row = await findTokenWithUser(this.database.db, sha256Hex(secret));
    if (!row) throw unauthenticated('Unknown API token');
    const { token_id, token_expires_at, token_revoked_at, token_last_used_at, ...user } = row;
    const now = Date.now();
    const reject = async (reason: string, message: string) => {
      await this.auditFailure(context, user.username, reason, `token:${token_id}`);
      throw unauthenticated(message);
    };
    if (username !== undefined && username !== user.username) await reject('token-of-other-user', 'That API token belongs to another user');
    if (token_revoked_at !== null) await reject('token-revoked', 'This API token was revoked');
    if (token_expires_at !== null && token_expires_at <= now) await reject('token-expired', 'This API token has expired');
    if (token_last_used_at === null || now - token_last_used_at > lastUsedThrottleMs) {
      await touchToken(this.database.db, token_id, now);
    }
    return this.principal(user, via, { tokenId: token_id });
  }

  private async fromBasic(encoded: string, context: AuditContext & { clientIp: string }): Promise<Principal> {
    const decoded = Buffer.from(encoded, 'base64').toString('utf8');
    const colon = decoded.indexOf(':');
    if (colon < 1) throw unauthenticated('Malformed Basic credentials; expected base64(username:password)');
    const username = decoded.slice(0, colon).trim().toLowerCase();
    const password = decoded.slice(colon + 1);
    if (looksLikeApiToken(password)) return this.fromToken(password, 'basic-token', username, context);

    const cacheKey = sha256Hex(`${username}\u0000${password}`);
    const cached = this.verifiedBasic.get(cacheKey);
    const user = await findUserByUsername(this.database.db, username);
    if (cached && user && cached.expiresAt > Date.now() && cached.userId === user.id && cached.passwordHash === user.password_hash) {
      return this.principal(user, 'basic-password', {});
    }
    this.limiter.check(context.clientIp, username);
    if (!user || !(await verifyPassword(password, user.password_hash))) {
      this.limiter.fail(context.clientIp, username);
      await this.auditFailure(context, username, 'bad-credentials', 'basic-password');
      throw unauthenticated('Wrong username or password');
    }
    this.limiter.succeed(context.clientIp, username);
    if (this.verifiedBasic.size > 1000) this.verifiedBasic.clear();
    this.verifiedBasic.set(cacheKey, { userId: user.id, passwordHash: user.password_hash ?? '', expiresAt: Date.now() + basicCacheTtlMs });
    return this.principal(user, 'basic-password', {});
  }

  private async fromProxy(rawUsername: string, context: AuditContext): Promise<Principal> {
    const username = rawUsername.trim().toLowerCase();
    if (!/^[a-z0-9][a-z0-9._@-]{1,63}$/.test(username)) {
      throw unauthenticated(`The SSO proxy sent an unusable username "${rawUsername.slice(0, 64)}"`);
    }
    let user = await findUserByUsername(this.database.db, username);
    if (!user) {
      // First visit through SSO: the user is created as a viewer; an admin grants more.
      user = await inTransaction(this.database, async (tx) => {
        const created = await insertUser(tx, { username, displayName: username, role: 'viewer', passwordHash: null });
        await appendAudit(tx, { ...context, actor: { id: null, name: username, via: 'proxy' } }, {
          action: 'user.created',
          entityType: 'user',
          entityId: String(created.id),
          after: { username, role: 'viewer', source: 'sso-proxy' },
        });
        return created;
      });
    }
    return this.principal(user, 'proxy', { csrfToken: proxyCsrfToken(this.secret, user.id) });
  }

  private principal(user: UserRow, via: AuthMethod, extra: { sessionId?: string; tokenId?: number; csrfToken?: string }): Principal {
    if (user.disabled === 1) throw unauthenticated('This account is disabled; ask an administrator');
    if (!isRole(user.role)) throw unauthenticated(`This account has an unknown role "${user.role}"; ask an administrator`);
    return {
      user,
      role: user.role,
      via,
      sessionId: extra.sessionId ?? null,
      tokenId: extra.tokenId ?? null,
      csrfToken: extra.csrfToken ?? null,
    };
  }

  private async auditFailure(context: AuditContext, username: string, reason: string, via: string): Promise<void> {
    await inTransaction(this.database, (tx) =>
      appendAudit(tx, { ...context, actor: { id: null, name: username, via } }, {
        action: 'auth.sign-in-failed',
        entityType: 'user',
        entityId: username,
        after: { reason },
      }),
    );
  }

  /** Used by the sign-in service to share the failure audit and limiter. */
  recordFailure(context: AuditContext & { clientIp: string }, username: string, reason: string): Promise<void> {
    this.limiter.fail(context.clientIp, username);
    return this.auditFailure(context, username, reason, 'session');
  }

  get sessionHours(): number {
    return this.config.sessionHours;
  }
}
