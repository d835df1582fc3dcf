import {
  evolveName,
  nameStream,
  type NameCommand,
  type NameState,
  nameDecider,
} from '@monitor/domain';
import type { EventStore } from '@monitor/eventstore';
import type { CommandMeta } from './command-meta';
import { handleCommand } from './stream-handler';

/** Names unique per category (a kind, or `tag`), through reservation streams. */
export class NameRegistry {
  constructor(private readonly store: EventStore) {}

  async reserve(category: string, name: string, holder: string, meta: CommandMeta): Promise<void> {
    await this.run({ type: 'Reserve', category, name, holder }, meta);
  }

  async release(category: string, name: string, holder: string, meta: CommandMeta): Promise<void> {
    await this.run({ type: 'Release', category, name, holder }, meta);
  }

  /** The id holding the name, if any. */
  async holder(category: string, name: string): Promise<string | undefined> {
    const events = await this.store.readStream(nameStream(category, name));
    return events.reduce(evolveName, {} as NameState).holder;
  }

  /** The id holding the name and since when (ms since the epoch), if any. */
  async reservation(
    category: string,
    name: string,
  ): Promise<{ holder: string; at: number } | undefined> {
    const events = await this.store.readStream(nameStream(category, name));
    const holder = events.reduce(evolveName, {} as NameState).holder;
    return holder ? { holder, at: events.at(-1)?.metadata.at ?? 0 } : undefined;
  }

  private async run(command: NameCommand, meta: CommandMeta): Promise<void> {
    await handleCommand(
      this.store,
      nameStream(command.category, command.name),
      nameDecider,
      command,
      meta,
    );
  }
}
