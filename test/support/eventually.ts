/**
 * Runs `check` until it passes (returns without throwing) or `ms` run out; then its last
 * failure is the test's. For state that settles asynchronously: polling, Updates, containers.
 */
export async function eventually<T>(check: () => Promise<T>, ms = 15_000): Promise<T> {
  const deadline = Date.now() + ms;
  for (;;) {
    try {
      return await check();
    } catch (error) {
      if (Date.now() > deadline) throw error;
      await new Promise((r) => setTimeout(r, 100));
    }
  }
}
