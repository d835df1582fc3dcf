import { DockerEngine } from './docker-engine';
import type {
  ContainerListItem,
  ImageListItem,
  NetworkListItem,
  VolumeListItem,
} from '@monitor/contracts/agent';
import {
  toContainerListItem,
  toImageListItem,
  toNetworkListItem,
  toVolumeListItem,
  usageIndex,
  type UsageIndex,
} from './list-items';

/** ListDockerContainers, ListDockerImages, ListDockerNetworks, ListDockerVolumes. */
export class DockerListsService {
  constructor(private readonly engine: DockerEngine) {}

  async containers(): Promise<ContainerListItem[]> {
    const list = await this.engine.call((docker) => docker.containers.list({ all: true }));
    return list.map(toContainerListItem).sort((a, b) => a.name.localeCompare(b.name));
  }

  async images(): Promise<ImageListItem[]> {
    const [images, usage] = await Promise.all([
      this.engine.call((docker) => docker.images.list()),
      this.usage(),
    ]);
    return images.map((image) => toImageListItem(image, usage));
  }

  async networks(): Promise<NetworkListItem[]> {
    const [networks, usage] = await Promise.all([
      this.engine.call((docker) => docker.networks.list()),
      this.usage(),
    ]);
    return networks.map((network) => toNetworkListItem(network, usage));
  }

  async volumes(): Promise<VolumeListItem[]> {
    const [volumes, usage] = await Promise.all([
      this.engine.call((docker) => docker.volumes.list()),
      this.usage(),
    ]);
    return volumes.map((volume) => toVolumeListItem(volume, usage));
  }

  /** Docker's lists leave "in use" uncounted (-1): it is read from the containers instead. */
  private async usage(): Promise<UsageIndex> {
    return usageIndex(await this.engine.call((docker) => docker.containers.list({ all: true })));
  }
}
