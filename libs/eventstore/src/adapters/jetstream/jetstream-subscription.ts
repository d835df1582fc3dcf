import type { ConsumerMessages, JetStreamClient } from '@nats-io/jetstream';
import type { EventHandler, Subscription } from '../../port';
import type { DecodedEnvelopes } from './decoded-envelopes';
import { sequenceOf } from './positions';

/**
 * `subscribeAll` on JetStream: one ordered consumer on every event subject, starting at the
 * envelope that holds the position, skipping the events up to it. The ordered consumer
 * recreates itself after a reconnect or a gap, from the last sequence delivered.
 *
 * If the handler throws, delivery stops at that event and `close()` rejects with the error.
 */
export class JetStreamSubscription implements Subscription {
  private closed = false;
  private messages: ConsumerMessages | undefined;
  private readonly done: Promise<void>;
  private failure: unknown;

  constructor(
    private readonly js: JetStreamClient,
    private readonly stream: string,
    private readonly prefix: string,
    private readonly envelopes: DecodedEnvelopes,
    private position: number,
    private readonly handler: EventHandler,
  ) {
    this.done = this.run().catch((error: unknown) => {
      this.failure = error;
    });
  }

  async close(): Promise<void> {
    this.closed = true;
    await this.messages?.close();
    await this.done;
    if (this.failure !== undefined) throw this.failure;
  }

  private async run(): Promise<void> {
    const consumer = await this.js.consumers.get(this.stream, {
      filter_subjects: `${this.prefix}.>`,
      opt_start_seq: Math.max(1, sequenceOf(this.position)),
    });
    try {
      this.messages = await consumer.consume({ max_messages: 256 });
      if (this.closed) await this.messages.close();
      for await (const message of this.messages) {
        for (const event of this.envelopes.events(message)) {
          if (this.closed) return;
          if (event.position <= this.position) continue;
          await this.handler(event);
          this.position = event.position;
        }
      }
    } finally {
      await this.messages?.close();
      consumer.delete().catch(() => undefined);
    }
  }
}
