import type { DeliveryState } from './delivery-state';

/**
 * The attempt a dead replica left in flight: claimed longer ago than a send may take (the
 * sender's timeout plus a margin). Whoever sees it fails it (Fail, no status: retryable) at the
 * revision it read, and the next claim sends again with the same key, so a receiver that got
 * the first body sees the key twice and can drop the repeat.
 */
export function abandonedAttempt<S>(
  state: DeliveryState<S>,
  now: number,
  leaseMs: number,
): number | undefined {
  if (state.status !== 'InFlight' || !state.claim) return undefined;
  return now - state.claim.at >= leaseMs ? state.attempts : undefined;
}
