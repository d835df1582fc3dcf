import type { OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import {
  followFromCheckpoint,
  type CheckpointStore,
  type EventStore,
  type StoredEvent,
  type Subscription,
} from '@monitor/eventstore';

/**
 * A service's follower of the whole store from its checkpoint (followFromCheckpoint): it starts
 * with the application and stops with it; a subclass says what it does with each event and
 * saves its position after the events it acts on.
 */
export abstract class CheckpointFeed implements OnApplicationBootstrap, OnApplicationShutdown {
  private subscription?: Subscription;

  protected constructor(
    protected readonly store: EventStore,
    protected readonly checkpoints: CheckpointStore,
    private readonly checkpoint: string,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    this.subscription = await followFromCheckpoint(
      this.store,
      this.checkpoints,
      this.checkpoint,
      (event) => this.handle(event),
    );
  }

  async onApplicationShutdown(): Promise<void> {
    await this.subscription?.close();
  }

  protected abstract handle(event: StoredEvent): Promise<void>;
}
