import { Inject, Injectable, Logger } from '@nestjs/common';
import {
  matchesEventFilter,
  webhookDeliveryDecider,
  webhookDeliveryStream,
  type EventSubscription,
  type FilteredEvent,
} from '@monitor/domain';
import {
  WrongExpectedRevisionError,
  type CheckpointStore,
  type EventStore,
  type StoredEvent,
} from '@monitor/eventstore';
import { eventResource, type ReadModel } from '@monitor/projections';
import { CHECKPOINTS, CheckpointFeed, EVENT_STORE, READ_MODEL } from '@monitor/runtime';
import { appendAt } from '../delivery/delivery-append';
import { tryAgain } from '../delivery/try-again';
import { WebhookQueue } from './webhook-queue';

/** Where webhook admission has read the log up to. */
const CHECKPOINT = 'webhook-admission';
const ADMISSION_TRIES = 5;
const ADMISSION_RETRY_MS = 1_000;

/**
 * Admission: follows the event store from its checkpoint and, for each event about a resource
 * (its own stream, its observed status, its alerts), decides one delivery per enabled
 * subscription whose filter takes it (`DeliveryDecided` at no_stream: a replay or a second
 * replica appends nothing). Whether the owner may see it is checked when it is sent.
 */
@Injectable()
export class WebhookFeed extends CheckpointFeed {
  private readonly logger = new Logger(WebhookFeed.name);
  private readonly stopping = new AbortController();

  constructor(
    @Inject(EVENT_STORE) store: EventStore,
    @Inject(CHECKPOINTS) checkpoints: CheckpointStore,
    @Inject(READ_MODEL) private readonly readModel: ReadModel,
    private readonly queue: WebhookQueue,
  ) {
    // The first start begins at the head: events from before any subscription are not sent.
    super(store, checkpoints, CHECKPOINT);
  }

  override async onApplicationShutdown(): Promise<void> {
    this.stopping.abort();
    await super.onApplicationShutdown();
  }

  protected async handle(event: StoredEvent): Promise<void> {
    if (
      !this.readModel.eventSubscriptions.all().length &&
      this.readModel.position >= event.position
    )
      return this.checkpoints.save(CHECKPOINT, event.position);
    await tryAgain(
      async () => {
        await this.readModel.waitFor(event.position);
        await this.admit(event);
      },
      { tries: ADMISSION_TRIES, firstWaitMs: ADMISSION_RETRY_MS, signal: this.stopping.signal },
      (error, tried, last) => {
        const why = `webhook admission of ${event.type} in ${event.stream} failed (try ${tried} of ${ADMISSION_TRIES}): ${(error as Error).message}`;
        if (last) this.logger.error(`${why}; given up`);
        else this.logger.warn(why);
      },
    );
    await this.checkpoints.save(CHECKPOINT, event.position);
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
    try {
      const stream = webhookDeliveryStream(subscription.id, event.position);
      const stored = await appendAt(this.store, stream, decided, 'no_stream');
      stored.forEach((e) => this.queue.apply(e));
    } catch (error) {
      if (!(error instanceof WrongExpectedRevisionError)) throw error;
    }
  }
}
