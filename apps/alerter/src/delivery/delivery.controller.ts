import { Inject } from '@nestjs/common';
import { MessagePattern } from '@nestjs/microservices';
import { BusController, commandSubject, querySubject, QUEUE_GROUPS } from '@monitor/bus';
import type { Types } from 'komodo_client';
import { ALERTER_REQUESTS, type AlertDelivery, type MonitorTarget } from '@monitor/contracts';
import { deliveryDecider } from '@monitor/domain';
import type { EventStore } from '@monitor/eventstore';
import type { ReadModel } from '@monitor/projections';
import { EVENT_STORE, READ_MODEL } from '@monitor/runtime';
import { DeliveryQueue, type QueuedDelivery } from './delivery-queue';
import { retryGivenUp } from './retry-given-up';

const queue = QUEUE_GROUPS.alerter;
const DEFAULT_LIMIT = 100;

/** What the gateway sends: the filters, and the alerters the caller may read. */
interface DeliveriesQuery {
  alert?: string;
  state?: string;
  limit?: number;
  alerters: string[];
}

/** The deliveries this service keeps: listed, and the given-up ones of an alerter retried. */
@BusController()
export class DeliveryController {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(READ_MODEL) private readonly readModel: ReadModel,
    private readonly deliveries: DeliveryQueue,
  ) {}

  /** The open deliveries and each alerter's newest finished ones (the ledger's history). */
  @MessagePattern(querySubject(ALERTER_REQUESTS.ListAlertDeliveries.name), { queue })
  async list(query: DeliveriesQuery): Promise<AlertDelivery[]> {
    await this.deliveries.ready();
    const alerters = new Set(query.alerters);
    const open = this.deliveries.open().filter((d) => alerters.has(d.alerterId));
    const finished = [...alerters].flatMap((id) => this.deliveries.history.recentOf(id));
    return [...open, ...finished]
      .filter(
        (d) =>
          (query.alert === undefined || d.alertId === query.alert) &&
          (query.state === undefined || d.state.status === query.state),
      )
      .sort((a, b) => b.position - a.position)
      .slice(0, query.limit ?? DEFAULT_LIMIT)
      .map((d) => this.answer(d));
  }

  /** Each given-up delivery of the alerter back in its queue, oldest first. */
  @MessagePattern(commandSubject('Alerter', ALERTER_REQUESTS.RetryAlertDeliveries.name), {
    queue,
  })
  async retry({ alerter, by }: { alerter: string; by: string }): Promise<{ retried: number }> {
    const retried = await retryGivenUp(this.store, this.deliveries, deliveryDecider, alerter, by);
    return { retried };
  }

  private answer({ stream, alertId, alerterId, state }: QueuedDelivery): AlertDelivery {
    const failure = state.lastFailure;
    return {
      id: stream,
      alert_id: alertId,
      alert_type: state.alert_type,
      // The same strings as Komodo's enum and targets.
      level: state.level as Types.SeverityLevel,
      target: state.target as MonitorTarget,
      alerter_id: alerterId,
      alerter_name: this.readModel.resourceById('Alerter', alerterId)?.name ?? '',
      state: state.status,
      ...(state.reason ? { reason: state.reason } : {}),
      attempts: state.attempts,
      ...(failure?.status !== undefined ? { last_status: failure.status } : {}),
      ...(state.delivered ? { last_status: state.delivered.status } : {}),
      ...(failure ? { last_error: failure.error } : {}),
      decided_ts: state.decidedAt,
      ...(state.dueAt !== undefined && state.status === 'Pending'
        ? { next_attempt_ts: state.dueAt }
        : {}),
      ...(state.heldUntil !== undefined && state.status === 'Held'
        ? { next_attempt_ts: state.heldUntil }
        : {}),
      ...(state.delivered ? { delivered_ts: state.delivered.at } : {}),
    };
  }
}
