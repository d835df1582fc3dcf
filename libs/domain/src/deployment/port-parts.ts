import {
  attempt,
  hasReference,
  problem,
  replaceReferences,
  type DeploymentFieldError,
} from './errors';

export const PROTOCOLS = ['tcp', 'udp', 'sctp'] as const;

export interface PortRange {
  start: number;
  end: number;
  /** As written, for messages and for a host range bound to one container port. */
  text: string;
}

function port(text: string): number {
  const n = /^\d+$/.test(text) ? Number(text) : NaN;
  if (!(n >= 1 && n <= 65535)) problem(`${text} is not a port (1-65535)`);
  return n;
}

/** `80` or `8000-8010`. */
export function parseRange(text: string, role: 'host' | 'container'): PortRange {
  if (text === '') problem(`missing ${role} port`);
  const dash = text.indexOf('-');
  if (dash < 0) {
    const n = port(text);
    return { start: n, end: n, text };
  }
  const start = port(text.slice(0, dash));
  const end = port(text.slice(dash + 1));
  if (start > end) problem(`${text} is not a port range (start above end)`);
  return { start, end, text };
}

const IPV4 = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/;

/** The host address as the Engine API wants it: IPv6 without its brackets. */
export function checkIp(text: string): string {
  if (text.startsWith('[')) {
    const inner = text.slice(1, -1);
    if (!text.endsWith(']') || !/^[0-9a-fA-F:.]+$/.test(inner) || !inner.includes(':')) {
      problem(`${text} is not an IPv6 address`);
    }
    return inner;
  }
  const v4 = IPV4.exec(text);
  if (text !== '' && !(v4 && v4.slice(1).every((b) => Number(b) <= 255))) {
    problem(`${text} is not an IP address (an IPv6 address goes in brackets: [::1]:8080:80)`);
  }
  return text;
}

function splitOutsideBrackets(text: string): string[] {
  const pieces = [''];
  let depth = 0;
  for (const c of text) {
    if (c === '[') depth++;
    if (c === ']') depth = Math.max(0, depth - 1);
    if (c === ':' && depth === 0) pieces.push('');
    else pieces[pieces.length - 1] += c;
  }
  return pieces;
}

const HOLE = '\u0000';

/**
 * At write time a line with `[[REFERENCES]]` cannot be parsed whole (a reference may hold an IP,
 * a port or a whole mapping), so each literal piece between the `:` is checked alone: it must
 * be a port or range, the first may be an address, the suffix a protocol. False: no reference.
 */
export function checkPortPiecesAround(
  item: string,
  errors: DeploymentFieldError[],
  field: string,
  line: number,
): boolean {
  if (!hasReference(item)) return false;
  attempt(errors, field, line, () => {
    let rest = replaceReferences(item.replace(/\s+/g, ''), HOLE).replace(/^([^:]*)=/, '$1:');
    const slash = rest.lastIndexOf('/');
    if (slash >= 0) {
      const given = rest.slice(slash + 1);
      const known = PROTOCOLS.some((p) => p === given.toLowerCase());
      if (!given.includes(HOLE) && !known)
        problem(`'${given}' is not a protocol (${PROTOCOLS.join(', ')})`);
      rest = rest.slice(0, slash);
    }
    const pieces = splitOutsideBrackets(rest);
    pieces.forEach((piece, i) => {
      if (piece === '' || piece.includes(HOLE)) return;
      if (i === 0 && pieces.length > 1 && (piece.startsWith('[') || piece.includes('.')))
        checkIp(piece);
      else parseRange(piece, 'host');
    });
  });
  return true;
}
