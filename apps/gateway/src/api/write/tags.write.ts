import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import { TAG_REQUESTS, type DeleteTagDto } from '@monitor/contracts';
import type { ReadModel } from '@monitor/projections';
import { READ_MODEL } from '@monitor/runtime';
import type { Principal } from '../../auth/principal';
import { ApiError } from '../api-error';
import { toKomodoTag } from '../komodo-shapes';
import { RequestRegistry, type RequestContext } from '../request-registry';
import { CommandForwarder } from './command-forwarder';

const TAG_WRITES = [
  TAG_REQUESTS.CreateTag,
  TAG_REQUESTS.RenameTag,
  TAG_REQUESTS.UpdateTagColor,
  TAG_REQUESTS.DeleteTag,
];

@Injectable()
export class TagWrites implements OnModuleInit {
  constructor(
    private readonly registry: RequestRegistry,
    private readonly commands: CommandForwarder,
    @Inject(READ_MODEL) private readonly readModel: ReadModel,
  ) {}

  onModuleInit(): void {
    for (const entry of TAG_WRITES) {
      this.registry.handle(entry, (params, context) => this.write(entry.name, params, context));
    }
  }

  private async write(name: string, params: object, { meta, principal }: RequestContext) {
    if (name !== 'CreateTag') this.requireOwner(name, params, principal);
    const before =
      name === 'DeleteTag' ? this.readModel.tag((params as DeleteTagDto).id) : undefined;
    const { id } = await this.commands.send('tag', name, { params, meta });
    const tag = before ?? this.readModel.tag(id);
    if (!tag)
      throw new ApiError(500, `${name}: tag '${id}' is missing after the write`, 'INTERNAL');
    return toKomodoTag(tag);
  }

  /** Anyone may create a tag; its owner and admins may change or delete it. */
  private requireOwner(name: string, params: object, principal: Principal): void {
    const { id, tag: idOrName } = params as { id?: string; tag?: string };
    const tag = this.readModel.tag(id ?? idOrName ?? '');
    if (tag && tag.owner !== principal.id && !principal.isAdmin) {
      throw new ApiError(
        403,
        `${name}: only the tag's owner or an admin may change tag '${tag.name}'`,
        'FORBIDDEN',
      );
    }
  }
}
