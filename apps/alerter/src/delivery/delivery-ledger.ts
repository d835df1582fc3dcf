import type { OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import {
  evolveDelivery,
  isDeliveryFinal,
  mayAttempt,
  type DecidedDelivery,
  type DeliveryState,
} from '@monitor/domain';
import type { EventStore, StoredEvent, Subscription } from '@monitor/eventstore';

/** A family of delivery streams: how a stream names what it delivers, and its order group. */
export interface DeliveryFamily<R> {
  /** Every stream of the family starts with it, e.g. `delivery-`. */
  prefix: string;
  /** What the stream's name says (undefined: not one of the family). */
  parse(stream: string): R | undefined;
  /** Deliveries of one group go in order (an alert to an alerter; a resource to a webhook). */
  group(ref: R): string;
  /** The place in its group. */
  order(ref: R): number;
}

/** One delivery as the ledger knows it: what its stream names, its state, its revision. */
export type LedgerEntry<R, S> = R & {
  stream: string;
  state: DecidedDelivery<S>;
  revision: number;
  /** Store position of its last event: the newest deliveries list first. */
  position: number;
};

type Listener<R, S> = (
  delivery: LedgerEntry<R, S>,
  event: Pick<StoredEvent, 'type' | 'data'>,
) => void;

/**
 * Every delivery of one family, folded from its events in the whole store at start (no
 * checkpoint: it is rebuilt each time) and kept up as they are appended, by this process or any
 * other. The worker picks what is due from it; the reads list it. Alert deliveries and webhook
 * deliveries are two families of the same ledger.
 */
export class DeliveryLedger<R, S> implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly deliveries = new Map<string, LedgerEntry<R, S>>();
  /** Those not final: what the worker goes over at each wake, however long the history. */
  private readonly unfinished = new Set<LedgerEntry<R, S>>();
  /** Per group: its deliveries not final yet, for the order rule. */
  private readonly unfinishedByGroup = new Map<string, Set<LedgerEntry<R, S>>>();
  private readonly listeners = new Set<Listener<R, S>>();
  private subscription?: Subscription;
  private caughtUp!: Promise<void>;

  constructor(
    private readonly store: EventStore,
    private readonly family: DeliveryFamily<R>,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    const head = await this.store.headPosition();
    let reached!: () => void;
    this.caughtUp = new Promise((resolve) => (reached = resolve));
    if (head === 0) reached();
    this.subscription = this.store.subscribeAll(0, (event) => {
      if (event.stream.startsWith(this.family.prefix)) this.apply(event);
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
  onChange(listener: Listener<R, S>): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /**
   * Folds one event of a delivery stream. Events this process appended are folded at once, and
   * again when the subscription brings them: a revision already folded is passed over.
   */
  apply(event: Pick<StoredEvent, 'stream' | 'revision' | 'position' | 'type' | 'data'>): void {
    const ref = this.family.parse(event.stream);
    if (!ref) return;
    const known = this.deliveries.get(event.stream);
    if (known && event.revision <= known.revision) return;
    const state = evolveDelivery<S>(known?.state ?? { status: 'Empty' }, event) as DeliveryState<S>;
    if (state.status === 'Empty') return;
    const delivery = {
      ...ref,
      stream: event.stream,
      state,
      revision: event.revision,
      position: event.position,
    } as LedgerEntry<R, S>;
    // The indexes hold the same object: updated in place.
    const current = known ? Object.assign(known, delivery) : delivery;
    if (!known) this.deliveries.set(event.stream, delivery);
    const group = this.groupOf(current);
    if (isDeliveryFinal(current.state)) {
      this.unfinished.delete(current);
      group.delete(current);
    } else {
      this.unfinished.add(current);
      group.add(current);
    }
    for (const listener of this.listeners) listener(current, event);
  }

  get(stream: string): LedgerEntry<R, S> | undefined {
    return this.deliveries.get(stream);
  }

  all(): LedgerEntry<R, S>[] {
    return [...this.deliveries.values()];
  }

  /** Not final: pending, in flight or held. */
  open(): LedgerEntry<R, S>[] {
    return [...this.unfinished];
  }

  /** In order per group: every earlier delivery of its group is done. */
  mayAttempt(delivery: LedgerEntry<R, S>): boolean {
    const order = this.family.order(delivery);
    const earlier = [...this.groupOf(delivery)]
      .filter((d) => this.family.order(d) < order)
      .map((d) => d.state);
    return mayAttempt(delivery.state, earlier);
  }

  private groupOf(delivery: LedgerEntry<R, S>): Set<LedgerEntry<R, S>> {
    const key = this.family.group(delivery);
    let group = this.unfinishedByGroup.get(key);
    if (!group) {
      group = new Set();
      this.unfinishedByGroup.set(key, group);
    }
    return group;
  }
}
