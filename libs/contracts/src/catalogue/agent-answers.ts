import type { ExecutionLog } from '@monitor/domain';

/*
 * What the agent answers, declared once: the agent's handlers must return these (its
 * registration checks it), and the core's calls are typed by them.
 */

/** Komodo's ContainerStateStatusEnum values. */
export type ContainerState =
  | 'running'
  | 'created'
  | 'restarting'
  | 'stopping'
  | 'removing'
  | 'paused'
  | 'exited'
  | 'dead'
  | '';

/** Docker's healthcheck verdict; absent when the container has no healthcheck. */
export type ContainerHealth = 'healthy' | 'unhealthy' | 'starting';

export interface PortItem {
  IP?: string;
  PrivatePort?: number;
  PublicPort?: number;
  Type?: string;
}

/** Komodo's ContainerListItem, plus `health` so that "unhealthy" is not mistaken for "running". */
export interface ContainerListItem {
  name: string;
  id: string;
  image: string;
  image_id: string;
  /** Seconds since the epoch, as Docker reports it. */
  created: number;
  state: ContainerState;
  status: string;
  health?: ContainerHealth;
  network_mode?: string;
  networks: string[];
  ports: PortItem[];
  volumes: string[];
  labels: Record<string, string>;
}

/** Komodo's ImageListItem. */
export interface ImageListItem {
  id: string;
  parent_id: string;
  name: string;
  tags: string[];
  digests: string[];
  created: number;
  size: number;
  in_use: boolean;
}

/** Komodo's NetworkListItem. */
export interface NetworkListItem {
  name: string;
  id: string;
  created?: string;
  scope?: string;
  driver?: string;
  enable_ipv6?: boolean;
  ipam_driver?: string;
  ipam_subnet?: string;
  ipam_gateway?: string;
  internal?: boolean;
  attachable?: boolean;
  ingress?: boolean;
  in_use: boolean;
}

/** Komodo's VolumeListItem. */
export interface VolumeListItem {
  name: string;
  driver: string;
  mountpoint: string;
  created?: string;
  scope: 'local' | 'global' | '';
  size?: number;
  in_use: boolean;
}

/** Komodo's SystemInformation (GetSystemInformation). */
export interface SystemInformation {
  name?: string;
  os?: string;
  kernel?: string;
  core_count?: number;
  logical_core_count?: number;
  host_name?: string;
  cpu_brand?: string;
  cpu_arch?: string;
}

/** Komodo's SingleDiskUsage. */
export interface DiskUsage {
  mount: string;
  file_system: string;
  used_gb: number;
  total_gb: number;
}

/** Komodo's SystemStats (GetSystemStats). Network figures are bytes per second. */
export interface SystemStats {
  cpu_perc: number;
  load_average: { one: number; five: number; fifteen: number };
  mem_free_gb: number;
  mem_used_gb: number;
  mem_total_gb: number;
  mem_buff_cache_gb: number;
  swap_total_gb: number;
  swap_used_gb: number;
  disks: DiskUsage[];
  network_ingress_bytes: number;
  network_egress_bytes: number;
  /** Komodo's Timelength of the sampling rate, when the rate is one of its values. */
  polling_rate?: string;
  /** When the stats were sampled (ms since the epoch). */
  refresh_ts: number;
  refresh_list_ts: number;
}

/** Komodo's SystemProcess (ListSystemProcesses). CPU in core-percent: 100 is one whole core. */
export interface SystemProcess {
  pid: number;
  name: string;
  exe?: string;
  cmd: string[];
  /** When it started (ms since the epoch). */
  start_time?: number;
  cpu_perc: number;
  mem_mb: number;
  disk_read_kb: number;
  disk_write_kb: number;
}

/** One container of a compose project, as ComposePs answers it. */
export interface ComposeService {
  service: string;
  container_name: string;
  container_id: string;
  image: string;
  state: string;
  status: string;
  health?: ContainerHealth;
}

/** ReadComposeFiles: the compose files of a stack as they are on disk. */
export interface StackFileContents {
  /** Each file found, as compose will read it. */
  contents: { path: string; contents: string }[];
  /** Files named but absent, so the core can say which before compose runs. */
  missing: string[];
}

/** ComposeUp: `compose config`'s check, then the `up`. */
export interface ComposeUpAnswer {
  logs: ExecutionLog[];
  success: boolean;
}

/** DeployContainer's answer: one Log per stage, in the order they ran. */
export interface DeployAnswer {
  logs: ExecutionLog[];
  /** The new container's id while it exists (also when it failed to start), else null. */
  container_id: string | null;
  /** Every stage succeeded: the new container runs under the name. */
  success: boolean;
}

/** Komodo's Log, plus whether the image is on this host now (pulled, or from before). */
export interface PullImageAnswer extends ExecutionLog {
  local_image_available: boolean;
}

export interface ImageUpdateAnswer {
  image: string;
  /** The registry's digest of `image` now. */
  remote_digest: string;
  /** The digests the container's image was pulled by (`repo@sha256:...`). */
  running_digests: string[];
  /** The registry has another image under the reference than the container runs. */
  update_available: boolean;
}

/** Komodo's ContainerStats: the figures of one `docker stats --no-stream` line, as its text. */
export interface ContainerStats {
  name: string;
  cpu_perc: string;
  mem_perc: string;
  mem_usage: string;
  net_io: string;
  block_io: string;
  pids: string;
}

/** Komodo's Container: Docker's inspect, with the fields and list forms Komodo's periphery gives. */
export type KomodoContainer = Record<string, unknown>;

/** CloneOrPullRepo: the git steps, and the commit the stack's directory now holds. */
export interface RepoAnswer {
  logs: ExecutionLog[];
  success: boolean;
  commit_hash: string | null;
  commit_message: string | null;
}
