import type { Subscription } from '../port';

/**
 * The subscriptions an event store has handed out and not yet seen closed, so that closing the
 * store closes them too. Shared by the adapters whose subscriptions run on their own.
 */
export class OpenSubscriptions<S extends { close(): Promise<void> }> {
  private readonly open = new Set<S>();

  /** Tracks `subscription`; the answer's close stops tracking it. */
  track(subscription: S): Subscription {
    this.open.add(subscription);
    return {
      close: async () => {
        this.open.delete(subscription);
        await subscription.close();
      },
    };
  }

  async closeAll(): Promise<void> {
    await Promise.allSettled([...this.open].map((subscription) => subscription.close()));
  }
}
