import { invalid, type Resource, type ServerBuilderConfig } from '@monitor/domain';
import type { ServerAgents } from '@monitor/executions';
import type { ReadModel } from '@monitor/projections';
import type { AcquiredAgent } from './builder-agent';

/**
 * A Server builder builds on the agent of one of its servers: the only one, or among those
 * enabled and last seen Ok, the one running the fewest builds now (Komodo's overflow).
 */
export class ServerBuilderAgents {
  /** Builds running per server, in this process. */
  private readonly usage = new Map<string, number>();

  constructor(
    private readonly readModel: ReadModel,
    private readonly agents: ServerAgents,
  ) {}

  acquire(builder: Resource<'Builder'>, params: ServerBuilderConfig): AcquiredAgent {
    const server = this.select(builder, params.server_ids);
    const agent = this.agents.address(server);
    this.usage.set(server.id, (this.usage.get(server.id) ?? 0) + 1);
    let released = false;
    return {
      agent,
      where: `server '${server.name}'`,
      release: () => {
        if (!released) this.usage.set(server.id, (this.usage.get(server.id) ?? 1) - 1);
        released = true;
        return Promise.resolve();
      },
    };
  }

  private select(builder: Resource<'Builder'>, ids: string[]): Resource<'Server'> {
    const servers = ids.flatMap((id) => this.readModel.resourceById('Server', id) ?? []);
    if (!servers.length)
      throw invalid(`Builder '${builder.name}' names no existing server`, {
        field: 'config.params.server_ids',
      });
    if (servers.length === 1) return servers[0];
    const available = servers.filter(
      (s) => s.config.enabled && this.readModel.serverStatus.status(s.id)?.state === 'Ok',
    );
    if (!available.length)
      throw invalid(
        `none of the servers of Builder '${builder.name}' is enabled and reachable (${servers.map((s) => s.name).join(', ')})`,
        { field: 'config.params.server_ids' },
      );
    // The first of the least used: servers listed earlier take builds first.
    return available.reduce((best, s) => (this.used(s) < this.used(best) ? s : best));
  }

  private used(server: Resource<'Server'>): number {
    return this.usage.get(server.id) ?? 0;
  }
}
