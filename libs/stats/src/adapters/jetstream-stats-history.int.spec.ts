import { jetstreamManager } from '@nats-io/jetstream';
import { nanos, type NatsConnection } from '@nats-io/nats-core';
import { connect } from '@nats-io/transport-node';
import { randomUUID } from 'node:crypto';
import { natsUrl } from '../../../../test/test-env';
import { clock, rec } from '../contract/fixtures';
import { statsHistoryContract } from '../contract/stats-history.contract';
import { JetStreamStatsHistory } from './jetstream-stats-history';

let connection: NatsConnection;
beforeAll(async () => {
  connection = await connect({ servers: natsUrl() });
});
afterAll(async () => {
  await connection.drain();
});

/** A JetStream stream and subject prefix of its own for each test, removed after it. */
function isolated() {
  const id = randomUUID().replaceAll('-', '').slice(0, 12);
  const stream = `TEST_STATS_${id}`;
  return {
    stream,
    prefix: `test-stats-${id}`,
    remove: async () => {
      await (await jetstreamManager(connection)).streams.delete(stream);
    },
  };
}

const DAY = 24 * 3600_000;

statsHistoryContract('jetstream', async (now) => {
  const { stream, prefix, remove } = isolated();
  const history = await JetStreamStatsHistory.open(connection, {
    stream,
    prefix,
    maxAgeMs: DAY,
    now,
  });
  return {
    history,
    cleanup: async () => {
      await history.close();
      await remove();
    },
  };
});

describe('jetstream stats history', () => {
  it('leaves retention to the stream: max_age is set, and follows the configuration', async () => {
    const { stream, prefix, remove } = isolated();
    try {
      await JetStreamStatsHistory.open(connection, { stream, prefix, maxAgeMs: DAY });
      const jsm = await jetstreamManager(connection);
      const { config } = await jsm.streams.info(stream);
      expect(config.max_age).toBe(nanos(DAY));
      expect(config.subjects).toEqual([`${prefix}.>`]);
      await JetStreamStatsHistory.open(connection, { stream, prefix, maxAgeMs: 2 * DAY });
      expect((await jsm.streams.info(stream)).config.max_age).toBe(nanos(2 * DAY));
    } finally {
      await remove();
    }
  });

  it('lets NATS expire records past max_age', async () => {
    const { stream, prefix, remove } = isolated();
    try {
      const { base, now } = clock();
      const history = await JetStreamStatsHistory.open(connection, {
        stream,
        prefix,
        maxAgeMs: 1000,
        now,
      });
      await history.record('s1', rec(base));
      expect((await history.query('s1', { granularity: '1-min' })).stats).toHaveLength(1);
      const deadline = Date.now() + 8000;
      while ((await history.query('s1', { granularity: '1-min' })).stats.length > 0) {
        if (Date.now() > deadline) throw new Error('the record did not expire');
        await new Promise((resolve) => setTimeout(resolve, 200));
      }
    } finally {
      await remove();
    }
  });
});
