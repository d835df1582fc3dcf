import { MemoryEventStore } from './adapters/memory';
import type { StoredEvent } from './port';
import { withUpcasting } from './upcasting-event-store';

describe('an event store that upcasts what it reads', () => {
  const metadata = {
    userId: 'u',
    via: 'api' as const,
    correlationId: 'c',
    causationId: 'c',
    at: 1,
  };
  const upcast = (e: StoredEvent): StoredEvent =>
    e.schemaVersion === 1 ? { ...e, data: { upcast: true }, schemaVersion: 2 } : e;

  it('gives readStream, readAll and subscribers the current version; the store keeps the old one', async () => {
    const raw = new MemoryEventStore();
    const store = withUpcasting(raw, upcast);
    await store.append(
      's-1',
      [{ id: 'e1', type: 'T', data: { old: true }, metadata }],
      'no_stream',
    );
    await store.append('s-1', [{ id: 'e2', type: 'T', data: {}, metadata, schemaVersion: 2 }], 0);
    const versions = (events: StoredEvent[]) => events.map((e) => [e.schemaVersion, e.data]);
    expect(versions(await store.readStream('s-1'))).toEqual([
      [2, { upcast: true }],
      [2, {}],
    ]);
    expect(versions(await store.readAll())).toEqual(versions(await store.readStream('s-1')));
    const seen: StoredEvent[] = [];
    const subscription = store.subscribeAll(0, (e) => void seen.push(e));
    while (seen.length < 2) await new Promise((r) => setTimeout(r, 5));
    await subscription.close();
    expect(versions(seen)).toEqual(versions(await store.readAll()));
    expect(versions(await raw.readStream('s-1'))[0]).toEqual([1, { old: true }]);
    await store.close();
  });
});
