/** The clock and timers a rate limit uses: the browser's, or a test's own. */
export interface Timers {
  now(): number;
  setTimeout(run: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

export const BROWSER_TIMERS: Timers = {
  now: () => Date.now(),
  setTimeout: (run, ms) => setTimeout(run, ms),
  clearTimeout: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
};

/** A rate-limited call: `call` asks for a run, `cancel` drops a pending one (on unmount). */
export interface Limited {
  call(): void;
  cancel(): void;
}

/**
 * Runs at most once per `ms`: the first call at once (a lone change shows without delay), the
 * calls within the next `ms` together once that time is up. A burst of a thousand Updates then
 * costs two reads of a page, not a thousand.
 */
export function throttle(run: () => void, ms: number, timers: Timers = BROWSER_TIMERS): Limited {
  let last = -Infinity;
  let pending: unknown;
  const fire = () => {
    pending = undefined;
    last = timers.now();
    run();
  };
  return {
    call() {
      if (pending !== undefined) return;
      const wait = last + ms - timers.now();
      if (wait <= 0) fire();
      else pending = timers.setTimeout(fire, wait);
    },
    cancel() {
      if (pending !== undefined) timers.clearTimeout(pending);
      pending = undefined;
    },
  };
}

/**
 * Runs once calls have stopped for `ms`: a search typed letter by letter is sent once, when
 * the typing pauses.
 */
export function debounce(run: () => void, ms: number, timers: Timers = BROWSER_TIMERS): Limited {
  let pending: unknown;
  const cancel = () => {
    if (pending !== undefined) timers.clearTimeout(pending);
    pending = undefined;
  };
  return {
    call() {
      cancel();
      pending = timers.setTimeout(() => {
        pending = undefined;
        run();
      }, ms);
    },
    cancel,
  };
}
