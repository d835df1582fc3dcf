import type { ConsumerMessages, JetStreamClient, JsMsg } from '@nats-io/jetstream';

/** How many recent messages the tail keeps, so that a subscription catching up can join it. */
const KEPT = 1024;

/** A subscription the tail hands messages to, in stream order, from the one it needs next. */
export interface TailFollower {
  /** The stream sequence of the first message it still needs. */
  readonly nextSeq: number;
  /** A message; called synchronously as the tail receives it, so never blocks the others. */
  deliver(message: JsMsg): void;
  /** The tail's consumer failed: nothing more comes. */
  failed(error: unknown): void;
}

/**
 * One ordered consumer on every event subject, shared by a store's subscriptions: each message
 * crosses the network, and is parsed, once per process rather than once per follower (a
 * Monitor process has half a dozen). A subscription whose next message the tail has not passed,
 * or still keeps, joins it; one further behind catches up on a consumer of its own first.
 * Started, at its first follower's sequence, on the first join; runs until the store closes.
 */
export class JetStreamTail {
  private readonly followers = new Set<TailFollower>();
  /** The last messages received, oldest first. */
  private readonly kept: JsMsg[] = [];
  private started = false;
  /** The sequence of the last message received (before any: the start's, less one). */
  private last = 0;
  private messages?: ConsumerMessages;
  private done?: Promise<void>;
  private closed = false;
  /** Set once its consumer has failed: a new tail serves later subscriptions. */
  error: unknown;
  get broken(): boolean {
    return this.error !== undefined;
  }

  constructor(
    private readonly js: JetStreamClient,
    private readonly stream: string,
    private readonly prefix: string,
  ) {}

  /**
   * Joins the follower when the tail will deliver every message from its `nextSeq` on (those it
   * keeps are delivered at once); false when the follower is further behind than that.
   */
  join(follower: TailFollower): boolean {
    if (this.closed || this.broken) return false;
    const next = Math.max(1, follower.nextSeq);
    if (!this.started) this.start(next);
    else if (next <= this.last) {
      const from = this.kept.findIndex((message) => message.seq >= next);
      if (!this.kept.length || this.kept[0].seq > next || from < 0) return false;
      for (const message of this.kept.slice(from)) follower.deliver(message);
    }
    this.followers.add(follower);
    return true;
  }

  leave(follower: TailFollower): void {
    this.followers.delete(follower);
  }

  async close(): Promise<void> {
    this.closed = true;
    this.followers.clear();
    await this.messages?.close();
    await this.done;
  }

  private start(first: number): void {
    this.started = true;
    this.last = first - 1;
    this.done = this.run(first).catch((error: unknown) => {
      this.error = error ?? new Error('the event stream consumer failed');
      for (const follower of this.followers) follower.failed(this.error);
      this.followers.clear();
    });
  }

  private async run(first: number): Promise<void> {
    const consumer = await this.js.consumers.get(this.stream, {
      filter_subjects: `${this.prefix}.>`,
      opt_start_seq: first,
    });
    try {
      this.messages = await consumer.consume({ max_messages: 256 });
      if (this.closed) await this.messages.close();
      for await (const message of this.messages) {
        this.kept.push(message);
        if (this.kept.length > KEPT) this.kept.shift();
        this.last = message.seq;
        for (const follower of this.followers) follower.deliver(message);
      }
    } finally {
      await this.messages?.close();
      consumer.delete().catch(() => undefined);
    }
    if (!this.closed) throw new Error('the event stream consumer stopped');
  }
}
