import { PeripheryError } from '../api/periphery-error';
import type { PeripheryConfig } from '../config';
import { isPossibleContainerName, noContainerMessage } from './container-name';
import { engineError } from './docker-errors';
import type { EngineContainer } from './engine/container';
import type { DockerClient } from './engine/docker-client';

/** The local engine, with its failures turned into PeripheryErrors. */
export class DockerEngine {
  constructor(
    readonly docker: DockerClient,
    private readonly config: PeripheryConfig,
  ) {}

  /** Runs one Engine call; `notFound` words a 404. */
  async call<T>(work: (docker: DockerClient) => Promise<T>, notFound?: string): Promise<T> {
    try {
      return await work(this.docker);
    } catch (error) {
      throw engineError(error, { socket: this.config.docker_socket, notFound });
    }
  }

  /** Runs one call on the container of that name (or id); 404 names it when there is none. */
  async withContainer<T>(
    name: string,
    work: (container: EngineContainer) => Promise<T>,
  ): Promise<T> {
    if (!isPossibleContainerName(name))
      throw new PeripheryError('NOT_FOUND', noContainerMessage(name));
    const container = this.docker.container(name.replace(/^\//, ''));
    return this.call(() => work(container), noContainerMessage(name));
  }
}
