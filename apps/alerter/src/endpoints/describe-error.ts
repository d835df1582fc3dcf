interface ErrorLike {
  name?: unknown;
  message?: unknown;
  cause?: { message?: unknown };
}

/**
 * fetch says only `fetch failed`: its cause says why (refused, reset, DNS). Read by shape, not
 * `instanceof`: fetch's errors come from Node's own realm, not always the caller's.
 */
export function describeError(error: unknown, timeoutMs: number): string {
  if (typeof error !== 'object' || error === null) return String(error);
  const { name, message, cause } = error as ErrorLike;
  if (name === 'TimeoutError') return `no answer within ${timeoutMs} ms`;
  const why = typeof cause?.message === 'string' ? `: ${cause.message}` : '';
  return `${String(message)}${why}`;
}
