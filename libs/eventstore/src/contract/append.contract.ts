import { EventStoreError } from '../errors';
import { WrongExpectedRevisionError } from '../port';
import { ids, newEvents, rejectionOf, uniqueStream, type CurrentStore } from './fixtures';

export function appendContract(current: CurrentStore): void {
  describe('append', () => {
    it('appends to a new stream with no_stream; revisions start at 0 and are contiguous', async () => {
      const store = current();
      const stream = uniqueStream();
      const events = newEvents(3);
      const result = await store.append(stream, events, 'no_stream');
      const stored = await store.readStream(stream);
      expect(ids(stored)).toEqual(ids(events));
      expect(stored.map((event) => event.revision)).toEqual([0, 1, 2]);
      expect(stored.every((event) => event.stream === stream)).toBe(true);
      expect(result).toEqual({ revision: 2, position: stored[2].position });
    });

    it('refuses a second no_stream append, naming the actual revision', async () => {
      const store = current();
      const stream = uniqueStream();
      await store.append(stream, newEvents(2), 'no_stream');
      const error = await rejectionOf(store.append(stream, newEvents(1), 'no_stream'));
      expect(error).toBeInstanceOf(WrongExpectedRevisionError);
      expect(error).toMatchObject({
        code: 'WRONG_EXPECTED_REVISION',
        stream,
        expected: 'no_stream',
        actual: 1,
      });
    });

    it('appends with the current revision as expected, continuing the revisions', async () => {
      const store = current();
      const stream = uniqueStream();
      await store.append(stream, newEvents(2), 'no_stream');
      const result = await store.append(stream, newEvents(2), 1);
      expect(result.revision).toBe(3);
      const stored = await store.readStream(stream);
      expect(stored.map((event) => event.revision)).toEqual([0, 1, 2, 3]);
    });

    it('refuses a stale expected revision and stores nothing', async () => {
      const store = current();
      const stream = uniqueStream();
      await store.append(stream, newEvents(3), 'no_stream');
      const head = await store.headPosition();
      const error = await rejectionOf(store.append(stream, newEvents(2), 0));
      expect(error).toBeInstanceOf(WrongExpectedRevisionError);
      expect(error).toMatchObject({ expected: 0, actual: 2 });
      expect(await store.readStream(stream)).toHaveLength(3);
      expect(await store.headPosition()).toBe(head);
    });

    it('refuses a numeric expected revision on an absent stream with actual no_stream', async () => {
      const store = current();
      const stream = uniqueStream();
      const error = await rejectionOf(store.append(stream, newEvents(1), 0));
      expect(error).toMatchObject({ code: 'WRONG_EXPECTED_REVISION', actual: 'no_stream' });
      expect(await store.readStream(stream)).toEqual([]);
    });

    it('appends with any, to an absent stream and to an existing one', async () => {
      const store = current();
      const stream = uniqueStream();
      expect((await store.append(stream, newEvents(1), 'any')).revision).toBe(0);
      await store.append(stream, newEvents(1), 0);
      expect((await store.append(stream, newEvents(2), 'any')).revision).toBe(3);
    });

    it('rejects malformed appends with INVALID_APPEND', async () => {
      const store = current();
      const stream = uniqueStream();
      const [event] = newEvents(1);
      const malformed = [
        store.append(stream, [], 'any'),
        store.append(stream, [event, { ...event }], 'any'),
        store.append(stream, newEvents(1), -1),
        store.append('', newEvents(1), 'any'),
      ];
      for (const attempt of malformed) {
        const error = await rejectionOf(attempt);
        expect(error).toBeInstanceOf(EventStoreError);
        expect(error).toMatchObject({ code: 'INVALID_APPEND' });
      }
      expect(await store.readStream(stream)).toEqual([]);
    });
  });
}
