import type { EngineContainer } from './container';
import { EngineContainers } from './containers';
import { EngineHttp } from './engine-http';
import { EngineImages } from './images';
import { EngineNetworks, EngineVolumes } from './networks-volumes';
import { EnginePrune } from './prune';

/**
 * The agent's Docker Engine API client: what the agent asks of the engine and nothing more,
 * over node:http on the engine's Unix socket. In place of dockerode, whose load brings ssh2 and
 * gRPC for transports the agent never uses (+24 MB of the agent's memory).
 */
export class DockerClient {
  readonly containers: EngineContainers;
  readonly images: EngineImages;
  readonly networks: EngineNetworks;
  readonly volumes: EngineVolumes;
  readonly prune: EnginePrune;

  constructor(options: { socketPath: string }) {
    const http = new EngineHttp(options.socketPath);
    this.containers = new EngineContainers(http);
    this.images = new EngineImages(http);
    this.networks = new EngineNetworks(http);
    this.volumes = new EngineVolumes(http);
    this.prune = new EnginePrune(http);
  }

  /** One container by name or id (nothing is asked of the engine until a call on it). */
  container(nameOrId: string): EngineContainer {
    return this.containers.get(nameOrId);
  }
}
