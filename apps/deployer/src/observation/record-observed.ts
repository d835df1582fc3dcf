import type { DomainEvent } from '@monitor/domain';
import type { AppendResult, EventStore } from '@monitor/eventstore';
import { eventMetadata, newId, systemMeta } from '@monitor/resources';

/**
 * Appends what polling observed to its stream, as the system. One poller at a time writes a
 * resource's observation stream; `any` keeps a lagging read model harmless.
 */
export function recordObserved(
  store: EventStore,
  stream: string,
  events: DomainEvent[],
): Promise<AppendResult> {
  const metadata = eventMetadata(systemMeta());
  return store.append(
    stream,
    events.map((e) => ({ id: newId(), type: e.type, data: e.data, metadata })),
    'any',
  );
}
