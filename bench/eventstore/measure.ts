export interface Measurement {
  /** Operations done: appends, inserts, publishes or events, as the row says. */
  count: number;
  seconds: number;
  perSecond: number;
}

/** Times `run`, which does `count` operations. */
export async function measure(count: number, run: () => unknown): Promise<Measurement> {
  const start = process.hrtime.bigint();
  await run();
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  return { count, seconds, perSecond: count / seconds };
}

/**
 * Runs `total` tasks with `width` in flight at once, in lanes: a lane runs its tasks one after
 * the other, so a bench can give each lane its own stream and never race itself on one.
 */
export async function inFlight(
  total: number,
  width: number,
  task: (n: number, lane: number) => Promise<unknown>,
): Promise<void> {
  let next = 0;
  const lane = async (_: unknown, index: number): Promise<void> => {
    while (next < total) await task(next++, index);
  };
  await Promise.all(Array.from({ length: Math.min(width, total) }, lane));
}
