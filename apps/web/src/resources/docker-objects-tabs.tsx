import { DockerTable } from './docker-table';

interface TabProps {
  id: string;
  version: number;
}

/** The server's images, as its agent lists them. */
export function ImagesTab({ id, version }: TabProps) {
  return (
    <DockerTable
      server={id}
      version={version}
      read={(api) => api.read('ListImages', { server: id })}
      noun="images"
      rowKey={(i) => i.id}
      columns={[
        { header: 'name', cell: (i) => (i.tags ?? []).join(', ') || i.name || i.id.slice(0, 19) },
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
    <DockerTable
      server={id}
      version={version}
      read={(api) => api.read('ListNetworks', { server: id })}
      noun="networks"
      rowKey={(n) => n.name ?? n.id ?? ''}
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
    <DockerTable
      server={id}
      version={version}
      read={(api) => api.read('ListVolumes', { server: id })}
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
