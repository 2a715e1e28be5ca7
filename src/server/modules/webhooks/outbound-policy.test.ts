import { describe, expect, it } from 'vitest';
import { assertUrlAllowed, checkUrl, OutboundRefused, refusedAddressReason } from './outbound-policy';

const strict = { allowedHosts: [], allowPrivate: false };

describe('outbound address policy', () => {
  it.each([
    ['127.0.0.1', /loopback, private or link-local/],
    ['10.1.2.3', /private/],
    ['192.168.0.10', /private/],
    ['172.20.0.1', /private/],
    ['169.254.10.10', /link-local/],
    ['169.254.169.254', /cloud metadata/],
    ['fd00:ec2::254', /cloud metadata/],
    ['::1', /loopback/],
    ['fe80::1', /link-local/],
    ['fc00::5', /private/],
    ['::ffff:127.0.0.1', /loopback/],
    ['0.0.0.0', /private/],
  ])('refuses %s by default', (ip, reason) => {
    expect(refusedAddressReason(ip, strict)).toMatch(reason);
  });

  it('allows public addresses, and private ones only when configured; metadata never', () => {
    expect(refusedAddressReason('93.184.215.14', strict)).toBeNull();
    expect(refusedAddressReason('2606:4700::1111', strict)).toBeNull();
    expect(refusedAddressReason('127.0.0.1', { allowPrivate: true })).toBeNull();
    expect(refusedAddressReason('169.254.169.254', { allowPrivate: true })).toMatch(/metadata/);
  });

  it('checks scheme, credentials and the allowed host list', () => {
    expect(() => checkUrl('ftp://example.com/x', strict)).toThrow(/http and https/);
    expect(() => checkUrl('https://user:pw@example.com/x', strict)).toThrow(/credentials/);
    const listed = { allowedHosts: ['hooks.example.com', '*.corp.example'], allowPrivate: false };
    expect(checkUrl('https://hooks.example.com/x', listed).hostname).toBe('hooks.example.com');
    expect(checkUrl('https://ci.corp.example/x', listed).hostname).toBe('ci.corp.example');
    expect(() => checkUrl('https://evil.example.com/x', listed)).toThrow(/not in SEXTANT_WEBHOOK_ALLOWED_HOSTS/);
    expect(() => checkUrl('http://[::1]:8080/x', strict)).toThrow(OutboundRefused);
  });

  it('resolves names and refuses one that points at loopback', async () => {
    await expect(assertUrlAllowed('http://localhost:9/hook', strict)).rejects.toThrow(/localhost resolves to/);
    await expect(assertUrlAllowed('http://localhost:9/hook', { allowedHosts: [], allowPrivate: true })).resolves.toBeInstanceOf(URL);
  });
});
