import { CLAIM_SEGMENT_MS, scheduleClaimStream, type ScheduleClaim } from '@monitor/domain';
import { WrongExpectedRevisionError, type EventStore, type StoredEvent } from '@monitor/eventstore';
import { eventMetadata, newId } from '@monitor/resources';

export const TICK_CLAIMED = 'ScheduleTickClaimed';

/** A claim as stored, with when it was made. */
export interface StoredClaim {
  claim: ScheduleClaim;
  at: number;
}

/** What this replica knows of one claim stream: its last revision and the ticks it holds. */
interface Segment {
  start: number;
  revision: number;
  ticks: Map<number, StoredClaim>;
}

/**
 * Claims ticks in their minute's stream at its expected revision. What this replica last wrote
 * or read of each stream is kept, so a claim is one append, and a lost race one read of the
 * events since (a read from a revision near the head is one round trip on every adapter).
 */
export class ClaimBook {
  private readonly segments = new Map<string, Segment>();

  constructor(private readonly store: EventStore) {}

  /** `won`: this replica's claim was stored; else the claim that was there first. */
  async claim(claim: ScheduleClaim): Promise<{ won: true } | { won: false; first: StoredClaim }> {
    const stream = scheduleClaimStream(claim.id, claim.tick);
    const segment = this.segment(stream, claim.tick);
    // One id for every attempt: the store answers a repeated id as the first append's success.
    const claimId = newId();
    for (;;) {
      const first = segment.ticks.get(claim.tick);
      if (first) return { won: false, first };
      const at = Date.now();
      const meta = { userId: 'scheduler', via: 'system' as const, correlationId: claimId };
      try {
        const { revision } = await this.store.append(
          stream,
          [{ id: claimId, type: TICK_CLAIMED, data: claim, metadata: eventMetadata(meta, at) }],
          segment.revision < 0 ? 'no_stream' : segment.revision,
        );
        segment.revision = Math.max(segment.revision, revision);
        segment.ticks.set(claim.tick, { claim, at });
        return { won: true };
      } catch (error) {
        if (!(error instanceof WrongExpectedRevisionError)) throw error;
        this.absorb(segment, await this.store.readStream(stream, segment.revision + 1));
      }
    }
  }

  /** Forgets the streams of the minutes that ended before `beforeMs`: their ticks are past claiming. */
  forgetBefore(beforeMs: number): void {
    for (const [stream, segment] of this.segments) {
      if (segment.start + CLAIM_SEGMENT_MS <= beforeMs) this.segments.delete(stream);
    }
  }

  private segment(stream: string, tick: number): Segment {
    let segment = this.segments.get(stream);
    if (!segment) {
      segment = { start: tick - (tick % CLAIM_SEGMENT_MS), revision: -1, ticks: new Map() };
      this.segments.set(stream, segment);
    }
    return segment;
  }

  private absorb(segment: Segment, events: StoredEvent[]): void {
    for (const event of events) {
      segment.revision = Math.max(segment.revision, event.revision);
      if (event.type !== TICK_CLAIMED) continue;
      const claim = event.data as ScheduleClaim;
      if (!segment.ticks.has(claim.tick)) {
        segment.ticks.set(claim.tick, { claim, at: event.metadata.at });
      }
    }
  }
}
