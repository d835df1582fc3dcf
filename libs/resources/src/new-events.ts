import { EVENT_UPCASTING, type DomainEvent } from '@monitor/domain';
import type { NewEvent } from '@monitor/eventstore';
import { eventMetadata, type CommandMeta } from './command-meta';
import { newId } from './ids';

/**
 * Decided events as the store takes them: each with an id of its own, the command's metadata,
 * and its type's current schema version, so that readers know which upcasters it still needs.
 */
export function toNewEvents(
  decided: readonly DomainEvent[],
  meta: CommandMeta,
): Required<NewEvent>[] {
  const metadata = eventMetadata(meta);
  return decided.map((e) => ({
    id: newId(),
    type: e.type,
    data: e.data,
    metadata,
    schemaVersion: EVENT_UPCASTING.version(e.type),
  }));
}
