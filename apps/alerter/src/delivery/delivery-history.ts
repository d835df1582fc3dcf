import { isDeliveryFinal } from '@monitor/domain';
import type { LedgerEntry } from './delivery-ledger';

/** How many finished deliveries each receiver (an alerter, a subscription) keeps for the reads. */
export const RECENT_PER_RECEIVER = 200;
/** How many finished streams are remembered, so an event folded twice is not read again. */
const REMEMBERED_FINISHED = 10_000;

/**
 * What the ledger keeps of the deliveries that left it, bounded: per receiver its newest
 * finished ones (the lists answer them), the given-up ones' streams (a retry finds them; they
 * stay until retried, a few numbers each) and the last revision of recently finished streams.
 */
export class DeliveryHistory<R, S> {
  private readonly recent = new Map<string, LedgerEntry<R, S>[]>();
  private readonly givenUp = new Map<string, Map<string, number>>();
  private readonly finishedRevision = new Map<string, number>();
  /** The streams in some receiver's `recent` or `givenUp`: an open one not in it costs nothing. */
  private readonly kept = new Set<string>();

  constructor(private readonly receiverOf: (ref: R) => string) {}

  /** A delivery's change as folded: kept if it is finished, forgotten if it is open again. */
  record(delivery: LedgerEntry<R, S>): void {
    const final = isDeliveryFinal(delivery.state);
    if (!final && !this.kept.has(delivery.stream)) return;
    const receiver = this.receiverOf(delivery);
    const list = (this.recent.get(receiver) ?? []).filter((d) => d.stream !== delivery.stream);
    const given = this.givenUp.get(receiver) ?? new Map<string, number>();
    given.delete(delivery.stream);
    this.kept.delete(delivery.stream);
    if (final) {
      list.unshift({ ...delivery });
      this.kept.add(delivery.stream);
      for (const dropped of list.splice(RECENT_PER_RECEIVER)) {
        if (!given.has(dropped.stream)) this.kept.delete(dropped.stream);
      }
      if (delivery.state.status === 'GivenUp') given.set(delivery.stream, delivery.position);
      this.finishedRevision.delete(delivery.stream);
      this.finishedRevision.set(delivery.stream, delivery.revision);
      if (this.finishedRevision.size > REMEMBERED_FINISHED) {
        this.finishedRevision.delete(this.finishedRevision.keys().next().value as string);
      }
    } else {
      this.finishedRevision.delete(delivery.stream);
    }
    this.keep(this.recent, receiver, list, list.length);
    this.keep(this.givenUp, receiver, given, given.size);
  }

  /** The revision a finished stream was last seen at: an event at or below it is old news. */
  finishedAt(stream: string): number | undefined {
    return this.finishedRevision.get(stream);
  }

  /** The receiver's newest finished deliveries, newest first. */
  recentOf(receiver: string): LedgerEntry<R, S>[] {
    return this.recent.get(receiver) ?? [];
  }

  /** The streams of the receiver's given-up deliveries, oldest first. */
  givenUpOf(receiver: string): string[] {
    return [...(this.givenUp.get(receiver) ?? new Map<string, number>()).entries()]
      .sort(([, a], [, b]) => a - b)
      .map(([stream]) => stream);
  }

  /** How many finished deliveries are kept in all (for the memory bound's test). */
  size(): number {
    let n = 0;
    for (const list of this.recent.values()) n += list.length;
    return n;
  }

  private keep<V>(map: Map<string, V>, key: string, value: V, size: number): void {
    if (size) map.set(key, value);
    else map.delete(key);
  }
}
