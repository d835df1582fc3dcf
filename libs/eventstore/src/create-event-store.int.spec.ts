import { jetstreamManager } from '@nats-io/jetstream';
import { connect } from '@nats-io/transport-node';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { natsUrl } from '../../../test/test-env';
import { newEvents } from './contract/fixtures';
import { createEventStore, type EventStoreOptions } from './create-event-store';

async function roundTrip(options: EventStoreOptions): Promise<void> {
  const { store, checkpoints } = await createEventStore(options);
  try {
    const result = await store.append('deployment-1', newEvents(2), 'no_stream');
    expect(await store.readStream('deployment-1')).toHaveLength(2);
    await checkpoints.save('projection', result.position);
    expect(await checkpoints.load('projection')).toBe(result.position);
  } finally {
    await store.close();
  }
}

describe('createEventStore', () => {
  it('makes a memory store with checkpoints', async () => {
    await roundTrip({ kind: 'memory' });
  });

  it('makes a sqlite store with checkpoints in the same file', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'monitor-factory-'));
    try {
      await roundTrip({ kind: 'sqlite', path: join(dir, 'events.db') });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('makes a JetStream store on its own connection, with checkpoints beside it', async () => {
    const id = randomUUID().replaceAll('-', '').slice(0, 12);
    const stream = `FACTORY_${id}`;
    await roundTrip({ kind: 'jetstream', servers: natsUrl(), stream, prefix: `factory-${id}` });
    const connection = await connect({ servers: natsUrl() });
    const jsm = await jetstreamManager(connection);
    expect((await jsm.streams.info(`${stream}_CHECKPOINTS`)).config.subjects).toEqual([
      `factory-${id}-checkpoints.>`,
    ]);
    await jsm.streams.delete(stream);
    await jsm.streams.delete(`${stream}_CHECKPOINTS`);
    await connection.close();
  });

  it('makes a KurrentDB store without connecting', async () => {
    const { store } = await createEventStore({
      kind: 'kurrentdb',
      connectionString: 'kurrentdb://127.0.0.1:1?tls=false',
    });
    await store.close();
  });
});
