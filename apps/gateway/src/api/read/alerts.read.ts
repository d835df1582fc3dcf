import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import type { MonitorConfig } from '@monitor/config';
import { HISTORY_REQUESTS } from '@monitor/contracts';
import { isResourceKind, type Alert } from '@monitor/domain';
import type { ReadModel } from '@monitor/projections';
import { MONITOR_CONFIG, READ_MODEL } from '@monitor/runtime';
import { canReadHistoryOf } from '../../auth/history-access';
import type { Principal } from '../../auth/principal';
import { ApiError } from '../api-error';
import { RequestRegistry } from '../request-registry';
import { matchesQuery, pageOf } from './paging';

/** Komodo's Alert, with its `_id`. */
export function toKomodoAlert(alert: Alert) {
  const { id, ...rest } = alert;
  return { _id: { $oid: id }, ...rest };
}

/** Alerts: open and resolved, newest first; a user sees those of resources they may read. */
@Injectable()
export class AlertReads implements OnModuleInit {
  constructor(
    private readonly registry: RequestRegistry,
    @Inject(READ_MODEL) private readonly readModel: ReadModel,
    @Inject(MONITOR_CONFIG) private readonly config: MonitorConfig,
  ) {}

  onModuleInit(): void {
    this.registry.handle(
      HISTORY_REQUESTS.ListAlerts,
      async ({ query = {}, page = 0 }, { principal }) => {
        const size = this.config.updates_page_size;
        const all = this.readModel.alerts.list(
          (a) => this.canSee(principal, a) && matchesQuery(a, query),
        );
        const { items, next_page } = pageOf(all, page, size);
        return { alerts: items.map(toKomodoAlert), next_page };
      },
    );
    this.registry.handle(HISTORY_REQUESTS.GetAlert, async ({ id }, { principal }) => {
      const alert = this.readModel.alerts.alert(id);
      if (!alert) throw new ApiError(404, `no alert has the id '${id}'`, 'NOT_FOUND');
      if (!this.canSee(principal, alert))
        throw new ApiError(
          403,
          `you need Read permission on the target of alert '${id}'`,
          'FORBIDDEN',
        );
      return toKomodoAlert(alert);
    });
  }

  /** By the target's id only, live or deleted, as its history (canReadHistoryOf). */
  private canSee(principal: Principal, alert: Alert): boolean {
    if (principal.isAdmin) return true;
    if (!isResourceKind(alert.target.type)) return false;
    return canReadHistoryOf(principal, this.readModel, alert.target.type, alert.target.id);
  }
}
