import { Logger, type OnApplicationBootstrap, type OnApplicationShutdown } from '@nestjs/common';
import {
  CheckpointsWrittenBehind,
  followFromCheckpoint,
  type CheckpointStore,
  type EventStore,
  type StoredEvent,
  type Subscription,
} from '@monitor/eventstore';

/**
 * A service's follower of the whole store from its checkpoint (followFromCheckpoint): it starts
 * with the application and stops with it; a subclass says what it does with each event and
 * saves its position after the events it acts on. Those saves are written behind
 * (CheckpointsWrittenBehind), the last one as the feed stops: not a write per event handled.
 */
export abstract class CheckpointFeed implements OnApplicationBootstrap, OnApplicationShutdown {
  protected readonly checkpoints: CheckpointsWrittenBehind;
  private subscription?: Subscription;

  protected constructor(
    protected readonly store: EventStore,
    private readonly written: CheckpointStore,
    private readonly checkpoint: string,
  ) {
    const logger = new Logger(this.constructor.name);
    this.checkpoints = new CheckpointsWrittenBehind(written, (error, name) =>
      logger.error(`checkpoint ${name} not written (tried again): ${error.message}`),
    );
  }

  async onApplicationBootstrap(): Promise<void> {
    // A first start's checkpoint (the head) is written at once: events after it are this feed's.
    this.subscription = await followFromCheckpoint(
      this.store,
      this.written,
      this.checkpoint,
      // The events a feed passes over cost it no promise and no turn of the microtask queue.
      (event) => (this.wants(event) ? this.handle(event) : undefined),
    );
  }

  async onApplicationShutdown(): Promise<void> {
    try {
      await this.subscription?.close();
    } finally {
      await this.checkpoints.close();
    }
  }

  /** Whether `handle` acts on the event; the others are passed over (default: every event). */
  protected wants(_event: StoredEvent): boolean {
    return true;
  }

  protected abstract handle(event: StoredEvent): Promise<void>;
}
