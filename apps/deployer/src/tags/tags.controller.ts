import { Inject } from '@nestjs/common';
import { MessagePattern } from '@nestjs/microservices';
import { BusController, commandSubject, QUEUE_GROUPS } from '@monitor/bus';
import {
  CreateTagDto,
  DeleteTagDto,
  RenameTagDto,
  requireValid,
  UpdateTagColorDto,
  TAG_REQUESTS,
} from '@monitor/contracts';
import type { EventStore } from '@monitor/eventstore';
import type { ReadModel } from '@monitor/projections';
import { ResourceCommands, TagCommands, type WriteResult } from '@monitor/resources';
import { EVENT_STORE, READ_MODEL, type CommandEnvelope } from '@monitor/runtime';

const queue = QUEUE_GROUPS.deployer;

/** Tag commands; the deployer hosts them (see docs/architecture.md, "Who owns what"). */
@BusController()
export class TagsController {
  private readonly tags: TagCommands;

  constructor(
    @Inject(EVENT_STORE) store: EventStore,
    @Inject(READ_MODEL) readModel: ReadModel,
    resources: ResourceCommands,
  ) {
    this.tags = new TagCommands(store, readModel, resources);
  }

  @MessagePattern(commandSubject('tag', TAG_REQUESTS.CreateTag.name), { queue })
  create({ params, meta }: CommandEnvelope): Promise<WriteResult> {
    const p = requireValid(CreateTagDto, params);
    return this.tags.create(p.name, p.color, meta);
  }

  @MessagePattern(commandSubject('tag', TAG_REQUESTS.RenameTag.name), { queue })
  rename({ params, meta }: CommandEnvelope): Promise<WriteResult> {
    const p = requireValid(RenameTagDto, params);
    return this.tags.rename(p.id, p.name, meta);
  }

  @MessagePattern(commandSubject('tag', TAG_REQUESTS.UpdateTagColor.name), { queue })
  color({ params, meta }: CommandEnvelope): Promise<WriteResult> {
    const p = requireValid(UpdateTagColorDto, params);
    return this.tags.updateColor(p.tag, p.color, meta);
  }

  @MessagePattern(commandSubject('tag', TAG_REQUESTS.DeleteTag.name), { queue })
  delete({ params, meta }: CommandEnvelope): Promise<WriteResult> {
    return this.tags.delete(requireValid(DeleteTagDto, params).id, meta);
  }
}
