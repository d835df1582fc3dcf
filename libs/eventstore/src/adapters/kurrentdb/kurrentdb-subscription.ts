import type { AllStreamSubscription, KurrentDBClient } from '@kurrent/kurrentdb-client';
import { deepFreeze } from '../../frozen';
import type { EventHandler, Subscription } from '../../port';
import { fromRecorded } from './kurrentdb-events';
import { domainEventsOnly, readFrom } from './kurrentdb-filter';

/**
 * `subscribeAll` on KurrentDB: a catch-up subscription to `$all`, which reads history and then
 * follows live events by itself. Events are pulled one at a time through the async iterator,
 * so the handler is awaited before the next.
 *
 * If the handler throws, delivery stops at that event and `close()` rejects with the error.
 */
export class KurrentDbSubscription implements Subscription {
  private closed = false;
  private readonly subscription: AllStreamSubscription;
  private readonly done: Promise<void>;
  private failure: unknown;

  constructor(
    client: KurrentDBClient,
    private position: number,
    private readonly handler: EventHandler,
  ) {
    this.subscription = client.subscribeToAll({
      fromPosition: readFrom(position),
      filter: domainEventsOnly(),
    });
    this.done = this.run().catch((error: unknown) => {
      this.failure = error;
    });
  }

  async close(): Promise<void> {
    this.closed = true;
    await this.subscription.unsubscribe();
    await this.done;
    if (this.failure !== undefined) throw this.failure;
  }

  private async run(): Promise<void> {
    try {
      for await (const resolved of this.subscription) {
        if (this.closed) return;
        if (!resolved.event) continue;
        const event = fromRecorded(resolved.event);
        if (event.position <= this.position) continue;
        await this.handler(deepFreeze(event));
        this.position = event.position;
      }
    } finally {
      if (!this.closed) await this.subscription.unsubscribe();
    }
  }
}
