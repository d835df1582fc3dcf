import { START, streamNameFilter, type Filter, type ReadPosition } from '@kurrent/kurrentdb-client';

/** Stream category of the checkpoint streams, kept out of `readAll` and `subscribeAll`. */
export const CHECKPOINT_CATEGORY = 'monitorcheckpoint';

/**
 * What `$all` reads skip: system streams (`$...`: metadata, projections' link events) and the
 * checkpoint streams, which are bookkeeping, not domain events.
 */
export const domainEventsOnly = (): Filter =>
  streamNameFilter({ regex: `^(?!\\$|${CHECKPOINT_CATEGORY}-)` });

/**
 * Where to start reading `$all` to see the events after `position` (a prepare position, see
 * `fromRecorded`). Events at or before it may come too; readers skip them.
 */
export function readFrom(position: number): ReadPosition {
  if (position <= 0) return START;
  const at = BigInt(position);
  return { commit: at, prepare: at };
}
