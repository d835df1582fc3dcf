import { attempt, orThrow, problem, type FieldResult } from './errors';
import { significantLines, type LineOptions } from './multiline';
import {
  checkIp,
  checkPortPiecesAround,
  parseRange,
  PROTOCOLS,
  type PortRange,
} from './port-parts';

/** One `HostConfig.PortBindings` entry; an empty HostPort lets Docker pick one. */
export interface PortBinding {
  HostIp: string;
  HostPort: string;
}

/** What the Engine API's create call takes: `Config.ExposedPorts` and `HostConfig.PortBindings`. */
export interface PortSpec {
  exposedPorts: Record<string, Record<string, never>>;
  portBindings: Record<string, PortBinding[]>;
}

export interface PortMapping {
  hostIp: string;
  /** Absent: Docker picks a host port (`80`, `127.0.0.1::80`). */
  host?: PortRange;
  container: PortRange;
  protocol: (typeof PROTOCOLS)[number];
}

/**
 * `docker run -p` forms: `80`, `8080:80`, `127.0.0.1:8080:80`, `127.0.0.1::80`,
 * `[::1]:8080:80`, any of them with `/tcp`, `/udp` or `/sctp`, and ranges `8000-8010:8000-8010`
 * (equal lengths, or a host range for one container port, which Docker binds to one free port of
 * the range). Komodo's `8080=80` and `8080 : 80` are read as `8080:80`, since Komodo splits port
 * lines at the first `=` or `:`.
 */
export function parsePortMapping(item: string): PortMapping {
  let rest = item.replace(/\s+/g, '').replace(/^([^:]*)=/, '$1:');
  let protocol: PortMapping['protocol'] = 'tcp';
  const slash = rest.lastIndexOf('/');
  if (slash >= 0) {
    const given = rest.slice(slash + 1);
    const known = PROTOCOLS.find((p) => p === given.toLowerCase());
    if (!known) problem(`'${given}' is not a protocol (${PROTOCOLS.join(', ')})`);
    protocol = known;
    rest = rest.slice(0, slash);
  }
  let hostIp = '';
  let parts: string[];
  if (rest.startsWith('[')) {
    const end = rest.indexOf(']');
    if (end < 0) problem(`'${item}' opens '[' without closing it`);
    hostIp = checkIp(rest.slice(0, end + 1));
    if (rest[end + 1] !== ':')
      problem(`'${item}' needs host and container ports after ${rest.slice(0, end + 1)}`);
    parts = rest.slice(end + 2).split(':');
    if (parts.length !== 2) problem(`'${item}' is not [ip]:host:container`);
  } else {
    parts = rest.split(':');
    if (parts.length > 3)
      problem(`'${item}' has too many ':' (an IPv6 address goes in brackets: [::1]:8080:80)`);
    if (parts.length === 3) hostIp = checkIp(parts.shift() as string);
  }
  const container = parseRange(parts.pop() as string, 'container');
  const hostText = parts.pop();
  if (hostText === '' && !hostIp) problem(`'${item}' has an empty host port`);
  const host = hostText ? parseRange(hostText, 'host') : undefined;
  const length = (r: PortRange) => r.end - r.start;
  if (host && length(container) > 0 && length(host) !== length(container)) {
    problem(`host ports ${host.text} and container ports ${container.text} differ in length`);
  }
  return { hostIp, host, container, protocol };
}

function addMapping(spec: PortSpec, { hostIp, host, container, protocol }: PortMapping): void {
  for (let port = container.start; port <= container.end; port++) {
    const key = `${port}/${protocol}`;
    spec.exposedPorts[key] = {};
    let hostPort = '';
    if (host && host.start === host.end) hostPort = String(host.start);
    else if (host && container.start === container.end) hostPort = host.text;
    else if (host) hostPort = String(host.start + (port - container.start));
    (spec.portBindings[key] ??= []).push({ HostIp: hostIp, HostPort: hostPort });
  }
}

export function collectPorts(
  text: string,
  field = 'ports',
  options: LineOptions = {},
): FieldResult<PortSpec> {
  const value: PortSpec = { exposedPorts: {}, portBindings: {} };
  const errors: FieldResult<PortSpec>['errors'] = [];
  for (const { value: item, line } of significantLines(text, options)) {
    if (options.lenientReferences && checkPortPiecesAround(item, errors, field, line)) continue;
    const mapping = attempt(errors, field, line, () => parsePortMapping(item));
    if (mapping) addMapping(value, mapping);
  }
  return { value, errors };
}

export function parsePorts(text: string, field = 'ports', options?: LineOptions): PortSpec {
  return orThrow(collectPorts(text, field, options));
}
