/** The fake's records, and the JSON Hetzner answers for them (the fields of docs.hetzner.cloud). */

export interface FakeAction {
  id: number;
  command: string;
  resources: { id: number; type: string }[];
  startedAt: number;
  /** When it finishes (as a request sees the time); then `done` runs once. */
  finishAt: number;
  status: 'running' | 'success' | 'error';
  /** Set when it is to end in `error` (a fault a test asked for). */
  error?: { code: string; message: string };
  /** What it does once it succeeded, or undoes once it failed. */
  done?: () => void;
  failed?: () => void;
}

export interface FakeHetznerServer {
  id: number;
  name: string;
  status: 'initializing' | 'running' | 'off' | 'deleting';
  createdAt: number;
  serverType: string;
  image: string;
  location?: string;
  datacenter?: string;
  sshKeys: (string | number)[];
  networks: number[];
  firewalls: number[];
  placementGroup?: number;
  enableIpv4: boolean;
  enableIpv6: boolean;
  labels: Record<string, string>;
  volumes: number[];
  /** As sent: Hetzner takes cloud-init user data as plain text. */
  userData: string;
  publicIp: string;
  privateIp: string;
}

export interface FakeHetznerVolume {
  id: number;
  name: string;
  size: number;
  status: 'creating' | 'available';
  server: number | null;
  location?: string;
  format?: string;
  labels: Record<string, string>;
  createdAt: number;
}

const iso = (ms: number) => new Date(ms).toISOString();

export function actionJson(a: FakeAction) {
  return {
    id: a.id,
    command: a.command,
    status: a.status,
    progress: a.status === 'running' ? 0 : 100,
    started: iso(a.startedAt),
    finished: a.status === 'running' ? null : iso(a.finishAt),
    resources: a.resources,
    error: a.status === 'error' ? (a.error ?? null) : null,
  };
}

export function serverJson(s: FakeHetznerServer) {
  const location = s.location ?? s.datacenter?.split('-')[0] ?? 'fsn1';
  return {
    id: s.id,
    name: s.name,
    status: s.status,
    created: iso(s.createdAt),
    labels: s.labels,
    volumes: s.volumes,
    server_type: { name: s.serverType },
    image: { name: s.image },
    datacenter: { name: s.datacenter ?? `${location}-dc14`, location: { name: location } },
    placement_group: s.placementGroup ? { id: s.placementGroup } : null,
    primary_disk_size: 40,
    public_net: {
      ipv4: s.enableIpv4 ? { id: s.id, ip: s.publicIp, blocked: false, dns_ptr: '' } : null,
      ipv6: s.enableIpv6 ? { id: s.id, ip: '2001:db8::/64', blocked: false, dns_ptr: [] } : null,
      floating_ips: [],
      firewalls: s.firewalls.map((id) => ({ id, status: 'applied' })),
    },
    private_net: s.networks.map((network) => ({
      network,
      ip: s.privateIp,
      alias_ips: [],
      mac_address: '86:00:00:00:00:01',
    })),
  };
}

export function volumeJson(v: FakeHetznerVolume) {
  return {
    id: v.id,
    name: v.name,
    size: v.size,
    status: v.status,
    server: v.server,
    labels: v.labels,
    format: v.format ?? null,
    location: { name: v.location ?? 'fsn1' },
    linux_device: `/dev/disk/by-id/scsi-0HC_Volume_${v.id}`,
    protection: { delete: false },
    created: iso(v.createdAt),
  };
}

export function errorJson(code: string, message: string) {
  return { error: { code, message } };
}
