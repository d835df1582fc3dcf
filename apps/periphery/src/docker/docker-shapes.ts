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

/** Komodo's Log, declared once in the domain (`ExecutionLog`): one step of an execution. */
export type { ExecutionLog as Log } from '@monitor/domain';
