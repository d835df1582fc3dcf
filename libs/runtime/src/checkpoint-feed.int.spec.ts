import {
  MemoryCheckpointStore,
  MemoryEventStore,
  type CheckpointStore,
  type EventStore,
  type StoredEvent,
} from '@monitor/eventstore';
import { CheckpointFeed } from './checkpoint-feed';

const metadata = { userId: 'u', via: 'api' as const, correlationId: 'c', causationId: 'c', at: 1 };

/** Saves after every event it is handed, as the services' feeds save after theirs. */
class SavingFeed extends CheckpointFeed {
  readonly seen: StoredEvent[] = [];

  constructor(store: EventStore, checkpoints: CheckpointStore) {
    super(store, checkpoints, 'test-feed');
  }

  protected async handle(event: StoredEvent): Promise<void> {
    this.seen.push(event);
    await this.checkpoints.save('test-feed', event.position);
  }
}

describe('a checkpointed feed', () => {
  it('writes its first checkpoint at once and its last as it stops, not one per event', async () => {
    const store = new MemoryEventStore();
    const written = new MemoryCheckpointStore();
    const writes: number[] = [];
    const counted: CheckpointStore = {
      load: (name) => written.load(name),
      save: async (name, position) => {
        writes.push(position);
        await written.save(name, position);
      },
    };
    await store.append('s-1', [{ id: 'e0', type: 'T', data: {}, metadata }], 'no_stream');
    const feed = new SavingFeed(store, counted);
    await feed.onApplicationBootstrap();
    expect(writes).toEqual([1]);
    for (let i = 1; i <= 20; i++)
      await store.append('s-1', [{ id: `e${i}`, type: 'T', data: {}, metadata }], i - 1);
    while (feed.seen.length < 20) await new Promise((resolve) => setTimeout(resolve, 5));
    await feed.onApplicationShutdown();
    expect(writes).toEqual([1, 21]);
    expect(await written.load('test-feed')).toBe(21);
    await store.close();
  });
});
