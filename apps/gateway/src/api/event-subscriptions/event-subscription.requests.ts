import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import { BusClient, commandSubject, querySubject } from '@monitor/bus';
import {
  EVENT_SUBSCRIPTION_DELIVERY_REQUESTS,
  EVENT_SUBSCRIPTION_REQUESTS,
  type EventSubscriptionAnswer,
  type EventSubscriptionDelivery,
} from '@monitor/contracts';
import { eventSubscriptionView, type EventSubscription } from '@monitor/domain';
import type { ReadModel } from '@monitor/projections';
import type { WriteResult } from '@monitor/resources';
import { READ_MODEL } from '@monitor/runtime';
import { ApiError } from '../api-error';
import { RequestRegistry } from '../request-registry';

const R = EVENT_SUBSCRIPTION_REQUESTS;
const D = EVENT_SUBSCRIPTION_DELIVERY_REQUESTS;

/**
 * Outgoing webhook subscriptions (admins only, as the catalogue says): the reads answered from
 * the read model, never with the secret; the writes sent to the alerter service, which seals
 * the secret and delivers, and answered once the read model has them. Deliveries are the
 * alerter service's: listed and retried there, for a subscription that exists.
 */
@Injectable()
export class EventSubscriptionRequests implements OnModuleInit {
  constructor(
    private readonly registry: RequestRegistry,
    private readonly bus: BusClient,
    @Inject(READ_MODEL) private readonly readModel: ReadModel,
  ) {}

  onModuleInit(): void {
    const subscriptions = this.readModel.eventSubscriptions;
    this.registry.handle(R.ListEventSubscriptions, async () =>
      subscriptions.all().map((s) => this.answer(s)),
    );
    this.registry.handle(R.GetEventSubscription, async ({ id }) => this.answer(this.current(id)));
    this.registry.handle(R.CreateEventSubscription, async (params, { meta }) => {
      const { id } = await this.write(R.CreateEventSubscription.name, params, meta);
      return this.answer(this.current(id));
    });
    this.registry.handle(R.UpdateEventSubscription, async (params, { meta }) => {
      this.current(params.id);
      await this.write(R.UpdateEventSubscription.name, params, meta);
      return this.answer(this.current(params.id));
    });
    this.registry.handle(R.DeleteEventSubscription, async (params, { meta }) => {
      const before = this.current(params.id);
      await this.write(R.DeleteEventSubscription.name, params, meta);
      return this.answer(before);
    });
    this.registry.handle(D.ListEventSubscriptionDeliveries, async (params) => {
      const { id } = this.current(params.subscription);
      return this.bus.request<EventSubscriptionDelivery[]>(
        querySubject(D.ListEventSubscriptionDeliveries.name),
        { subscription: id, state: params.state, limit: params.limit },
      );
    });
    this.registry.handle(D.RetryEventSubscriptionDeliveries, async (params, { meta }) => {
      const { id } = this.current(params.subscription);
      return this.bus.request<{ retried: number }>(
        commandSubject('EventSubscription', D.RetryEventSubscriptionDeliveries.name),
        { subscription: id, by: meta.userId },
      );
    });
  }

  private async write(name: string, params: object, meta: object): Promise<WriteResult> {
    const result = await this.bus.request<WriteResult>(commandSubject('EventSubscription', name), {
      params,
      meta,
    });
    if (result.position) await this.readModel.waitFor(result.position);
    return result;
  }

  private current(id: string): EventSubscription {
    const found = this.readModel.eventSubscriptions.subscription(id);
    if (!found) throw new ApiError(404, `no event subscription has the id '${id}'`, 'NOT_FOUND');
    return found;
  }

  private answer(subscription: EventSubscription): EventSubscriptionAnswer {
    const model = this.readModel.eventSubscriptions;
    const last = model.lastDelivery(subscription.id);
    return {
      ...eventSubscriptionView(subscription),
      health: model.health(subscription.id).health,
      ...(last ? { last_delivery: last } : {}),
    };
  }
}
