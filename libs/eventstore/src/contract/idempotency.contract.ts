import { EventStoreError } from '../errors';
import { WrongExpectedRevisionError } from '../port';
import { ids, newEvents, rejectionOf, uniqueStream, type CurrentStore } from './fixtures';

export function idempotencyContract(current: CurrentStore): void {
  describe('idempotent append by event id', () => {
    it('answers the original result when the same append is repeated', async () => {
      const store = current();
      const stream = uniqueStream();
      const first = newEvents(2);
      const second = newEvents(3);
      await store.append(stream, first, 'no_stream');
      const original = await store.append(stream, second, 1);

      expect(await store.append(stream, second, 1)).toEqual(original);
      expect(await store.append(stream, first, 'no_stream')).toEqual({
        revision: 1,
        position: (await store.readStream(stream))[1].position,
      });
      expect(ids(await store.readStream(stream))).toEqual(ids([...first, ...second]));
    });

    it('does not duplicate when the same events are appended again with any', async () => {
      const store = current();
      const stream = uniqueStream();
      const events = newEvents(2);
      const original = await store.append(stream, events, 'any');
      await store.append(stream, newEvents(1), 'any');
      expect(await store.append(stream, events, 'any')).toEqual(original);
      expect(await store.readStream(stream)).toHaveLength(3);
    });

    it('still conflicts when none of the ids is stored', async () => {
      const store = current();
      const stream = uniqueStream();
      await store.append(stream, newEvents(1), 'no_stream');
      const error = await rejectionOf(store.append(stream, newEvents(1), 'no_stream'));
      expect(error).toBeInstanceOf(WrongExpectedRevisionError);
    });

    it('refuses ids stored in another order, or only some of them, with DUPLICATE_EVENT_ID', async () => {
      const store = current();
      const stream = uniqueStream();
      const events = newEvents(2);
      await store.append(stream, events, 'no_stream');

      const reordered = await rejectionOf(
        store.append(stream, [events[1], events[0]], 'no_stream'),
      );
      expect(reordered).toBeInstanceOf(EventStoreError);
      expect(reordered).toMatchObject({ code: 'DUPLICATE_EVENT_ID' });
      const partial = await rejectionOf(store.append(stream, [events[1], ...newEvents(1)], 0));
      expect(partial).toMatchObject({ code: 'DUPLICATE_EVENT_ID' });
      expect(await store.readStream(stream)).toHaveLength(2);
    });
  });
}
