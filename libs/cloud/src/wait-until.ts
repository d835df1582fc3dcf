export interface WaitOptions {
  timeoutMs: number;
  intervalMs: number;
  /** When set, the interval doubles after each miss up to this (a cloud API's rate limit is shared). */
  maxIntervalMs?: number;
  signal?: AbortSignal;
  /** An error that waiting cannot mend (a refused passkey): thrown at once. */
  isFinal?: (error: unknown) => boolean;
}

/** A wait that gave up: its message says what was awaited, how long, and the last reason. */
export class WaitFailed extends Error {
  constructor(
    message: string,
    readonly reason: 'timeout' | 'cancelled',
  ) {
    super(message);
  }
}

/**
 * Asks `check` every `intervalMs` (doubling up to `maxIntervalMs` when given) until it answers
 * something, for at most `timeoutMs`.
 * `check` answers undefined (not yet) or throws (not yet, with a reason kept for the message);
 * `describe(lastReason)` says what did not happen, for the timeout's message.
 */
export async function waitUntil<T>(
  check: () => Promise<T | undefined>,
  describe: (lastReason: string | undefined) => string,
  { timeoutMs, intervalMs, maxIntervalMs, signal, isFinal }: WaitOptions,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let lastReason: string | undefined;
  let interval = intervalMs;
  for (;;) {
    if (signal?.aborted) throw new WaitFailed(`cancelled: ${describe(lastReason)}`, 'cancelled');
    try {
      const answer = await check();
      if (answer !== undefined) return answer;
      lastReason = undefined;
    } catch (error) {
      if (isFinal?.(error)) throw error;
      lastReason = error instanceof Error ? error.message : String(error);
    }
    const left = deadline - Date.now();
    if (left <= 0)
      throw new WaitFailed(`${describe(lastReason)} within ${seconds(timeoutMs)}`, 'timeout');
    await sleep(Math.min(interval, left), signal);
    if (maxIntervalMs) interval = Math.min(2 * interval, Math.max(maxIntervalMs, intervalMs));
  }
}

function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      clearTimeout(timer);
      signal?.removeEventListener('abort', done);
      resolve();
    };
    const timer = setTimeout(done, ms);
    signal?.addEventListener('abort', done, { once: true });
  });
}

export function seconds(ms: number): string {
  return ms % 1000 === 0 ? `${ms / 1000} s` : `${(ms / 1000).toFixed(1)} s`;
}
