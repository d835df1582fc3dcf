import type { FakeHetznerServer } from './hetzner-json';

/** An error answer: the status and Hetzner's `{ error: { code, message } }`. */
export class HetznerFault extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

export type Body = Record<string, unknown>;

const USER_DATA_MAX = 32 * 1024;
const HOSTNAME = /^(?=.{1,63}$)[a-zA-Z0-9]([a-zA-Z0-9-]*[a-zA-Z0-9])?(\.[a-zA-Z0-9-]+)*$/;

export const invalid = (message: string) => new HetznerFault(400, 'invalid_input', message);
export const notFound = (what: string, id: number) =>
  new HetznerFault(404, 'not_found', `${what} with ID '${id}' not found`);

/** A POST /v1/servers body as Hetzner checks it on its own (not against what exists). */
export function serverFrom(
  body: Body,
  id: number,
  now: number,
  ips: { publicIp: string; privateIp: string },
): FakeHetznerServer {
  const name = text(body.name);
  if (!HOSTNAME.test(name)) throw invalid(`invalid input in field 'name': '${name}'`);
  for (const field of ['server_type', 'image'])
    if (!text(body[field])) throw invalid(`missing field '${field}'`);
  if (body.location && body.datacenter)
    throw invalid("'location' and 'datacenter' are mutually exclusive");
  const userData = body.user_data === undefined ? '' : text(body.user_data);
  if (Buffer.byteLength(userData) > USER_DATA_MAX)
    throw invalid(`user_data is longer than ${USER_DATA_MAX} bytes`);
  const publicNet = (body.public_net ?? {}) as { enable_ipv4?: boolean; enable_ipv6?: boolean };
  return {
    id,
    name,
    status: 'initializing',
    createdAt: now,
    serverType: text(body.server_type),
    image: text(body.image),
    location: optional(body.location),
    datacenter: optional(body.datacenter),
    sshKeys: (body.ssh_keys as (string | number)[] | undefined) ?? [],
    networks: numbers(body.networks),
    firewalls: ((body.firewalls as { firewall: number }[] | undefined) ?? []).map(
      (f) => f.firewall,
    ),
    placementGroup: body.placement_group as number | undefined,
    enableIpv4: publicNet.enable_ipv4 ?? true,
    enableIpv6: publicNet.enable_ipv6 ?? true,
    labels: (body.labels as Record<string, string> | undefined) ?? {},
    volumes: numbers(body.volumes),
    userData,
    publicIp: ips.publicIp,
    privateIp: ips.privateIp,
  };
}

export function text(value: unknown): string {
  return typeof value === 'string' ? value : '';
}

export function optional(value: unknown): string | undefined {
  return typeof value === 'string' && value ? value : undefined;
}

function numbers(value: unknown): number[] {
  return Array.isArray(value) ? value.map(Number) : [];
}
