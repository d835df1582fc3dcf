/**
 * A signal that fires, with its reason, as the first of `signals` fires, until `unlink`.
 * AbortSignal.any does the same at several times the cost, every run paying it twice: it keeps
 * track of each signal it made until the collector has taken it.
 */
export function firstSignal(...signals: AbortSignal[]): { signal: AbortSignal; unlink(): void } {
  const controller = new AbortController();
  const listeners = signals.map((signal) => {
    const abort = () => controller.abort(signal.reason);
    if (signal.aborted) abort();
    else signal.addEventListener('abort', abort, { once: true });
    return () => signal.removeEventListener('abort', abort);
  });
  return { signal: controller.signal, unlink: () => listeners.forEach((remove) => remove()) };
}
