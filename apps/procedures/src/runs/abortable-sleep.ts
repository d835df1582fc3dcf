/** Waits `ms` (none when negative); false when the signal stopped it first. */
export function sleep(ms: number, signal: AbortSignal): Promise<boolean> {
  if (signal.aborted) return Promise.resolve(false);
  return new Promise((resolve) => {
    const timer = setTimeout(() => done(true), Math.max(0, ms));
    const abort = () => done(false);
    signal.addEventListener('abort', abort, { once: true });
    const done = (slept: boolean) => {
      clearTimeout(timer);
      signal.removeEventListener('abort', abort);
      resolve(slept);
    };
  });
}
