import type { ContainerStats } from '@monitor/contracts/agent';
import { toContainerStats, type EngineStats } from './container-stats';
import { assertOwner, type OwnerDto } from './container-owner';
import { DockerEngine } from './docker-engine';

/** GetContainerStats: one `docker stats --no-stream` line, from the Engine's stats endpoint. */
export class ContainerStatsService {
  constructor(private readonly engine: DockerEngine) {}

  /**
   * Not one-shot: the engine then takes a second sample about a second later, which is what the
   * CPU figure is computed from (a one-shot answer has no earlier sample and always says 0%).
   */
  async stats(name: string, owner?: OwnerDto): Promise<ContainerStats> {
    const raw: EngineStats = await this.engine.withContainer(name, async (container) => {
      assertOwner(name, (await container.inspect()).Config?.Labels, owner);
      return container.stats();
    });
    return toContainerStats((raw.name ?? name).replace(/^\//, ''), raw);
  }
}
