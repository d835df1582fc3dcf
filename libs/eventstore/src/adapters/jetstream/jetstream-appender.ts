import type { PubAck } from '@nats-io/jetstream';
import type { NatsConnection } from '@nats-io/nats-core';
import { EventStoreError } from '../../errors';
import { duplicateId, findPriorAppend, resolveConflict } from '../../idempotency';
import type { AppendResult, NewEvent } from '../../port';
import { encodeEnvelope, envelopeHeaders, lastRevisionOf } from './envelope';
import { isApiError, JS_WRONG_LAST_SEQUENCE } from './jetstream-errors';
import type { JetStreamReader } from './jetstream-reader';
import type { PubAckInbox } from './pub-ack-inbox';
import { toPosition } from './positions';
import type { TailCache } from './tail-cache';

/**
 * The write side of the JetStream adapter: an append with an exact expected revision is one
 * publish of one envelope, conditional on the subject's last sequence, which is the sequence
 * of the envelope that ends at the expected revision (from the tail cache, or one direct get).
 */
export class JetStreamAppender {
  constructor(
    private readonly connection: NatsConnection,
    private readonly acks: PubAckInbox,
    private readonly reader: JetStreamReader,
    private readonly tails: TailCache,
  ) {}

  async append(
    stream: string,
    events: NewEvent[],
    expected: number | 'no_stream',
  ): Promise<AppendResult> {
    const lastSeq = await this.lastSequenceAt(stream, expected);
    if (lastSeq === undefined) return this.answerConflict(stream, events, expected);
    const firstRevision = expected === 'no_stream' ? 0 : expected + 1;
    const payload = this.encode(stream, events);
    let ack: PubAck;
    try {
      ack = await this.acks.publish({
        subject: this.reader.subjectOf(stream),
        payload,
        headers: envelopeHeaders(firstRevision, events.length),
        msgId: events[0].id,
        lastSubjectSequence: lastSeq,
      });
    } catch (error) {
      if (!isApiError(error, JS_WRONG_LAST_SEQUENCE)) throw error;
      return this.answerConflict(stream, events, expected);
    }
    if (ack.duplicate) return this.answerDuplicate(stream, events, ack.seq);
    const revision = firstRevision + events.length - 1;
    this.tails.remember(stream, { revision, seq: ack.seq });
    return { revision, position: toPosition(ack.seq, events.length - 1) };
  }

  private encode(stream: string, events: NewEvent[]): Uint8Array {
    const payload = encodeEnvelope(events);
    const maxPayload = this.connection.info?.max_payload;
    if (maxPayload !== undefined && payload.length > maxPayload) {
      throw new EventStoreError(
        'APPEND_TOO_LARGE',
        `append of ${payload.length} bytes to ${stream} exceeds the NATS max_payload ${maxPayload}`,
        { stream, bytes: payload.length, maxPayload },
      );
    }
    return payload;
  }

  /** The subject sequence the stream has if it is at `expected`; undefined if it is not. */
  private async lastSequenceAt(
    stream: string,
    expected: number | 'no_stream',
  ): Promise<number | undefined> {
    if (expected === 'no_stream') return 0;
    const tail = this.tails.get(stream);
    if (tail?.revision === expected) return tail.seq;
    const head = await this.reader.headOf(stream);
    return head && lastRevisionOf(head) === expected ? head.seq : undefined;
  }

  private async answerConflict(
    stream: string,
    events: NewEvent[],
    expected: number | 'no_stream',
  ): Promise<AppendResult> {
    return resolveConflict(stream, await this.reader.readStream(stream, 0), events, expected);
  }

  /**
   * JetStream has a message with this `Nats-Msg-Id` within its duplicate window: this very
   * append again (a retry, or the same append racing itself), or an id reused elsewhere.
   */
  private async answerDuplicate(
    stream: string,
    events: NewEvent[],
    seq: number,
  ): Promise<AppendResult> {
    const original = await this.reader.envelopeAt(seq);
    const mine = original.filter((event) => event.stream === stream);
    const prior = findPriorAppend(stream, mine, events);
    if (!prior) throw duplicateId(stream, events[0].id);
    return prior;
  }
}
