import type { ConsumerMessages, JetStreamClient, JsMsg } from '@nats-io/jetstream';
import type { EventHandler, Subscription } from '../../port';
import type { DecodedEnvelopes } from './decoded-envelopes';
import type { JetStreamTail, TailFollower } from './jetstream-tail';
import { sequenceOf } from './positions';

/**
 * Messages a follower may have waiting before it leaves the tail and reads on by itself: a slow
 * handler holds back no other subscription, and its backlog stays in the stream, not in memory.
 */
const MAX_WAITING = 4096;

/**
 * `subscribeAll` on JetStream: follows the store's shared tail (JetStreamTail) from the envelope
 * that holds the position, skipping the events up to it. Further behind than the tail keeps, it
 * catches up on an ordered consumer of its own, joining the tail once it can; fallen
 * `MAX_WAITING` messages behind, it leaves it to catch up again. Ordered consumers recreate
 * themselves after a reconnect or a gap, from the last sequence delivered.
 *
 * If the handler throws, delivery stops at that event and `close()` rejects with the error.
 */
export class JetStreamSubscription implements Subscription, TailFollower {
  private closed = false;
  /** The tail followed, while it is. */
  private following?: JetStreamTail;
  /** Messages the tail delivered, not yet handled. */
  private waiting: JsMsg[] = [];
  private wake?: () => void;
  private own: ConsumerMessages | undefined;
  private readonly done: Promise<void>;
  private failure: unknown;

  constructor(
    private readonly js: JetStreamClient,
    private readonly stream: string,
    private readonly prefix: string,
    private readonly envelopes: DecodedEnvelopes,
    private readonly tail: () => JetStreamTail,
    private position: number,
    private readonly handler: EventHandler,
  ) {
    this.done = this.run().catch((error: unknown) => {
      this.failure = error;
    });
  }

  get nextSeq(): number {
    return Math.max(1, sequenceOf(this.position));
  }

  deliver(message: JsMsg): void {
    if (this.waiting.length < MAX_WAITING) this.waiting.push(message);
    else this.leave();
    this.wake?.();
  }

  failed(error: unknown): void {
    this.failure ??= error;
    this.following = undefined;
    this.wake?.();
  }

  async close(): Promise<void> {
    this.closed = true;
    this.leave();
    this.wake?.();
    await this.own?.close();
    await this.done;
    if (this.failure !== undefined) throw this.failure;
  }

  private async run(): Promise<void> {
    try {
      while (!this.closed) {
        if (this.following || this.join()) await this.follow();
        else await this.catchUp();
        if (this.failure !== undefined) throw this.failure;
      }
    } finally {
      this.leave();
    }
  }

  private join(): boolean {
    const tail = this.tail();
    if (!tail.join(this)) return false;
    this.following = tail;
    return true;
  }

  private leave(): void {
    this.following?.leave(this);
    this.following = undefined;
    this.waiting = [];
  }

  /** Handles what the tail delivers until closed, or no longer following it. */
  private async follow(): Promise<void> {
    while (!this.closed && this.following) {
      if (!this.waiting.length) {
        await new Promise<void>((resolve) => (this.wake = resolve));
        this.wake = undefined;
        continue;
      }
      const batch = this.waiting;
      this.waiting = [];
      for (const message of batch) {
        if (this.closed || !this.following) return;
        await this.handle(message);
      }
    }
  }

  /** Reads on by itself, until closed or able to join the tail. */
  private async catchUp(): Promise<void> {
    const consumer = await this.js.consumers.get(this.stream, {
      filter_subjects: `${this.prefix}.>`,
      opt_start_seq: this.nextSeq,
    });
    try {
      this.own = await consumer.consume({ max_messages: 256 });
      if (this.closed) await this.own.close();
      for await (const message of this.own) {
        await this.handle(message);
        if (this.closed || this.join()) return;
      }
    } finally {
      await this.own?.close();
      this.own = undefined;
      consumer.delete().catch(() => undefined);
    }
  }

  private async handle(message: JsMsg): Promise<void> {
    for (const event of this.envelopes.events(message)) {
      if (this.closed) return;
      if (event.position <= this.position) continue;
      // A handler that answers at once (the read model's) is not awaited: no turn of the
      // microtask queue per event for it.
      const handled = this.handler(event);
      if (handled) await handled;
      this.position = event.position;
    }
  }
}
