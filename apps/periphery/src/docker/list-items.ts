import type Dockerode from 'dockerode';
import type { VolumeInfo } from './engine/networks-volumes';
import type {
  ContainerHealth,
  ContainerListItem,
  ContainerState,
  ImageListItem,
  NetworkListItem,
  VolumeListItem,
} from '@monitor/contracts/agent';

const STATES: readonly string[] = [
  'running',
  'created',
  'restarting',
  'stopping',
  'removing',
  'paused',
  'exited',
  'dead',
];

/**
 * Docker writes State.Health.Status into the list's Status text ("Up 3 minutes (unhealthy)",
 * "Up 2 seconds (health: starting)"). Reading it there keeps a list one Engine call however many
 * containers there are, instead of one inspect per container.
 */
export function healthFromStatus(status: string | undefined): ContainerHealth | undefined {
  const match = /\((healthy|unhealthy|health: starting)\)\s*$/.exec(status ?? '');
  if (!match) return undefined;
  return match[1] === 'health: starting' ? 'starting' : (match[1] as ContainerHealth);
}

export function toContainerListItem(info: Dockerode.ContainerInfo): ContainerListItem {
  const health = healthFromStatus(info.Status);
  return {
    name: (info.Names?.[0] ?? info.Id).replace(/^\//, ''),
    id: info.Id,
    image: info.Image,
    image_id: info.ImageID,
    created: info.Created,
    state: (STATES.includes(info.State) ? info.State : '') as ContainerState,
    status: info.Status,
    ...(health ? { health } : {}),
    network_mode: info.HostConfig?.NetworkMode,
    networks: Object.keys(info.NetworkSettings?.Networks ?? {}),
    ports: info.Ports ?? [],
    volumes: (info.Mounts ?? []).filter((m) => m.Type === 'volume' && m.Name).map((m) => m.Name!),
    labels: info.Labels ?? {},
  };
}

/** What the containers use, to answer `in_use` of images, networks and volumes. */
export interface UsageIndex {
  imageIds: Set<string>;
  networks: Set<string>;
  volumes: Set<string>;
}

export function usageIndex(containers: Dockerode.ContainerInfo[]): UsageIndex {
  const index: UsageIndex = { imageIds: new Set(), networks: new Set(), volumes: new Set() };
  for (const c of containers) {
    index.imageIds.add(c.ImageID);
    for (const [name, net] of Object.entries(c.NetworkSettings?.Networks ?? {})) {
      index.networks.add(name);
      if (net.NetworkID) index.networks.add(net.NetworkID);
    }
    // A container on the host or "none" network is listed under that name in NetworkMode only.
    if (c.HostConfig?.NetworkMode) index.networks.add(c.HostConfig.NetworkMode);
    for (const m of c.Mounts ?? []) if (m.Type === 'volume' && m.Name) index.volumes.add(m.Name);
  }
  return index;
}

export function toImageListItem(info: Dockerode.ImageInfo, usage: UsageIndex): ImageListItem {
  const tags = (info.RepoTags ?? []).filter((t) => t !== '<none>:<none>');
  return {
    id: info.Id,
    parent_id: info.ParentId ?? '',
    name: tags[0] ?? info.Id,
    tags,
    digests: (info.RepoDigests ?? []).filter((d) => d !== '<none>@<none>'),
    created: info.Created,
    size: info.Size,
    in_use: usage.imageIds.has(info.Id),
  };
}

export function toNetworkListItem(
  info: Dockerode.NetworkInspectInfo,
  usage: UsageIndex,
): NetworkListItem {
  const ipam = info.IPAM?.Config?.[0];
  return {
    name: info.Name,
    id: info.Id,
    created: info.Created,
    scope: info.Scope,
    driver: info.Driver,
    enable_ipv6: info.EnableIPv6,
    ipam_driver: info.IPAM?.Driver,
    ipam_subnet: ipam?.Subnet,
    ipam_gateway: ipam?.Gateway,
    internal: info.Internal,
    attachable: info.Attachable,
    ingress: info.Ingress,
    in_use: usage.networks.has(info.Name) || usage.networks.has(info.Id),
  };
}

export function toVolumeListItem(info: VolumeInfo, usage: UsageIndex): VolumeListItem {
  const size = info.UsageData?.Size;
  return {
    name: info.Name,
    driver: info.Driver,
    mountpoint: info.Mountpoint,
    created: info.CreatedAt,
    scope: info.Scope ?? '',
    ...(size !== undefined && size >= 0 ? { size } : {}),
    in_use: usage.volumes.has(info.Name),
  };
}
