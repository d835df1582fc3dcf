import { setTimeout as sleep } from 'node:timers/promises';

export interface TryAgain {
  /** Tries in all, the first included. */
  tries: number;
  /** The wait after the first failure; each next wait is twice the last. */
  firstWaitMs: number;
  /** Stops the waiting: the failure at hand is then the last. */
  signal: AbortSignal;
}

/**
 * Runs `work` until it succeeds or its tries are spent, waiting between tries; `failed` hears of
 * each failure and whether it was the last. Answers whether the work succeeded. For idempotent
 * work that a passing fault (a store away a moment) should not lose.
 */
export async function tryAgain(
  work: () => Promise<void>,
  { tries, firstWaitMs, signal }: TryAgain,
  failed: (error: unknown, tried: number, last: boolean) => void,
): Promise<boolean> {
  for (let tried = 1; ; tried++) {
    try {
      await work();
      return true;
    } catch (error) {
      const last = tried >= tries || signal.aborted;
      failed(error, tried, last);
      if (last) return false;
      // A stop rejects the sleep: the next failure is then the last.
      await sleep(firstWaitMs * 2 ** (tried - 1), undefined, { signal }).catch(() => undefined);
    }
  }
}
