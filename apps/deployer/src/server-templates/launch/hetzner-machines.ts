import {
  deleteHetznerServer,
  HetznerClient,
  waitForAction,
  waitForServerRunning,
  type CreateServerBody,
} from '@monitor/cloud';
import {
  hetznerDatacenterName,
  hetznerLocation,
  hetznerServerTypeName,
  hetznerVolumeFormatName,
  launchMark,
  type HetznerServerTemplateConfig,
} from '@monitor/domain';
import { instanceWait, type CloudMachines, type LaunchTiming } from './cloud-machines';

/**
 * A launch on Hetzner: the template's volumes first (as Komodo does), then the server with
 * them attached, everything labelled `monitor-launch=<update id>` so that a server whose create
 * got no clear answer is found again by its label rather than created twice.
 */
export class HetznerMachines implements CloudMachines {
  private readonly volumeIds: number[] = [];
  private readonly label: { key: string; value: string };

  constructor(
    private readonly client: HetznerClient,
    private readonly params: HetznerServerTemplateConfig,
    private readonly serverName: string,
    updateId: string,
    private readonly timing: LaunchTiming,
  ) {
    this.label = launchMark(updateId).hetznerLabel;
  }

  get description(): string {
    const p = this.params;
    return `POST /v1/servers ${this.serverName} (${hetznerServerTypeName(p.server_type)}, ${p.image}, ${hetznerDatacenterName(p.datacenter)}) label ${this.label.key}=${this.label.value}`;
  }

  async createVolumes(record: (volumeId: string) => Promise<void>): Promise<void> {
    const location = hetznerLocation(this.params.datacenter);
    for (const v of this.params.volumes) {
      const created = await this.client.createVolume({
        name: v.name,
        size: v.size_gb,
        location,
        format: hetznerVolumeFormatName(v.format),
        labels: { ...v.labels, [this.label.key]: this.label.value },
      });
      this.volumeIds.push(created.volume.id);
      await record(String(created.volume.id));
      await waitForAction(this.client, created.action.id, instanceWait(this.timing));
    }
  }

  async launch(userData: string): Promise<string> {
    const answer = await this.client.createServer(
      hetznerCreate(this.params, this.serverName, this.label, this.volumeIds, userData),
    );
    return String(answer.server.id);
  }

  async findLaunched(): Promise<string | undefined> {
    const found = await this.client.listServers(`${this.label.key}==${this.label.value}`);
    return found[0] && String(found[0].id);
  }

  async findVolumes(): Promise<string[]> {
    const found = await this.client.listVolumes(`${this.label.key}==${this.label.value}`);
    return found.map((volume) => String(volume.id));
  }

  async waitRunning(instanceId: string): Promise<string> {
    const { ip } = await waitForServerRunning(
      this.client,
      Number(instanceId),
      this.params.use_public_ip,
      instanceWait(this.timing),
    );
    return ip;
  }

  terminate(instanceId: string | undefined, volumes: readonly string[]) {
    return () =>
      deleteHetznerServer(
        this.client,
        instanceId === undefined ? undefined : Number(instanceId),
        volumes.map(Number),
        instanceWait(this.timing),
      );
  }

  close(): void {
    // fetch keeps no connection of its own to close.
  }
}

/** The template's fields as POST /v1/servers takes them, Hetzner's own names. */
export function hetznerCreate(
  p: HetznerServerTemplateConfig,
  serverName: string,
  label: { key: string; value: string },
  volumeIds: number[],
  userData: string,
): CreateServerBody {
  return {
    name: serverName,
    server_type: hetznerServerTypeName(p.server_type),
    image: p.image,
    datacenter: hetznerDatacenterName(p.datacenter),
    ssh_keys: p.ssh_keys,
    networks: p.private_network_ids,
    firewalls: p.firewall_ids.map((firewall) => ({ firewall })),
    ...(p.placement_group ? { placement_group: p.placement_group } : {}),
    public_net: { enable_ipv4: p.enable_public_ipv4, enable_ipv6: p.enable_public_ipv6 },
    labels: { ...p.labels, [label.key]: label.value },
    volumes: volumeIds,
    user_data: userData,
    start_after_create: true,
  };
}
