import { isIPv6 } from 'node:net';

/**
 * The part of a client address that login limits count by. An IPv6 host usually holds a whole
 * /64 and can take any address in it, so counting per address would hand a guesser billions of
 * fresh counters: the /64 is what counts. An IPv4 address, mapped into IPv6 or not, counts alone.
 */
export function addressKey(address: string): string {
  const mapped = /^::ffff:(\d{1,3}(?:\.\d{1,3}){3})$/i.exec(address);
  if (mapped) return mapped[1];
  const plain = address.replace(/%.*$/, '');
  if (!isIPv6(plain)) return address;
  const [head, tail] = plain.split('::');
  const groups = (text: string | undefined) => (text ? text.split(':') : []);
  // A trailing dotted IPv4 part stands for two groups.
  const width = (parts: string[]) => parts.length + (parts.at(-1)?.includes('.') ? 1 : 0);
  const left = groups(head);
  const right = groups(tail);
  const zeros = tail === undefined ? 0 : 8 - width(left) - width(right);
  const full = [...left, ...Array<string>(zeros).fill('0'), ...right];
  return `${full
    .slice(0, 4)
    .map((group) => parseInt(group, 16).toString(16))
    .join(':')}::/64`;
}
