import { checkpointsContract, eventStoreContract } from '../../contract';
import { KurrentDbCheckpointStore } from './kurrentdb-checkpoint-store';
import { KurrentDbEventStore } from './kurrentdb-event-store';

/**
 * KurrentDB cannot run here (no image registry, no package): the contract runs against the
 * server at EVENTSTORE_URL (`kurrentdb://admin:changeit@127.0.0.1:2113?tls=false`) when it is
 * set. Without it, only what needs no server is checked, so nothing is reported as skipped.
 */
const url = process.env.EVENTSTORE_URL;

if (url) {
  // One server shared by every test and run: the contract uses fresh stream names and
  // positions relative to the head, so that is enough isolation.
  eventStoreContract('kurrentdb', async () => {
    const store = KurrentDbEventStore.fromConnectionString(url);
    return { store, cleanup: () => store.close() };
  });
  checkpointsContract('kurrentdb', async () => {
    const store = KurrentDbEventStore.fromConnectionString(url);
    return {
      checkpoints: new KurrentDbCheckpointStore(store.client),
      cleanup: () => store.close(),
    };
  });
} else {
  describe('KurrentDbEventStore without a server', () => {
    it('builds from a connection string without connecting, and disposes', async () => {
      const store = KurrentDbEventStore.fromConnectionString('kurrentdb://127.0.0.1:1?tls=false');
      await store.close();
      await expect(store.readStream('s')).rejects.toMatchObject({ code: 'STORE_CLOSED' });
    });
  });
}
