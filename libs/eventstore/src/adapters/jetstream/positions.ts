/**
 * Positions on JetStream. One message (envelope) holds every event of one append, and the
 * stream sequence numbers messages, not events; a position is `seq * 65536 + index`, the index
 * of the event in its envelope. That is per event, increasing in log order, never 0 (seq starts
 * at 1), exact in a double up to seq 2^37 (137 billion appends), and it says where to resume:
 * the envelope `seq`, after event `index`.
 */
export const EVENTS_PER_ENVELOPE = 65_536;

export function toPosition(seq: number, index: number): number {
  return seq * EVENTS_PER_ENVELOPE + index;
}

/** The stream sequence of the envelope holding the event at a position (0 for position 0). */
export function sequenceOf(position: number): number {
  return Math.floor(position / EVENTS_PER_ENVELOPE);
}
