import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { checkpointsContract, eventStoreContract } from '../../contract';
import { SqliteEventStore } from './sqlite-event-store';

function tempFile(): { path: string; remove: () => void } {
  const dir = mkdtempSync(join(tmpdir(), 'monitor-sqlite-'));
  return {
    path: join(dir, 'events.db'),
    remove: () => rmSync(dir, { recursive: true, force: true }),
  };
}

eventStoreContract('sqlite', async () => {
  const file = tempFile();
  const store = new SqliteEventStore(file.path);
  return {
    store,
    cleanup: async () => {
      await store.close();
      file.remove();
    },
  };
});

checkpointsContract('sqlite', async () => {
  const file = tempFile();
  const store = new SqliteEventStore(file.path);
  return {
    checkpoints: store.checkpoints(),
    cleanup: async () => {
      await store.close();
      file.remove();
    },
  };
});
