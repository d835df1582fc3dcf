import { MemoryCheckpointStore } from './adapters/memory/memory-checkpoint-store';
import { MemoryEventStore } from './adapters/memory/memory-event-store';
import { JetStreamCheckpointStore } from './adapters/jetstream/jetstream-checkpoint-store';
import { JetStreamEventStore } from './adapters/jetstream/jetstream-event-store';
import { KurrentDbCheckpointStore } from './adapters/kurrentdb/kurrentdb-checkpoint-store';
import { KurrentDbEventStore } from './adapters/kurrentdb/kurrentdb-event-store';
import type { SqliteDurability } from './adapters/sqlite/sqlite-database';
import { SqliteEventStore } from './adapters/sqlite/sqlite-event-store';
import type { CheckpointStore } from './checkpoints';
import type { EventStore } from './port';

export type EventStoreOptions =
  | { kind: 'memory' }
  | { kind: 'sqlite'; path: string; durability?: SqliteDurability }
  | { kind: 'jetstream'; servers: string | string[]; stream?: string; prefix?: string }
  | { kind: 'kurrentdb'; connectionString: string };

export interface EventStoreHandle {
  store: EventStore;
  /** Checkpoints kept by the same engine; usable until `store.close()`. */
  checkpoints: CheckpointStore;
}

/** The configured event store and its checkpoints: the one place that chooses an adapter. */
export async function createEventStore(options: EventStoreOptions): Promise<EventStoreHandle> {
  switch (options.kind) {
    case 'memory':
      return { store: new MemoryEventStore(), checkpoints: new MemoryCheckpointStore() };
    case 'sqlite': {
      const store = new SqliteEventStore(options.path, { durability: options.durability });
      return { store, checkpoints: store.checkpoints() };
    }
    case 'jetstream': {
      const store = await JetStreamEventStore.connect(options.servers, options);
      // Checkpoints live beside the events: `<stream>_CHECKPOINTS` on `<prefix>-checkpoints.>`.
      const { stream, prefix } = store.location;
      try {
        const checkpoints = await JetStreamCheckpointStore.open(store.connection, {
          stream: `${stream}_CHECKPOINTS`,
          prefix: `${prefix}-checkpoints`,
        });
        return { store, checkpoints };
      } catch (error) {
        await store.close();
        throw error;
      }
    }
    case 'kurrentdb': {
      const store = KurrentDbEventStore.fromConnectionString(options.connectionString);
      return { store, checkpoints: new KurrentDbCheckpointStore(store.client) };
    }
  }
}
