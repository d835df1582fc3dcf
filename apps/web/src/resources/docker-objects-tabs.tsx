import { DockerTable } from './docker-table';

/** Komodo's ImageListItem, the fields shown. */
interface Image {
  id: string;
  name: string;
  tags: string[];
  created: number;
  size: number;
  in_use: boolean;
}

/** Komodo's NetworkListItem, the fields shown. */
interface Network {
  id: string;
  name: string;
  driver?: string;
  scope?: string;
  ipam_subnet?: string;
  internal?: boolean;
  in_use: boolean;
}

/** Komodo's VolumeListItem, the fields shown. */
interface Volume {
  name: string;
  driver: string;
  mountpoint: string;
  scope: string;
  in_use: boolean;
}

interface TabProps {
  id: string;
  version: number;
}

/** The server's images, as its agent lists them. */
export function ImagesTab({ id, version }: TabProps) {
  return (
    <DockerTable<Image>
      server={id}
      version={version}
      request="ListDockerImages"
      noun="images"
      rowKey={(i) => i.id}
      columns={[
        { header: 'name', cell: (i) => i.tags.join(', ') || i.name || i.id.slice(0, 19) },
        { header: 'size', cell: (i) => megabytes(i.size) },
        { header: 'created', cell: (i) => new Date(i.created * 1000).toLocaleString() },
        { header: 'used', cell: (i) => inUse(i.in_use) },
      ]}
    />
  );
}

/** The server's networks. */
export function NetworksTab({ id, version }: TabProps) {
  return (
    <DockerTable<Network>
      server={id}
      version={version}
      request="ListDockerNetworks"
      noun="networks"
      rowKey={(n) => n.name}
      columns={[
        { header: 'name', cell: (n) => n.name },
        { header: 'driver', cell: (n) => n.driver },
        { header: 'scope', cell: (n) => n.scope },
        { header: 'subnet', cell: (n) => n.ipam_subnet },
        { header: 'internal', cell: (n) => (n.internal ? 'yes' : 'no') },
        { header: 'used', cell: (n) => inUse(n.in_use) },
      ]}
    />
  );
}

/** The server's volumes. */
export function VolumesTab({ id, version }: TabProps) {
  return (
    <DockerTable<Volume>
      server={id}
      version={version}
      request="ListDockerVolumes"
      noun="volumes"
      rowKey={(v) => v.name}
      columns={[
        { header: 'name', cell: (v) => v.name },
        { header: 'driver', cell: (v) => v.driver },
        { header: 'scope', cell: (v) => v.scope },
        { header: 'mount point', cell: (v) => v.mountpoint },
        { header: 'used', cell: (v) => inUse(v.in_use) },
      ]}
    />
  );
}

function megabytes(bytes: number): string {
  return `${(bytes / 1_000_000).toFixed(1)} MB`;
}

/** Whether any container, running or not, uses it (Docker keeps it until none does). */
function inUse(used: boolean): string {
  return used ? 'in use' : 'unused';
}
