import net from 'node:net';

/**
 * Parses a comma-separated list of IP addresses and CIDR ranges (e.g. `10.0.0.0/8, 127.0.0.1`).
 * Throws with a message naming the first entry that is neither.
 */
export function parseAddressList(value: string): string[] {
  const entries = value
    .split(',')
    .map((entry) => entry.trim())
    .filter(Boolean);
  for (const entry of entries) {
    const [address, bits, ...rest] = entry.split('/');
    const family = net.isIP(address ?? '');
    const maxBits = family === 6 ? 128 : 32;
    const bitsOk = bits === undefined || (/^\d+$/.test(bits) && Number(bits) <= maxBits);
    if (!family || !bitsOk || rest.length > 0) {
      throw new Error(`"${entry}" is not an IP address or CIDR range (use e.g. 10.0.0.5 or 10.0.0.0/8)`);
    }
  }
  return entries;
}

/** Whether `ip` is inside one of the parsed entries. IPv4-mapped IPv6 addresses are unwrapped. */
export function addressInList(ip: string | undefined, list: readonly string[]): boolean {
  if (!ip || list.length === 0) return false;
  const candidate = ip.startsWith('::ffff:') && net.isIPv4(ip.slice(7)) ? ip.slice(7) : ip;
  const blockList = new net.BlockList();
  for (const entry of list) {
    const [address = '', bits] = entry.split('/');
    const type = net.isIPv6(address) ? 'ipv6' : 'ipv4';
    if (bits === undefined) blockList.addAddress(address, type);
    else blockList.addSubnet(address, Number(bits), type);
  }
  return blockList.check(candidate, net.isIPv6(candidate) ? 'ipv6' : 'ipv4');
}
