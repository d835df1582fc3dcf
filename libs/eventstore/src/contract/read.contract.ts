import { ids, newEvents, uniqueStream, type CurrentStore } from './fixtures';

export function readContract(current: CurrentStore): void {
  describe('reads', () => {
    it('reads a stream from a revision, inclusive', async () => {
      const store = current();
      const stream = uniqueStream();
      const events = newEvents(5);
      await store.append(stream, events.slice(0, 2), 'no_stream');
      await store.append(stream, events.slice(2), 1);
      expect(ids(await store.readStream(stream, 1))).toEqual(ids(events.slice(1)));
      expect(ids(await store.readStream(stream, 3))).toEqual(ids(events.slice(3)));
      expect(await store.readStream(stream, 5)).toEqual([]);
    });

    it('reads an absent stream as empty', async () => {
      expect(await current().readStream(uniqueStream('absent'))).toEqual([]);
    });

    it('reads all streams in append order, after a position (exclusive), at most limit', async () => {
      const store = current();
      const start = await store.headPosition();
      const [one, two] = [uniqueStream('one'), uniqueStream('two')];
      const events = newEvents(5);
      await store.append(one, events.slice(0, 2), 'no_stream');
      await store.append(two, events.slice(2, 3), 'no_stream');
      await store.append(one, events.slice(3), 1);

      const all = (await store.readAll(start)).filter((e) => e.stream === one || e.stream === two);
      expect(ids(all)).toEqual(ids(events));
      expect(all.map((event) => event.stream)).toEqual([one, one, two, one, one]);
      const positions = all.map((event) => event.position);
      expect(positions).toEqual([...positions].sort((a, b) => a - b));
      expect(new Set(positions).size).toBe(positions.length);

      expect(ids(await store.readAll(all[1].position, 2))).toEqual(ids(events.slice(2, 4)));
      // From the middle of a multi-event append: the rest of that append comes next.
      expect(ids(await store.readAll(all[0].position, 1))).toEqual([events[1].id]);
      expect(ids(await store.readAll(all[3].position))).toEqual([events[4].id]);
      expect(await store.readAll(all[4].position)).toEqual([]);
    });

    it('reports the head position: 0 or the last position, moving with appends', async () => {
      const store = current();
      const before = await store.headPosition();
      expect(before).toBeGreaterThanOrEqual(0);
      const result = await store.append(uniqueStream(), newEvents(2), 'no_stream');
      const head = await store.headPosition();
      expect(head).toBe(result.position);
      expect(head).toBeGreaterThan(before);
      expect((await store.readAll(before)).at(-1)?.position).toBe(head);
    });
  });
}
