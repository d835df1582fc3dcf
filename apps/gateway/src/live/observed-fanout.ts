import { Inject, Injectable, type OnApplicationShutdown } from '@nestjs/common';
import type { ObservedStream } from '@monitor/contracts';
import { streamCategory } from '@monitor/domain';
import type { EventStore, StoredEvent, Subscription } from '@monitor/eventstore';
import type { ReadModel } from '@monitor/projections';
import { EVENT_STORE, READ_MODEL } from '@monitor/runtime';
import { maskSealed } from '@monitor/secrets';

/** One socket's wish: the categories it observes, and who may see what. */
export interface Observer {
  streams: ReadonlySet<ObservedStream>;
  /** Whether this observer's user may see the event (checked at delivery: grants change). */
  maySee(event: StoredEvent): boolean;
  send(event: StoredEvent): void;
}

/**
 * The observed changes (`serverstatus-`, `deploymentstatus-`, `stackstatus-`, `alert-` streams)
 * for every `/ws/update` socket that asked for them, from one subscription to the store: opened
 * from the head when the first observer comes, closed when the last one goes.
 */
@Injectable()
export class ObservedFanout implements OnApplicationShutdown {
  private readonly observers = new Set<Observer>();
  private subscription?: Subscription;

  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(READ_MODEL) private readonly readModel: ReadModel,
  ) {}

  /** Takes the observer's `streams` as they are now: none removes it. */
  set(observer: Observer): void {
    if (observer.streams.size) this.observers.add(observer);
    else this.observers.delete(observer);
    this.follow();
  }

  remove(observer: Observer): void {
    this.observers.delete(observer);
    this.follow();
  }

  private follow(): void {
    if (this.observers.size && !this.subscription) {
      this.subscription = this.store.subscribeAll(this.readModel.position, (event) =>
        this.deliver(event),
      );
    } else if (!this.observers.size && this.subscription) {
      void this.subscription.close();
      this.subscription = undefined;
    }
  }

  onApplicationShutdown(): void {
    this.observers.clear();
    void this.subscription?.close();
    this.subscription = undefined;
  }

  private deliver(event: StoredEvent): void {
    const category = streamCategory(event.stream) as ObservedStream;
    let masked: StoredEvent | undefined;
    for (const observer of this.observers) {
      if (!observer.streams.has(category) || !observer.maySee(event)) continue;
      masked ??= maskSealed(event);
      observer.send(masked);
    }
  }
}
