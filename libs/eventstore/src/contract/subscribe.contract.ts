import type { StoredEvent } from '../port';
import { delay, eventually, ids, newEvents, uniqueStream, type CurrentStore } from './fixtures';

export function subscribeContract(current: CurrentStore): void {
  describe('subscribeAll', () => {
    it('delivers history then live events in order, one at a time, until closed', async () => {
      const store = current();
      const start = await store.headPosition();
      const stream = uniqueStream();
      const events = newEvents(6);
      await store.append(stream, events.slice(0, 3), 'no_stream');

      const seen: StoredEvent[] = [];
      let inHandler = 0;
      let overlapped = false;
      const subscription = store.subscribeAll(start, async (event) => {
        overlapped ||= inHandler > 0;
        inHandler++;
        await delay(5);
        if (event.stream === stream) seen.push(event);
        inHandler--;
      });
      await eventually(() => seen.length === 3, 'history delivered');
      await store.append(stream, events.slice(3, 5), 2);
      await eventually(() => seen.length === 5, 'live events delivered');
      await subscription.close();

      await store.append(stream, events.slice(5), 4);
      await delay(300);
      expect(ids(seen)).toEqual(ids(events.slice(0, 5)));
      expect(seen.map((event) => event.revision)).toEqual([0, 1, 2, 3, 4]);
      expect(overlapped).toBe(false);
    });

    it('starts after the given position, exclusive', async () => {
      const store = current();
      const stream = uniqueStream();
      const events = newEvents(4);
      await store.append(stream, events, 'no_stream');
      const stored = await store.readStream(stream);

      const seen: StoredEvent[] = [];
      const subscription = store.subscribeAll(stored[1].position, (event) => {
        if (event.stream === stream) seen.push(event);
      });
      await eventually(() => seen.length === 2, 'events after the position delivered');
      await delay(100);
      await subscription.close();
      expect(ids(seen)).toEqual(ids(events.slice(2)));
    });

    it('hands events frozen through: no subscriber changes one for the others', async () => {
      const store = current();
      const start = await store.headPosition();
      const stream = uniqueStream();
      const [event] = newEvents(1);
      await store.append(stream, [{ ...event, data: { list: [{ n: 1 }] } }], 'no_stream');
      const seen: StoredEvent[] = [];
      const subscription = store.subscribeAll(start, (e) => {
        if (e.stream === stream) seen.push(e);
      });
      await eventually(() => seen.length === 1, 'the event delivered');
      await subscription.close();
      const { list } = seen[0].data as { list: { n: number }[] };
      const frozen = [seen[0], seen[0].data, list, list[0], seen[0].metadata];
      expect(frozen.map(Object.isFrozen)).toEqual([true, true, true, true, true]);
      expect(() => list.push({ n: 2 })).toThrow(TypeError);
      expect((await store.readStream(stream))[0].data).toEqual({ list: [{ n: 1 }] });
    });
  });
}
