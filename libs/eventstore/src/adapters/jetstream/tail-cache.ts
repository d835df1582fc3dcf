/**
 * The last known (revision, message sequence) of recently used streams.
 * `Nats-Expected-Last-Subject-Sequence` wants a sequence, callers give a revision: this maps the
 * one to the other without a round trip in the usual load-decide-append cycle. An entry is an
 * immutable fact (the envelope ending at that revision is that message), so it never goes
 * stale: if the stream moved on, the publish is refused as a conflict like any other.
 */
export interface Tail {
  revision: number;
  seq: number;
}

export class TailCache {
  private readonly tails = new Map<string, Tail>();

  constructor(private readonly capacity = 10_000) {}

  get(stream: string): Tail | undefined {
    return this.tails.get(stream);
  }

  remember(stream: string, tail: Tail): void {
    const known = this.tails.get(stream);
    if (known && known.seq >= tail.seq) return;
    // Re-inserted so Map order is least recently written first, the one to drop when full.
    this.tails.delete(stream);
    this.tails.set(stream, tail);
    if (this.tails.size > this.capacity) {
      const oldest = this.tails.keys().next().value;
      if (oldest !== undefined) this.tails.delete(oldest);
    }
  }
}
