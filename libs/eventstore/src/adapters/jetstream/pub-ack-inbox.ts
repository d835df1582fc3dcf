import { JetStreamApiError, PubHeaders, type ApiError, type PubAck } from '@nats-io/jetstream';
import {
  createInbox,
  TimeoutError,
  type Msg,
  type MsgHdrs,
  type NatsConnection,
  type Subscription,
} from '@nats-io/nats-core';
import { EventStoreError } from '../../errors';

/** How long a publish waits for JetStream's ack: nats.js's default for `js.publish`. */
const ACK_TIMEOUT_MS = 5000;

interface Waiting {
  resolve: (ack: PubAck) => void;
  reject: (error: unknown) => void;
  timer: NodeJS.Timeout;
}

interface AckBody extends Partial<PubAck> {
  error?: ApiError;
}

/** What a conditional publish asks of JetStream, beside the store's own headers. */
export interface Publish {
  subject: string;
  payload: Uint8Array;
  headers: MsgHdrs;
  /** `Nats-Msg-Id`: a second publish with it within the duplicate window is not stored again. */
  msgId: string;
  /** `Nats-Expected-Last-Subject-Sequence`: stored only if the subject's last message is this. */
  lastSubjectSequence: number;
}

/**
 * JetStream publishes whose acks come back on one subscription the store holds, matched by a
 * token in the reply subject: what `js.publish` does through nats.js's `request()`, less the
 * RequestError that request builds (its stack captured) each time one completes, about a tenth of
 * an append's CPU time. Acks are read as `js.publish` reads them: an API error is a
 * JetStreamApiError (the adapter acts on its code), no ack within 5 s a TimeoutError.
 */
export class PubAckInbox {
  private readonly prefix = createInbox();
  private readonly waiting = new Map<string, Waiting>();
  private readonly subscription: Subscription;
  private next = 0;
  /** Called once nothing waits, while closing. */
  private idle?: () => void;
  /** Publishes asked during this turn of the event loop, sent together at its end. */
  private outgoing: (() => void)[] = [];

  constructor(private readonly connection: NatsConnection) {
    this.subscription = connection.subscribe(`${this.prefix}.*`, {
      callback: (error, message) => (error ? this.failAll(error) : this.answer(message)),
    });
  }

  publish({ subject, payload, headers, msgId, lastSubjectSequence }: Publish): Promise<PubAck> {
    headers.set(PubHeaders.MsgIdHdr, msgId);
    headers.set(PubHeaders.ExpectedLastSubjectSequenceHdr, String(lastSubjectSequence));
    const token = String(++this.next);
    return new Promise<PubAck>((resolve, reject) => {
      const timer = setTimeout(
        () => this.settle(token)?.reject(new TimeoutError()),
        ACK_TIMEOUT_MS,
      );
      this.waiting.set(token, { resolve, reject, timer });
      this.send(token, () =>
        this.connection.publish(subject, payload, { reply: `${this.prefix}.${token}`, headers }),
      );
    });
  }

  /**
   * Publishes at the end of this turn of the event loop, with the others asked during it: nats.js
   * writes what is published in one synchronous run as one write to its socket, where publishes
   * made a few promise steps apart are a write each (a system call each, and a wake-up of the
   * server): under load, appends come many to a turn.
   */
  private send(token: string, publish: () => void): void {
    this.outgoing.push(() => {
      try {
        publish();
      } catch (error) {
        this.settle(token)?.reject(error);
      }
    });
    if (this.outgoing.length > 1) return;
    setImmediate(() => {
      const batch = this.outgoing;
      this.outgoing = [];
      for (const send of batch) send();
    });
  }

  /** Stops listening once the publishes made have their acks (or have timed out). */
  async close(): Promise<void> {
    if (this.waiting.size) await new Promise<void>((resolve) => (this.idle = resolve));
    this.subscription.unsubscribe();
  }

  private answer(message: Msg): void {
    const waiting = this.settle(message.subject.slice(this.prefix.length + 1));
    if (!waiting) return; // answered after its timeout
    if (message.headers?.code === 503) {
      waiting.reject(
        new EventStoreError(
          'STORE_MISCONFIGURED',
          'no JetStream stream takes the event subjects (no responders)',
        ),
      );
      return;
    }
    try {
      const { error, stream = '', seq = 0, duplicate = false, domain } = message.json<AckBody>();
      if (error) waiting.reject(new JetStreamApiError(error));
      else if (!stream) waiting.reject(new Error('invalid ack response'));
      else waiting.resolve({ stream, seq, duplicate, domain: domain ?? '' });
    } catch (error) {
      waiting.reject(error);
    }
  }

  private settle(token: string): Waiting | undefined {
    const waiting = this.waiting.get(token);
    if (!waiting) return undefined;
    this.waiting.delete(token);
    clearTimeout(waiting.timer);
    if (!this.waiting.size) this.idle?.();
    return waiting;
  }

  private failAll(error: unknown): void {
    for (const token of [...this.waiting.keys()]) this.settle(token)?.reject(error);
  }
}
