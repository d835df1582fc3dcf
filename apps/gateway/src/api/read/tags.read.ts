import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import { GetTagDto, ListTagsDto } from '@monitor/contracts';
import type { ReadModel } from '@monitor/projections';
import { READ_MODEL } from '@monitor/runtime';
import { ApiError } from '../api-error';
import { toKomodoTag } from '../komodo-shapes';
import { request, RequestRegistry } from '../request-registry';

@Injectable()
export class TagReads implements OnModuleInit {
  constructor(
    private readonly registry: RequestRegistry,
    @Inject(READ_MODEL) private readonly readModel: ReadModel,
  ) {}

  onModuleInit(): void {
    this.registry.add(
      request({
        verb: 'read',
        name: 'ListTags',
        dto: ListTagsDto,
        access: { type: 'user' },
        handle: async () => this.readModel.allTags().map(toKomodoTag),
      }),
      request({
        verb: 'read',
        name: 'GetTag',
        dto: GetTagDto,
        access: { type: 'user' },
        handle: async ({ tag }) => {
          const found = this.readModel.tag(tag);
          if (!found) throw new ApiError(404, `no tag has the name or id '${tag}'`, 'NOT_FOUND');
          return toKomodoTag(found);
        },
      }),
    );
  }
}
