import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import { TAG_REQUESTS } from '@monitor/contracts';
import type { Tag } from '@monitor/domain';
import type { ReadModel } from '@monitor/projections';
import { READ_MODEL } from '@monitor/runtime';
import type { Principal } from '../../auth/principal';
import { ApiError } from '../api-error';
import { toKomodoTag } from '../komodo-shapes';
import { RequestRegistry, type RequestContext } from '../request-registry';
import { CommandForwarder } from './command-forwarder';

@Injectable()
export class TagWrites implements OnModuleInit {
  constructor(
    private readonly registry: RequestRegistry,
    private readonly commands: CommandForwarder,
    @Inject(READ_MODEL) private readonly readModel: ReadModel,
  ) {}

  onModuleInit(): void {
    const { CreateTag, RenameTag, UpdateTagColor, DeleteTag } = TAG_REQUESTS;
    this.registry.handle(CreateTag, (params, context) =>
      this.write(CreateTag.name, params, context),
    );
    this.registry.handle(RenameTag, (params, context) =>
      this.write(RenameTag.name, params, context, params.id),
    );
    this.registry.handle(UpdateTagColor, (params, context) =>
      this.write(UpdateTagColor.name, params, context, params.tag),
    );
    this.registry.handle(DeleteTag, (params, context) =>
      this.write(DeleteTag.name, params, context, params.id),
    );
  }

  /**
   * Sends the write to the service that hosts tags and answers the tag after it (a deleted one
   * as it was). `changed`: the id or name of the tag a write changes, which is its owner's.
   */
  private async write(
    name: string,
    params: object,
    { meta, principal }: RequestContext,
    changed?: string,
  ) {
    const before = changed === undefined ? undefined : this.readModel.tag(changed);
    if (before) requireOwner(name, before, principal);
    const { id } = await this.commands.send('tag', name, { params, meta });
    const tag = this.readModel.tag(id) ?? before;
    if (!tag)
      throw new ApiError(500, `${name}: tag '${id}' is missing after the write`, 'INTERNAL');
    return toKomodoTag(tag);
  }
}

/** Anyone may create a tag; its owner and admins may change or delete it. */
function requireOwner(name: string, tag: Tag, principal: Principal): void {
  if (tag.owner !== principal.id && !principal.isAdmin) {
    throw new ApiError(
      403,
      `${name}: only the tag's owner or an admin may change tag '${tag.name}'`,
      'FORBIDDEN',
    );
  }
}
