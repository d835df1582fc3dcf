import {
  conflict,
  decideTag,
  notFound,
  tagStream,
  type TagCommand,
  tagDecider,
} from '@monitor/domain';
import type { EventStore } from '@monitor/eventstore';
import type { ReadModel } from '@monitor/projections';
import type { CommandMeta } from './command-meta';
import { newId } from './ids';
import { NameRegistry } from './name-registry';
import type { ResourceCommands, WriteResult } from './resource-commands';
import { handleCommand } from './stream-handler';

/** Tags: unique names, and deleting one takes it off every resource that carries it. */
export class TagCommands {
  private readonly names: NameRegistry;

  constructor(
    private readonly store: EventStore,
    private readonly readModel: ReadModel,
    private readonly resources: ResourceCommands,
  ) {
    this.names = new NameRegistry(store);
  }

  async create(name: string, color: string | undefined, meta: CommandMeta): Promise<WriteResult> {
    const id = newId();
    const command: TagCommand = { type: 'CreateTag', id, name, color, owner: meta.userId };
    // Decided once before the name is reserved, so that a refused create writes nothing.
    decideTag({ status: 'Empty' }, command);
    await this.reserve(name, id, meta);
    try {
      const { position } = await this.run(id, command, meta);
      return { id, position };
    } catch (error) {
      await this.names.release('tag', name, id, meta);
      throw error;
    }
  }

  async rename(idOrName: string, name: string, meta: CommandMeta): Promise<WriteResult> {
    const tag = await this.find(idOrName);
    if (decideTag({ status: 'Active', tag }, { type: 'RenameTag', name }).length === 0) {
      return { id: tag.id, position: await this.store.headPosition() };
    }
    await this.reserve(name, tag.id, meta);
    await this.run(tag.id, { type: 'RenameTag', name }, meta);
    await this.names.release('tag', tag.name, tag.id, meta);
    return { id: tag.id, position: await this.store.headPosition() };
  }

  async updateColor(idOrName: string, color: string, meta: CommandMeta): Promise<WriteResult> {
    const tag = await this.find(idOrName);
    await this.run(tag.id, { type: 'UpdateTagColor', color }, meta);
    return { id: tag.id, position: await this.store.headPosition() };
  }

  async delete(idOrName: string, meta: CommandMeta): Promise<WriteResult> {
    const tag = await this.find(idOrName);
    await this.run(tag.id, { type: 'DeleteTag' }, meta);
    await this.names.release('tag', tag.name, tag.id, meta);
    for (const resource of this.readModel.taggedWith(tag.id)) {
      const tags = resource.tags.filter((t) => t !== tag.id);
      await this.resources.updateTags(resource.kind, resource.id, tags, meta);
    }
    return { id: tag.id, position: await this.store.headPosition() };
  }

  private async find(idOrName: string) {
    await this.readModel.waitFor(await this.store.headPosition());
    const tag = this.readModel.tag(idOrName);
    if (!tag) throw notFound(`no tag has the name or id '${idOrName}'`);
    return tag;
  }

  private async reserve(name: string, id: string, meta: CommandMeta) {
    try {
      await this.names.reserve('tag', name, id, meta);
    } catch (error) {
      if ((error as { code?: string }).code === 'CONFLICT') {
        throw conflict(`name: a tag named '${name}' already exists`, { field: 'name' });
      }
      throw error;
    }
  }

  private run(id: string, command: TagCommand, meta: CommandMeta) {
    return handleCommand(this.store, tagStream(id), tagDecider, command, meta);
  }
}
