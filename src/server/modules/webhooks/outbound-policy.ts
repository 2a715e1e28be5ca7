import { promises as dns } from 'node:dns';
import net from 'node:net';

/** Where Sextant may send HTTP requests on a user's behalf (webhooks, webhook gates). */
export interface OutboundPolicy {
  /** Host names or `*.suffix` patterns; empty allows any host that passes the address checks. */
  allowedHosts: readonly string[];
  /** Allow loopback, private, link-local and unique-local addresses (tests, on-premises receivers). */
  allowPrivate: boolean;
}

export class OutboundRefused extends Error {}

/** Cloud metadata endpoints: refused even when private addresses are allowed. */
const metadataAddresses = new Set(['169.254.169.254', '169.254.170.2', 'fd00:ec2::254', '100.100.100.200']);

const privateRanges = new net.BlockList();
for (const [address, bits] of [
  ['0.0.0.0', 8], ['10.0.0.0', 8], ['100.64.0.0', 10], ['127.0.0.0', 8], ['169.254.0.0', 16], ['172.16.0.0', 12],
  ['192.0.0.0', 24], ['192.168.0.0', 16], ['198.18.0.0', 15], ['224.0.0.0', 4], ['240.0.0.0', 4],
] as const) {
  privateRanges.addSubnet(address, bits, 'ipv4');
}
for (const [address, bits] of [
  ['::', 128], ['::1', 128], ['fc00::', 7], ['fe80::', 10], ['ff00::', 8], ['64:ff9b::', 96], ['2001:db8::', 32],
] as const) {
  privateRanges.addSubnet(address, bits, 'ipv6');
}

/** Why an address may not be called under the policy, or null if it may. */
export function refusedAddressReason(ip: string, policy: Pick<OutboundPolicy, 'allowPrivate'>): string | null {
  const mapped = ip.toLowerCase().match(/^::ffff:(\d+\.\d+\.\d+\.\d+)$/);
  const address = mapped?.[1] ?? ip.toLowerCase();
  if (metadataAddresses.has(address)) return `${address} is a cloud metadata address`;
  if (policy.allowPrivate) return null;
  const family = net.isIPv4(address) ? 'ipv4' : 'ipv6';
  if (privateRanges.check(address, family)) {
    return `${address} is a loopback, private or link-local address (set SEXTANT_WEBHOOK_ALLOW_PRIVATE=true to allow it)`;
  }
  return null;
}

function hostAllowed(host: string, allowedHosts: readonly string[]): boolean {
  if (allowedHosts.length === 0) return true;
  return allowedHosts.some((entry) => (entry.startsWith('*.') ? host.endsWith(entry.slice(1)) : host === entry));
}

/** Checks scheme and host name (no DNS); throws OutboundRefused with the reason. */
export function checkUrl(raw: string, policy: OutboundPolicy): URL {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new OutboundRefused('Not a valid URL');
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new OutboundRefused('Only http and https URLs are allowed');
  if (url.username || url.password) throw new OutboundRefused('Put credentials in the secret, not in the URL');
  const host = url.hostname.replace(/^\[|\]$/g, '').toLowerCase();
  if (!hostAllowed(host, policy.allowedHosts)) {
    throw new OutboundRefused(`${host} is not in SEXTANT_WEBHOOK_ALLOWED_HOSTS (${policy.allowedHosts.join(', ')})`);
  }
  if (net.isIP(host)) {
    const reason = refusedAddressReason(host, policy);
    if (reason) throw new OutboundRefused(reason);
  }
  return url;
}

/** Resolves the host and checks every address it resolves to; returns them. */
export async function resolveAllowed(host: string, policy: OutboundPolicy): Promise<string[]> {
  const bare = host.replace(/^\[|\]$/g, '');
  if (net.isIP(bare)) {
    const reason = refusedAddressReason(bare, policy);
    if (reason) throw new OutboundRefused(reason);
    return [bare];
  }
  let addresses: Array<{ address: string }>;
  try {
    addresses = await dns.lookup(bare, { all: true, verbatim: true });
  } catch {
    throw new OutboundRefused(`${bare} does not resolve`);
  }
  for (const { address } of addresses) {
    const reason = refusedAddressReason(address, policy);
    if (reason) throw new OutboundRefused(`${bare} resolves to ${reason}`);
  }
  return addresses.map((a) => a.address);
}

/** Checks a URL completely (scheme, host list, DNS): used when a webhook or gate is configured. */
export async function assertUrlAllowed(raw: string, policy: OutboundPolicy): Promise<URL> {
  const url = checkUrl(raw, policy);
  await resolveAllowed(url.hostname, policy);
  return url;
}
