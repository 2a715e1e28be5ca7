import { createHash, createHmac, randomBytes } from 'node:crypto';

export function sha256Hex(value: string): string {
  return createHash('sha256').update(value).digest('hex');
}

/** A session cookie value; the database keeps only its SHA-256. */
export function newSessionSecret(): string {
  return randomBytes(32).toString('base64url');
}

/**
 * API tokens look like `sxt_<40 chars>`: the prefix makes them easy to spot in leaked config and
 * secret scanners. 240 bits of randomness, so a plain SHA-256 is a safe way to store them.
 */
export function newApiTokenSecret(): { secret: string; prefix: string; hash: string } {
  const secret = `sxt_${randomBytes(30).toString('base64url')}`;
  return { secret, prefix: secret.slice(0, 12), hash: sha256Hex(secret) };
}

export function looksLikeApiToken(value: string): boolean {
  return /^sxt_[A-Za-z0-9_-]{40}$/.test(value);
}

/** CSRF token for users signed in through the SSO proxy (they have no session row). */
export function proxyCsrfToken(secret: string, userId: number): string {
  return createHmac('sha256', secret).update(`csrf:proxy:${userId}`).digest('base64url');
}
