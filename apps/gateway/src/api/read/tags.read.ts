import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import { TAG_REQUESTS } from '@monitor/contracts';
import type { ReadModel } from '@monitor/projections';
import { READ_MODEL } from '@monitor/runtime';
import { ApiError } from '../api-error';
import { toKomodoTag } from '../komodo-shapes';
import { RequestRegistry } from '../request-registry';

@Injectable()
export class TagReads implements OnModuleInit {
  constructor(
    private readonly registry: RequestRegistry,
    @Inject(READ_MODEL) private readonly readModel: ReadModel,
  ) {}

  onModuleInit(): void {
    this.registry.handle(TAG_REQUESTS.ListTags, async () =>
      this.readModel.allTags().map(toKomodoTag),
    );
    this.registry.handle(TAG_REQUESTS.GetTag, async ({ tag }) => {
      const found = this.readModel.tag(tag);
      if (!found) throw new ApiError(404, `no tag has the name or id '${tag}'`, 'NOT_FOUND');
      return toKomodoTag(found);
    });
  }
}
