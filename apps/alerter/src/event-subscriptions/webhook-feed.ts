import { Inject, Injectable } from '@nestjs/common';
import {
  matchesEventFilter,
  webhookDeliveryDecider,
  webhookDeliveryStream,
  type EventSubscription,
  type FilteredEvent,
} from '@monitor/domain';
import type { CheckpointStore, EventStore, StoredEvent } from '@monitor/eventstore';
import { eventResource, type ReadModel } from '@monitor/projections';
import { CHECKPOINTS, EVENT_STORE, READ_MODEL } from '@monitor/runtime';
import { AdmissionFeed } from '../delivery/admission-feed';
import { appendFirst } from '../delivery/delivery-append';
import { WebhookQueue } from './webhook-queue';

/**
 * Admission: follows the event store from its checkpoint and, for each event about a resource
 * (its own stream, its observed status, its alerts), decides one delivery per enabled
 * subscription whose filter takes it (`DeliveryDecided` at no_stream: a replay or a second
 * replica appends nothing). Whether the owner may see it is checked when it is sent. The
 * first start begins at the head: events from before any subscription are not sent.
 */
@Injectable()
export class WebhookFeed extends AdmissionFeed {
  constructor(
    @Inject(EVENT_STORE) store: EventStore,
    @Inject(CHECKPOINTS) checkpoints: CheckpointStore,
    @Inject(READ_MODEL) readModel: ReadModel,
    private readonly queue: WebhookQueue,
  ) {
    super(store, checkpoints, readModel, 'webhook-admission');
  }

  protected async handle(event: StoredEvent): Promise<void> {
    if (
      !this.readModel.eventSubscriptions.all().length &&
      this.readModel.position >= event.position
    )
      return this.passed(event);
    await this.admitted(event, () => this.admit(event));
  }

  private async admit(event: StoredEvent): Promise<void> {
    const subscriptions = this.readModel.eventSubscriptions.all().filter((s) => s.enabled);
    if (!subscriptions.length) return;
    const filtered = this.filteredEvent(event);
    if (!filtered) return;
    await Promise.all(
      subscriptions
        .filter((s) => matchesEventFilter(s.filter, filtered))
        .map((s) => this.decide(s, event, filtered)),
    );
  }

  /** The event as filters see it: its resource, with the resource's tags as ids and names. */
  private filteredEvent(event: StoredEvent): FilteredEvent | undefined {
    const about = eventResource(event, this.readModel);
    if (!about) return undefined;
    const resource =
      this.readModel.resourceById(about.kind, about.id) ??
      this.readModel.deleted.get(about.kind, about.id)?.resource;
    const tagIds = (resource as { tags?: string[] } | undefined)?.tags ?? [];
    const tags = tagIds.flatMap((id) => [id, this.readModel.tag(id)?.name ?? id]);
    return { type: event.type, resource: { ...about, name: resource?.name, tags } };
  }

  private async decide(
    subscription: EventSubscription,
    event: StoredEvent,
    filtered: FilteredEvent,
  ): Promise<void> {
    const decided = webhookDeliveryDecider.decide(
      { status: 'Empty' },
      {
        type: 'Decide',
        at: Date.now(),
        verdict: 'send',
        subscription_id: subscription.id,
        event_stream: event.stream,
        event_revision: event.revision,
        event_position: event.position,
        event_type: event.type,
        resource: `${filtered.resource.kind}:${filtered.resource.id}`,
      },
    );
    const stream = webhookDeliveryStream(subscription.id, event.position);
    const stored = await appendFirst(this.store, stream, decided);
    stored.forEach((e) => this.queue.apply(e));
  }
}
