import { checkpointsContract, eventStoreContract } from '../../contract';
import { MemoryCheckpointStore } from './memory-checkpoint-store';
import { MemoryEventStore } from './memory-event-store';

eventStoreContract('memory', async () => {
  const store = new MemoryEventStore();
  return { store, cleanup: () => store.close() };
});

checkpointsContract('memory', async () => ({
  checkpoints: new MemoryCheckpointStore(),
  cleanup: async () => undefined,
}));
