import type { EventStore } from '@monitor/eventstore';
import { eventually } from './eventually';

/**
 * Waits until nothing more is written: the store's head stays put for `stillMs`. A test that
 * counts writes ("the store unchanged") first lets the work of the tests before it land (an
 * execution's last log, the alert its failure raises).
 */
export async function storeQuiet(store: EventStore, stillMs = 500, timeoutMs = 15_000) {
  await eventually(async () => {
    const first = await store.headPosition();
    await new Promise((resolve) => setTimeout(resolve, stillMs));
    expect(await store.headPosition()).toBe(first);
  }, timeoutMs);
}
