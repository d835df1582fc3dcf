/*
 * Hetzner Cloud's API v1 shapes (docs.hetzner.cloud), only the fields Monitor uses or sends.
 * Names are Hetzner's own: these go on the wire as they are.
 */

export type HetznerServerStatus =
  | 'initializing'
  | 'starting'
  | 'running'
  | 'stopping'
  | 'off'
  | 'deleting'
  | 'migrating'
  | 'rebuilding'
  | 'unknown';

export interface HetznerServer {
  id: number;
  name: string;
  status: HetznerServerStatus;
  created: string;
  public_net: { ipv4: { ip: string } | null; ipv6: { ip: string } | null };
  private_net: { network: number; ip: string }[];
  labels: Record<string, string>;
  /** Ids of the volumes attached. */
  volumes: number[];
}

export interface HetznerAction {
  id: number;
  command: string;
  status: 'running' | 'success' | 'error';
  progress: number;
  started: string;
  finished: string | null;
  resources: { id: number; type: string }[];
  error: { code: string; message: string } | null;
}

export interface HetznerVolume {
  id: number;
  name: string;
  size: number;
  status: 'creating' | 'available';
  /** The server it is attached to. */
  server: number | null;
  labels: Record<string, string>;
  linux_device: string;
}

export interface CreateServerBody {
  /** Unique per project, and a valid hostname (RFC 1123). */
  name: string;
  server_type: string;
  image: string;
  /** One of `location` and `datacenter`, never both. */
  location?: string;
  datacenter?: string;
  /** Ids or names. */
  ssh_keys?: (string | number)[];
  /** Private network ids. */
  networks?: number[];
  firewalls?: { firewall: number }[];
  placement_group?: number;
  public_net?: { enable_ipv4: boolean; enable_ipv6: boolean };
  labels?: Record<string, string>;
  /** Ids of volumes (in the same location) to attach. */
  volumes?: number[];
  automount?: boolean;
  /** Cloud-init user data, plain text, at most 32 KiB. */
  user_data?: string;
  start_after_create?: boolean;
}

export interface CreateServerAnswer {
  server: HetznerServer;
  action: HetznerAction;
  next_actions: HetznerAction[];
}

export interface CreateVolumeBody {
  name: string;
  /** GB, 10 to 10240. */
  size: number;
  /** Needed unless `server` is given. */
  location?: string;
  /** Attach it to this server once created (in the server's location). */
  server?: number;
  format?: 'xfs' | 'ext4';
  labels?: Record<string, string>;
  automount?: boolean;
}

export interface CreateVolumeAnswer {
  volume: HetznerVolume;
  action: HetznerAction;
  next_actions: HetznerAction[];
}

/** Hetzner's limit on `user_data`. */
export const HETZNER_USER_DATA_MAX_BYTES = 32 * 1024;
