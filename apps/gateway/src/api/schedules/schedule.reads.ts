import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import type { MonitorConfig } from '@monitor/config';
import { PROCEDURE_REQUESTS } from '@monitor/contracts';
import { isResourceKind, type ScheduledKind } from '@monitor/domain';
import type { ReadModel } from '@monitor/projections';
import { MONITOR_CONFIG, READ_MODEL } from '@monitor/runtime';
import { matches } from '../read/resources.read';
import { RequestRegistry } from '../request-registry';
import { scheduleItem, sortSchedules } from './schedule-list';

const SCHEDULED_KINDS = ['Action', 'Procedure'].filter(isResourceKind) as ScheduledKind[];

/** Komodo's `ListSchedules`: Procedures and Actions with a schedule (enabled or not). */
@Injectable()
export class ScheduleReads implements OnModuleInit {
  constructor(
    private readonly registry: RequestRegistry,
    @Inject(READ_MODEL) private readonly readModel: ReadModel,
    @Inject(MONITOR_CONFIG) private readonly config: MonitorConfig,
  ) {}

  onModuleInit(): void {
    this.registry.handle(PROCEDURE_REQUESTS.ListSchedules, async (params, { principal }) => {
      const now = Date.now();
      const query = { tags: params.tags, tag_behavior: params.tag_behavior, terms: params.terms };
      const items = SCHEDULED_KINDS.flatMap((kind) =>
        this.readModel
          .list(kind)
          .filter((r) => r.config.schedule.trim() && principal.can(r, 'Read'))
          .filter((r) => matches(r, query, this.readModel))
          .map((r) => scheduleItem(this.readModel, r, this.config.scheduler.timezone, now)),
      );
      const sorted = sortSchedules(items, params.sort_by, params.sort_desc);
      const { page = 0, limit = 0 } = params;
      return limit ? sorted.slice(page * limit, (page + 1) * limit) : sorted;
    });
  }
}
