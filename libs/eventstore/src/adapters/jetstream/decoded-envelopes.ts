import { deepFreeze } from '../../frozen';
import type { StoredEvent } from '../../port';
import { decodeEnvelope, type EnvelopeMessage } from './envelope';

/** How many envelopes are kept: more than subscriptions fall behind one another by. */
const KEPT = 4096;

/**
 * The envelopes a store's subscriptions were delivered last, decoded: each consumer receives
 * every message, and the first to decode one hands its frozen events to the others (a store's
 * followers each parsed every envelope's JSON). By sequence, which names one message of the
 * stream whichever consumer delivered it.
 */
export class DecodedEnvelopes {
  private readonly decoded = new Map<number, readonly StoredEvent[]>();

  constructor(private readonly prefix: string) {}

  events(message: EnvelopeMessage): readonly StoredEvent[] {
    let events = this.decoded.get(message.seq);
    if (!events) {
      events = deepFreeze(decodeEnvelope(message, this.prefix));
      this.decoded.set(message.seq, events);
      if (this.decoded.size > KEPT) this.decoded.delete(this.decoded.keys().next().value!);
    }
    return events;
  }
}
