import { jetstreamManager } from '@nats-io/jetstream';
import type { ConnectionOptions } from '@nats-io/nats-core';
import { randomUUID } from 'node:crypto';
import { natsUrl } from '../../../../../test/test-env';
import { JetStreamEventStore } from './jetstream-event-store';

describe('JetStreamEventStore.connect', () => {
  it('opens its own connection without async traces, and appends and reads on it', async () => {
    const id = randomUUID().replaceAll('-', '').slice(0, 12);
    const store = await JetStreamEventStore.connect(natsUrl(), {
      stream: `TEST_${id}`,
      prefix: `test-${id}`,
    });
    try {
      // Async traces cost two Errors, their stacks captured, per request: per append.
      const { options } = store.connection as unknown as { options: ConnectionOptions };
      expect(options.noAsyncTraces).toBe(true);
      const metadata = {
        userId: 'u',
        via: 'api' as const,
        correlationId: 'c',
        causationId: 'c',
        at: 1,
      };
      await store.append(
        's-1',
        [{ id: randomUUID(), type: 'Made', data: { n: 1 }, metadata }],
        'no_stream',
      );
      expect((await store.readStream('s-1')).map((e) => e.data)).toEqual([{ n: 1 }]);
    } finally {
      await (await jetstreamManager(store.connection)).streams.delete(`TEST_${id}`);
      await store.close();
    }
  });
});
