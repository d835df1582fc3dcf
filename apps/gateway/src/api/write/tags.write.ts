import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import { CreateTagDto, DeleteTagDto, RenameTagDto, UpdateTagColorDto } from '@monitor/contracts';
import type { ReadModel } from '@monitor/projections';
import { READ_MODEL } from '@monitor/runtime';
import { toKomodoTag } from '../komodo-shapes';
import { request, RequestRegistry, type RequestContext } from '../request-registry';
import { CommandForwarder } from './command-forwarder';

const TAG_WRITES: [string, new () => object][] = [
  ['CreateTag', CreateTagDto],
  ['RenameTag', RenameTagDto],
  ['UpdateTagColor', UpdateTagColorDto],
  ['DeleteTag', DeleteTagDto],
];

@Injectable()
export class TagWrites implements OnModuleInit {
  constructor(
    private readonly registry: RequestRegistry,
    private readonly commands: CommandForwarder,
    @Inject(READ_MODEL) private readonly readModel: ReadModel,
  ) {}

  onModuleInit(): void {
    for (const [name, dto] of TAG_WRITES) {
      this.registry.add(
        request({
          verb: 'write',
          name,
          dto,
          handle: (params, context) => this.write(name, params, context),
        }),
      );
    }
  }

  private async write(name: string, params: object, { meta }: RequestContext) {
    const before =
      name === 'DeleteTag' ? this.readModel.tag((params as DeleteTagDto).id) : undefined;
    const { id } = await this.commands.send('tag', name, { params, meta });
    const tag = before ?? this.readModel.tag(id);
    return tag ? toKomodoTag(tag) : {};
  }
}
