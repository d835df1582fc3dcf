import { BlockList, isIP } from 'node:net';

export interface IpRule {
  address: string;
  prefix: number;
  family: 'ipv4' | 'ipv6';
}

/** `10.1.2.3`, `10.0.0.0/8`, `::1`, `fd00::/8` -> a rule; anything else -> undefined. */
export function parseIpRule(text: string): IpRule | undefined {
  const [address, prefixText, ...rest] = text.trim().split('/');
  if (rest.length) return undefined;
  const version = isIP(address);
  if (!version) return undefined;
  const family = version === 4 ? 'ipv4' : 'ipv6';
  const max = version === 4 ? 32 : 128;
  if (prefixText === undefined) return { address, prefix: max, family };
  if (!/^\d{1,3}$/.test(prefixText)) return undefined;
  const prefix = Number(prefixText);
  return prefix <= max ? { address, prefix, family } : undefined;
}

export interface IpAllowList {
  /** Whether a client at this socket address may call; always true for an empty list. */
  allows(address: string | undefined): boolean;
}

/**
 * Node's BlockList does the matching: it compares IPv4-mapped IPv6 addresses (`::ffff:1.2.3.4`,
 * what a dual-stack socket reports for an IPv4 client) with IPv4 rules and the other way round.
 */
export function createIpAllowList(entries: readonly string[]): IpAllowList {
  if (!entries.length) return { allows: () => true };
  const list = new BlockList();
  for (const entry of entries) {
    const rule = parseIpRule(entry);
    if (!rule) throw new Error(`allowed_ips: '${entry}' is neither an IP address nor a CIDR range`);
    list.addSubnet(rule.address, rule.prefix, rule.family);
  }
  return {
    allows: (address) => {
      const version = address ? isIP(address) : 0;
      if (!address || !version) return false;
      return list.check(address, version === 4 ? 'ipv4' : 'ipv6');
    },
  };
}
