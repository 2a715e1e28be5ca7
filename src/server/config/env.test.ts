import { describe, expect, it } from 'vitest';
import { addressInList } from './address-list';
import { loadConfig } from './env';

describe('configuration', () => {
  it('has defaults for a first start', () => {
    const config = loadConfig({});
    expect(config).toMatchObject({ port: 5000, host: '127.0.0.1', logLevel: 'info', trustedProxies: [] });
    expect(config.databaseUrl).toMatch(/^sqlite:.*data\/sextant\.db$/);
    expect(config.artifactsDir).toMatch(/data\/artifacts$/);
  });

  it('stops with one line per bad variable naming it and what is allowed', () => {
    expect(() => loadConfig({ PORT: 'eighty', LOG_LEVEL: 'loud', DATABASE_URL: 'mysql://x' })).toThrow(
      /Invalid PORT \(got "eighty"\).*\nInvalid DATABASE_URL \(got "mysql:\/\/x"\): must start with sqlite: .* or postgres:\/\/\nInvalid LOG_LEVEL/s,
    );
    expect(() => loadConfig({ SEXTANT_TRUSTED_PROXIES: '10.0.0.0/8, nonsense' })).toThrow(/Invalid SEXTANT_TRUSTED_PROXIES.*"nonsense" is not an IP address/);
  });

  it('never echoes secrets in its errors', () => {
    expect(() => loadConfig({ SEXTANT_ADMIN_PASSWORD: 'short' })).toThrow('Invalid SEXTANT_ADMIN_PASSWORD (got "…"): must have at least 10 characters');
    expect(() => loadConfig({ PORT: 'x', DATABASE_URL: 'postgres://u:hunter2@db/x' })).not.toThrow(/hunter2/);
  });

  it('refuses an SSO header without trusted proxies', () => {
    expect(() => loadConfig({ SEXTANT_AUTH_PROXY_HEADER: 'X-Forwarded-User' })).toThrow(/SEXTANT_TRUSTED_PROXIES/);
  });
});

describe('trusted proxy lists', () => {
  it('matches addresses and ranges, including IPv4-mapped IPv6', () => {
    const list = ['10.0.0.0/8', '192.168.1.7', '::1'];
    expect(addressInList('10.20.30.40', list)).toBe(true);
    expect(addressInList('::ffff:10.1.1.1', list)).toBe(true);
    expect(addressInList('192.168.1.7', list)).toBe(true);
    expect(addressInList('192.168.1.8', list)).toBe(false);
    expect(addressInList('::1', list)).toBe(true);
    expect(addressInList(undefined, list)).toBe(false);
  });
});
