import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import type { MonitorConfig } from '@monitor/config';
import { HISTORY_REQUESTS } from '@monitor/contracts';
import type { ReadModel } from '@monitor/projections';
import { MONITOR_CONFIG, READ_MODEL } from '@monitor/runtime';
import { canSeeUpdate } from '../../auth/update-visibility';
import { ApiError } from '../api-error';
import { toKomodoUpdate, toUpdateListItem } from '../komodo-shapes';
import { RequestRegistry } from '../request-registry';
import { matchesQuery, pageOf } from './paging';

/** The audit trail: `ListUpdates` newest first, paged; `GetUpdate` one whole. */
@Injectable()
export class UpdateReads implements OnModuleInit {
  constructor(
    private readonly registry: RequestRegistry,
    @Inject(READ_MODEL) private readonly readModel: ReadModel,
    @Inject(MONITOR_CONFIG) private readonly config: MonitorConfig,
  ) {}

  onModuleInit(): void {
    this.registry.handle(HISTORY_REQUESTS.GetUpdate, async ({ id }, { principal }) => {
      const update = this.readModel.update(id);
      if (!update) throw new ApiError(404, `no Update has the id '${id}'`, 'NOT_FOUND');
      if (!canSeeUpdate(principal, update, this.readModel)) {
        throw new ApiError(
          403,
          `you need Read permission on the target of Update '${id}'`,
          'FORBIDDEN',
        );
      }
      return toKomodoUpdate(update);
    });
    this.registry.handle(
      HISTORY_REQUESTS.ListUpdates,
      async ({ query = {}, page = 0 }, { principal }) => {
        const size = this.config.updates_page_size;
        const all = this.readModel.listUpdates(
          (u) => matchesQuery(u, query) && canSeeUpdate(principal, u, this.readModel),
        );
        const { items, next_page } = pageOf(all, page, size);
        return {
          updates: items.map((u) => toUpdateListItem(u, this.readModel.identity)),
          next_page,
        };
      },
    );
  }
}
