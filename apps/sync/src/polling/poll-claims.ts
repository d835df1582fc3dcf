import { WrongExpectedRevisionError, type EventStore } from '@monitor/eventstore';
import { eventMetadata, newId, systemMeta } from '@monitor/resources';

export const POLL_CLAIMED = 'SyncPollClaimed';

/** The stream naming the poll of one interval window: `syncpoll-<window start, ms>`. */
export const pollClaimStream = (windowStart: number) => `syncpoll-${windowStart}`;

/**
 * Claims the poll of a window for this replica: the window's stream is created with one event,
 * expected `no_stream`, so of the replicas waking at the window's start exactly one polls. A
 * stream per window keeps each stream one event long, as schedules keep theirs one minute long.
 */
export async function claimPoll(
  store: EventStore,
  window: { start: number; intervalMs: number },
): Promise<boolean> {
  const event = {
    id: newId(),
    type: POLL_CLAIMED,
    data: { window_start: window.start, interval_ms: window.intervalMs },
    metadata: eventMetadata(systemMeta()),
  };
  try {
    await store.append(pollClaimStream(window.start), [event], 'no_stream');
    return true;
  } catch (error) {
    if (error instanceof WrongExpectedRevisionError) return false;
    throw error;
  }
}
