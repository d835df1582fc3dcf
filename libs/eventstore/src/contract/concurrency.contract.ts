import { WrongExpectedRevisionError } from '../port';
import { ids, newEvents, uniqueStream, type CurrentStore } from './fixtures';

export function concurrencyContract(current: CurrentStore): void {
  describe('concurrent appends', () => {
    it('lets exactly one of many appends with the same expected revision win', async () => {
      const store = current();
      const stream = uniqueStream();
      const first = newEvents(1);
      await store.append(stream, first, 'no_stream');
      const attempts = Array.from({ length: 12 }, () => newEvents(2));

      const outcomes = await Promise.allSettled(
        attempts.map((events) => store.append(stream, events, 0)),
      );
      const won = outcomes.flatMap((outcome, i) => (outcome.status === 'fulfilled' ? [i] : []));
      expect(won).toHaveLength(1);
      for (const outcome of outcomes) {
        if (outcome.status === 'rejected') {
          expect(outcome.reason).toBeInstanceOf(WrongExpectedRevisionError);
          expect(outcome.reason).toMatchObject({ expected: 0, actual: 2 });
        }
      }
      const stored = await store.readStream(stream);
      expect(ids(stored)).toEqual(ids([...first, ...attempts[won[0]]]));
      expect(stored.map((event) => event.revision)).toEqual([0, 1, 2]);
    });

    it('answers the same append made twice at once with one result, stored once', async () => {
      const store = current();
      const stream = uniqueStream();
      await store.append(stream, newEvents(1), 'no_stream');
      const events = newEvents(2);
      const [one, two] = await Promise.all([
        store.append(stream, events, 0),
        store.append(stream, events, 0),
      ]);
      expect(two).toEqual(one);
      expect(await store.readStream(stream)).toHaveLength(3);
    });

    it('keeps every event of concurrent appends to different streams', async () => {
      const store = current();
      const streams = Array.from({ length: 8 }, () => uniqueStream('parallel'));
      const batches = streams.map(() => newEvents(3));
      await Promise.all(streams.map((stream, i) => store.append(stream, batches[i], 'no_stream')));
      for (const [i, stream] of streams.entries()) {
        expect(ids(await store.readStream(stream))).toEqual(ids(batches[i]));
      }
    });
  });
}
