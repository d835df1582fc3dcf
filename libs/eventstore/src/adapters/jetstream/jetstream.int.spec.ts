import { jetstreamManager } from '@nats-io/jetstream';
import type { NatsConnection } from '@nats-io/nats-core';
import { connect } from '@nats-io/transport-node';
import { randomUUID } from 'node:crypto';
import { natsUrl } from '../../../../../test/test-env';
import { checkpointsContract, eventStoreContract } from '../../contract';
import { JetStreamCheckpointStore } from './jetstream-checkpoint-store';
import { JetStreamEventStore } from './jetstream-event-store';

let connection: NatsConnection;
beforeAll(async () => {
  connection = await connect({ servers: natsUrl() });
});
afterAll(async () => {
  await connection.drain();
});

/** A JetStream stream and subject prefix of its own for each test, removed after it. */
function isolated(): { stream: string; prefix: string; remove: () => Promise<void> } {
  const id = randomUUID().replaceAll('-', '').slice(0, 12);
  const stream = `TEST_${id}`;
  return {
    stream,
    prefix: `test-${id}`,
    remove: async () => {
      await (await jetstreamManager(connection)).streams.delete(stream);
    },
  };
}

eventStoreContract('jetstream', async () => {
  const { stream, prefix, remove } = isolated();
  const store = await JetStreamEventStore.open(connection, { stream, prefix });
  return {
    store,
    cleanup: async () => {
      await store.close();
      await remove();
    },
  };
});

checkpointsContract('jetstream', async () => {
  const { stream, prefix, remove } = isolated();
  const checkpoints = await JetStreamCheckpointStore.open(connection, { stream, prefix });
  return { checkpoints, cleanup: remove };
});
