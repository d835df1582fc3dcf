import type { EventHandler, EventStore, Subscription } from './port';

/**
 * Where a subscriber keeps the position it has processed up to, so that it resumes with
 * `subscribeAll(await checkpoints.load(name), ...)` after a restart. Save after handling an
 * event: delivery is then at least once, and handlers are written to be idempotent.
 */
export interface CheckpointStore {
  /** The saved position, 0 when none was saved (read from the beginning). */
  load(name: string): Promise<number>;
  save(name: string, position: number): Promise<void>;
}

/**
 * Follows the store from where the follower `name` saved it was; a first start begins at the
 * head, and saves it, since what came before the follower existed is not its work. The handler
 * saves its position itself, after the events it acts on.
 */
export async function followFromCheckpoint(
  store: Pick<EventStore, 'headPosition' | 'subscribeAll'>,
  checkpoints: CheckpointStore,
  name: string,
  handler: EventHandler,
): Promise<Subscription> {
  let from = await checkpoints.load(name);
  if (!from) {
    from = await store.headPosition();
    await checkpoints.save(name, from);
  }
  return store.subscribeAll(from, handler);
}
