import type { JetStreamClient, JetStreamManager } from '@nats-io/jetstream';
import type { StoredEvent } from '../../port';
import {
  countOf,
  decodeEnvelope,
  fromStoredMessage,
  lastRevisionOf,
  type EnvelopeMessage,
} from './envelope';
import { orderedRead } from './ordered-read';
import { sequenceOf, toPosition } from './positions';
import { encodeStreamToken } from './subject-token';
import type { TailCache } from './tail-cache';

/** Where the events are: the JetStream stream and the subject prefix of the event streams. */
export interface JetStreamLocation {
  stream: string;
  prefix: string;
}

/** The read side of the JetStream adapter. */
export class JetStreamReader {
  constructor(
    private readonly js: JetStreamClient,
    private readonly jsm: JetStreamManager,
    private readonly location: JetStreamLocation,
    private readonly tails: TailCache,
  ) {}

  subjectOf(stream: string): string {
    return `${this.location.prefix}.${encodeStreamToken(stream)}`;
  }

  /** The last envelope of a stream (one direct get), remembered as its tail. */
  async headOf(stream: string): Promise<EnvelopeMessage | undefined> {
    const last = await this.jsm.streams.getMessage(this.location.stream, {
      last_by_subj: this.subjectOf(stream),
    });
    if (!last) return undefined;
    const head = fromStoredMessage(last);
    this.tails.remember(stream, { revision: lastRevisionOf(head), seq: head.seq });
    return head;
  }

  /** The envelope stored at a sequence, decoded. */
  async envelopeAt(seq: number): Promise<StoredEvent[]> {
    const message = await this.jsm.streams.getMessage(this.location.stream, { seq });
    return message ? decodeEnvelope(fromStoredMessage(message), this.location.prefix) : [];
  }

  /**
   * The head first: an absent stream costs one round trip, and a read from a revision inside
   * the last append (catching up a cached state) needs nothing more.
   */
  async readStream(stream: string, fromRevision: number): Promise<StoredEvent[]> {
    const head = await this.headOf(stream);
    if (!head || lastRevisionOf(head) < fromRevision) return [];
    const headEvents = decodeEnvelope(head, this.location.prefix);
    if (headEvents[0].revision <= fromRevision) {
      return headEvents.filter((event) => event.revision >= fromRevision);
    }
    const events: StoredEvent[] = [];
    const range = {
      stream: this.location.stream,
      filter: this.subjectOf(stream),
      startSeq: 1,
      endSeq: head.seq,
    };
    await orderedRead(this.js, range, (message) => {
      for (const event of decodeEnvelope(message, this.location.prefix)) {
        if (event.revision >= fromRevision) events.push(event);
      }
      return true;
    });
    return events;
  }

  async readAll(afterPosition: number, limit: number): Promise<StoredEvent[]> {
    const events: StoredEvent[] = [];
    if (limit <= 0) return events;
    const { state } = await this.jsm.streams.info(this.location.stream);
    const range = {
      stream: this.location.stream,
      filter: `${this.location.prefix}.>`,
      startSeq: Math.max(1, sequenceOf(afterPosition)),
      endSeq: state.last_seq,
    };
    const onMessage = (message: EnvelopeMessage): boolean => {
      for (const event of decodeEnvelope(message, this.location.prefix)) {
        if (event.position > afterPosition) events.push(event);
        if (events.length === limit) return false;
      }
      return true;
    };
    await orderedRead(this.js, range, onMessage, Math.min(500, limit));
    return events;
  }

  async headPosition(): Promise<number> {
    const { state } = await this.jsm.streams.info(this.location.stream);
    if (state.last_seq === 0) return 0;
    const last = await this.jsm.streams.getMessage(this.location.stream, { seq: state.last_seq });
    return last ? toPosition(last.seq, countOf(fromStoredMessage(last)) - 1) : 0;
  }
}
