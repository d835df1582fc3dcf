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
