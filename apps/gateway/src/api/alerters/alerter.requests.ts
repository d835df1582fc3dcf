import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import { BusClient, commandSubject, querySubject } from '@monitor/bus';
import { ALERTER_REQUESTS, type AlertDelivery } from '@monitor/contracts';
import type { ReadModel } from '@monitor/projections';
import { READ_MODEL } from '@monitor/runtime';
import { ApiError } from '../api-error';
import { KindRequests } from '../kind-requests';
import { RequestRegistry } from '../request-registry';

const A = ALERTER_REQUESTS;

/** What the gateway asks the alerter service for ListAlertDeliveries: the caller's alerters. */
export interface DeliveriesQuery {
  alert?: string;
  state?: string;
  limit?: number;
  /** The alerters (ids) whose deliveries the caller may read. */
  alerters: string[];
}

/**
 * Alerters: TestAlerter and SendAlert (executions answering an Update, run by the alerter
 * service), and the deliveries it keeps: listed over the alerters the caller may read, and the
 * given-up ones of an alerter retried.
 */
@Injectable()
export class AlerterRequests implements OnModuleInit {
  constructor(
    private readonly registry: RequestRegistry,
    private readonly bus: BusClient,
    private readonly kind: KindRequests,
    @Inject(READ_MODEL) private readonly readModel: ReadModel,
  ) {}

  onModuleInit(): void {
    this.kind.executionsOf('Alerter', {
      executions: [A.TestAlerter, A.SendAlert],
      param: 'alerter',
    });
    this.registry.handle(A.ListAlertDeliveries, async (params, { principal }) => {
      const readable = this.readModel.list('Alerter').filter((a) => principal.can(a, 'Read'));
      let alerters = readable.map((a) => a.id);
      if (params.alerter !== undefined) {
        const named = this.readModel.resource('Alerter', params.alerter);
        // One the caller may not read is answered as one that does not exist.
        if (!named || !alerters.includes(named.id)) {
          throw new ApiError(404, `no Alerter has the name or id '${params.alerter}'`, 'NOT_FOUND');
        }
        alerters = [named.id];
      }
      const query: DeliveriesQuery = {
        alert: params.alert,
        state: params.state,
        limit: params.limit,
        alerters,
      };
      return this.bus.request<AlertDelivery[]>(querySubject(A.ListAlertDeliveries.name), query);
    });
    this.registry.handle(A.RetryAlertDeliveries, async (params, { meta }) => {
      const alerter = this.readModel.resource('Alerter', params.alerter);
      if (!alerter) {
        throw new ApiError(404, `no Alerter has the name or id '${params.alerter}'`, 'NOT_FOUND');
      }
      return this.bus.request<{ retried: number }>(
        commandSubject('Alerter', A.RetryAlertDeliveries.name),
        {
          alerter: alerter.id,
          by: meta.userId,
        },
      );
    });
  }
}
