import { checkName, conflict, kindCategory } from '@monitor/domain';
import type { EventStore } from '@monitor/eventstore';
import { NameRegistry, systemMeta, type CommandMeta } from '@monitor/resources';

/**
 * The new Server's name, owned by its launch from the request on: reserved for the id the
 * Server will have (the launch's Update id) before anything is spent, so two launches of one
 * name cannot both pay for a machine; released when the launch ends without its Server.
 */
export class LaunchNames {
  private readonly names: NameRegistry;

  constructor(store: EventStore) {
    this.names = new NameRegistry(store);
  }

  /** Checks the name as a create does, then reserves it: 409 when a Server or launch holds it. */
  async reserve(name: string, launchId: string, meta: CommandMeta): Promise<void> {
    checkName(name);
    try {
      await this.names.reserve(kindCategory('Server'), name, launchId, meta);
    } catch (error) {
      if ((error as { code?: string }).code !== 'CONFLICT') throw error;
      throw conflict(`name: a Server named '${name}' already exists or is being launched`, {
        field: 'name',
      });
    }
  }

  /** Frees the name if this launch still holds it (the Server's create keeps it otherwise). */
  release(name: string, launchId: string, meta: CommandMeta = systemMeta()): Promise<void> {
    return this.names.release(kindCategory('Server'), name, launchId, meta);
  }
}
