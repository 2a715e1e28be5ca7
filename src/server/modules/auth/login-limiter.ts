import { ApiError } from '../../errors';

interface Window {
  failures: number;
  resetAt: number;
}

/**
 * Counts failed password checks per client address and per address+username in a sliding
 * 15-minute window; past the limit, further attempts are refused with 429 before any password is
 * checked. Kept in memory: with several replicas each one limits on its own, which still caps
 * guessing at a few dozen tries per quarter hour per replica.
 */
export class LoginLimiter {
  private readonly windows = new Map<string, Window>();
  constructor(
    private readonly perUser = 10,
    private readonly perAddress = 100,
    private readonly windowMs = 15 * 60 * 1000,
  ) {}

  /** Throws 429 if this address (or this address for this username) is over its limit. */
  check(address: string, username: string, now = Date.now()): void {
    for (const [key, limit] of this.keys(address, username)) {
      const w = this.windows.get(key);
      if (w && w.resetAt > now && w.failures >= limit) {
        const minutes = Math.ceil((w.resetAt - now) / 60000);
        throw new ApiError('REQUEST_LIMIT_EXCEEDED', `Too many failed sign-ins; try again in ${minutes} minute(s)`, {
          headers: { 'retry-after': String(Math.ceil((w.resetAt - now) / 1000)) },
        });
      }
    }
  }

  fail(address: string, username: string, now = Date.now()): void {
    if (this.windows.size > 50_000) this.prune(now);
    for (const [key] of this.keys(address, username)) {
      const w = this.windows.get(key);
      if (!w || w.resetAt <= now) this.windows.set(key, { failures: 1, resetAt: now + this.windowMs });
      else w.failures += 1;
    }
  }

  succeed(address: string, username: string): void {
    this.windows.delete(`u:${address}:${username}`);
  }

  private keys(address: string, username: string): Array<[string, number]> {
    return [
      [`u:${address}:${username}`, this.perUser],
      [`a:${address}`, this.perAddress],
    ];
  }

  private prune(now: number): void {
    for (const [key, w] of this.windows) if (w.resetAt <= now) this.windows.delete(key);
  }
}
