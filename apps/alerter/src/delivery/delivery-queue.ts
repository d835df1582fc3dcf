import {
  Inject,
  Injectable,
  type OnApplicationBootstrap,
  type OnApplicationShutdown,
} from '@nestjs/common';
import {
  evolveDelivery,
  isDeliveryFinal,
  mayAttempt,
  parseDeliveryStream,
  type DecidedDelivery,
  type DeliveryState,
} from '@monitor/domain';
import type { EventStore, StoredEvent, Subscription } from '@monitor/eventstore';
import { EVENT_STORE } from '@monitor/runtime';

/** One delivery as the queue knows it: its state and the revision it was folded to. */
export interface QueuedDelivery {
  stream: string;
  alerterId: string;
  alertId: string;
  /** The alert event's revision in the alert's stream. */
  alertRevision: number;
  state: DecidedDelivery;
  revision: number;
  /** Store position of its last event: the newest deliveries list first. */
  position: number;
}

type Listener = (delivery: QueuedDelivery, event: Pick<StoredEvent, 'type' | 'data'>) => void;

/**
 * Every delivery's state, folded from the Delivery* events of the whole store at start (no
 * checkpoint: it is rebuilt each time) and kept up as they are appended, by this process or any
 * other. The worker picks what is due from it; the reads list it.
 */
@Injectable()
export class DeliveryQueue implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly deliveries = new Map<string, QueuedDelivery>();
  /** Those not final: what the worker goes over at each wake, however long the history. */
  private readonly unfinished = new Set<QueuedDelivery>();
  /** Per alerter and alert: the deliveries of its events, for the order rule. */
  private readonly byAlert = new Map<string, QueuedDelivery[]>();
  private readonly listeners = new Set<Listener>();
  private subscription?: Subscription;
  private caughtUp!: Promise<void>;

  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  async onApplicationBootstrap(): Promise<void> {
    const head = await this.store.headPosition();
    let reached!: () => void;
    this.caughtUp = new Promise((resolve) => (reached = resolve));
    if (head === 0) reached();
    this.subscription = this.store.subscribeAll(0, (event) => {
      if (event.stream.startsWith('delivery-')) this.apply(event);
      if (event.position >= head) reached();
    });
  }

  async onApplicationShutdown(): Promise<void> {
    await this.subscription?.close();
  }

  /** Resolves once the events in the store at start are folded. */
  ready(): Promise<void> {
    return this.caughtUp;
  }

  /** Calls the listener with each delivery event folded from now on. */
  onChange(listener: Listener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /**
   * Folds one event of a delivery stream. Events this process appended are folded at once, and
   * again when the subscription brings them: a revision already folded is passed over.
   */
  apply(event: Pick<StoredEvent, 'stream' | 'revision' | 'position' | 'type' | 'data'>): void {
    const pair = parseDeliveryStream(event.stream);
    if (!pair) return;
    const known = this.deliveries.get(event.stream);
    if (known && event.revision <= known.revision) return;
    const state = evolveDelivery(known?.state ?? { status: 'Empty' }, event) as DeliveryState;
    if (state.status === 'Empty') return;
    const split = pair.alertEventKey.lastIndexOf(':');
    const delivery: QueuedDelivery = {
      stream: event.stream,
      alerterId: pair.alerterId,
      alertId: pair.alertEventKey.slice(0, split),
      alertRevision: Number(pair.alertEventKey.slice(split + 1)),
      state,
      revision: event.revision,
      position: event.position,
    };
    // The order rule's index holds the same object: updated in place.
    const current = known ? Object.assign(known, delivery) : delivery;
    if (!known) {
      this.deliveries.set(event.stream, delivery);
      this.index(delivery);
    }
    if (isDeliveryFinal(current.state)) this.unfinished.delete(current);
    else this.unfinished.add(current);
    for (const listener of this.listeners) listener(current, event);
  }

  get(stream: string): QueuedDelivery | undefined {
    return this.deliveries.get(stream);
  }

  all(): QueuedDelivery[] {
    return [...this.deliveries.values()];
  }

  /** Not final: pending, in flight or held. */
  open(): QueuedDelivery[] {
    return [...this.unfinished];
  }

  /** In order per alert: every earlier event of the same alert to the same alerter is done. */
  mayAttempt(delivery: QueuedDelivery): boolean {
    const earlier = (this.byAlert.get(groupKey(delivery)) ?? [])
      .filter((d) => d.alertRevision < delivery.alertRevision)
      .map((d) => d.state);
    return mayAttempt(delivery.state, earlier);
  }

  private index(delivery: QueuedDelivery): void {
    const key = groupKey(delivery);
    const group = this.byAlert.get(key) ?? [];
    group.push(delivery);
    this.byAlert.set(key, group);
  }
}

const groupKey = (d: Pick<QueuedDelivery, 'alerterId' | 'alertId'>) =>
  `${d.alerterId}|${d.alertId}`;
