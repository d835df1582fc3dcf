import { Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import {
  evolveDelivery,
  isDeliveryFinal,
  mayAttempt,
  type DecidedDelivery,
  type DeliveryState,
} from '@monitor/domain';
import type { EventStore, StoredEvent, Subscription } from '@monitor/eventstore';
import { DeliveryHistory } from './delivery-history';

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
  /** Who receives it (an alerter, a subscription): the reads and retries go by it. */
  receiver(ref: R): string;
}

/** One delivery as the ledger knows it: what its stream names, its state, its revision. */
export type LedgerEntry<R, S> = R & {
  stream: string;
  state: DecidedDelivery<S>;
  revision: number;
  /** Store position of its last event: the newest deliveries list first. */
  position: number;
};

/** A delivery's state at a revision: what an event after it folds onto. */
export interface DeliveryRead<S> {
  state: DeliveryState<S>;
  revision: number;
}

type DeliveryEventLike = Pick<StoredEvent, 'stream' | 'revision' | 'position' | 'type' | 'data'>;

type Listener<R, S> = (
  delivery: LedgerEntry<R, S>,
  event: Pick<StoredEvent, 'type' | 'data'>,
) => void;

/**
 * The unfinished deliveries of one family, folded from the whole store at start (no checkpoint:
 * rebuilt each time) and kept up as events are appended, by this process or any other. A
 * delivery that finishes (delivered, given up, skipped) leaves the ledger, so memory follows
 * what is still to do, not the history: the reads get a bounded history (`history`), and an
 * event about a stream that left (a retry) reads that stream back from the store. The worker
 * picks what is due from it. Alert deliveries and webhook deliveries are two families of it.
 */
export class DeliveryLedger<R, S> implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger(DeliveryLedger.name);
  private readonly deliveries = new Map<string, LedgerEntry<R, S>>();
  /** Streams being read back, with the highest revision the read must reach. */
  private readonly reloads = new Map<string, { upTo: number; done?: Promise<void> }>();
  /** What left the ledger, bounded: the reads' newest finished, the given-up streams. */
  readonly history: DeliveryHistory<R, S>;
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
  ) {
    this.history = new DeliveryHistory<R, S>((ref) => family.receiver(ref));
  }

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

  /** Resolves once the events in the store at start are folded (and streams read back). */
  async ready(): Promise<void> {
    await this.caughtUp;
    while (this.reloads.size) await Promise.all([...this.reloads.values()].map((r) => r.done));
  }

  /** Calls the listener with each delivery event folded from now on. */
  onChange(listener: Listener<R, S>): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /**
   * Folds one event of a delivery stream. Events this process appended are folded at once, and
   * again when the subscription brings them: a revision already folded is passed over. `prior`
   * is the state the event was decided on, for a stream that is not in the ledger (a retry of
   * a finished delivery); without it such a stream is read back from the store.
   */
  apply(event: DeliveryEventLike, prior?: DeliveryRead<S>): void {
    const ref = this.family.parse(event.stream);
    if (!ref) return;
    const known = this.deliveries.get(event.stream);
    let from: DeliveryState<S>;
    if (known) {
      if (event.revision <= known.revision) return;
      from = known.state;
    } else if (event.revision <= (this.history.finishedAt(event.stream) ?? -1)) {
      return;
    } else if (event.revision === 0) {
      from = { status: 'Empty' };
    } else if (prior?.revision === event.revision - 1) {
      from = prior.state;
    } else {
      this.readBack(event.stream, event.revision);
      return;
    }
    this.fold(ref, known, from, event);
  }

  private fold(
    ref: R,
    known: LedgerEntry<R, S> | undefined,
    from: DeliveryState<S>,
    event: DeliveryEventLike,
  ): void {
    const state = evolveDelivery<S>(from, event) as DeliveryState<S>;
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
    const key = this.family.group(current);
    const group = this.unfinishedByGroup.get(key) ?? new Set<LedgerEntry<R, S>>();
    if (isDeliveryFinal(current.state)) {
      this.deliveries.delete(current.stream);
      this.unfinished.delete(current);
      group.delete(current);
    } else {
      this.deliveries.set(current.stream, current);
      this.unfinished.add(current);
      group.add(current);
    }
    if (group.size) this.unfinishedByGroup.set(key, group);
    else this.unfinishedByGroup.delete(key);
    this.history.record(current);
    for (const listener of this.listeners) listener(current, event);
  }

  /** A stream that left the ledger and has a new event: read back, folded from `from` on. */
  private readBack(stream: string, from: number): void {
    const pending = this.reloads.get(stream);
    if (pending) {
      pending.upTo = Math.max(pending.upTo, from);
      return;
    }
    const reload: { upTo: number; done?: Promise<void> } = { upTo: from };
    this.reloads.set(stream, reload);
    reload.done = this.foldStream(stream, from, reload)
      .catch((error: Error) => this.logger.error(`reading ${stream} back: ${error.message}`))
      .finally(() => this.reloads.delete(stream));
  }

  private async foldStream(stream: string, from: number, reload: { upTo: number }): Promise<void> {
    for (let read = 0; read < 5; read++) {
      const events = await this.store.readStream(stream);
      let state: DeliveryState<S> = { status: 'Empty' };
      for (const event of events) {
        if (event.revision >= from) this.apply(event, { state, revision: event.revision - 1 });
        state = evolveDelivery<S>(state, event) as DeliveryState<S>;
      }
      if (events.length - 1 >= reload.upTo) return;
    }
  }

  get(stream: string): LedgerEntry<R, S> | undefined {
    return this.deliveries.get(stream);
  }

  /** How many deliveries the ledger holds: the unfinished ones only. */
  size(): number {
    return this.deliveries.size;
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
    return this.unfinishedByGroup.get(this.family.group(delivery)) ?? new Set();
  }
}
