import type { MonitorConfig } from '@monitor/config';
import { EVENT_UPCASTING } from '@monitor/domain';
import {
  createEventStore,
  withUpcasting,
  type CheckpointStore,
  type EventStore,
} from '@monitor/eventstore';
import { ReadModel } from '@monitor/projections';
import { loadKeyring, type Keyring } from '@monitor/secrets';
import { mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';

/** What one process holds once: the event store, its checkpoints, the read model. */
export interface Runtime {
  config: MonitorConfig;
  /** Seals and opens every secret; its master key lives outside the event store. */
  keyring: Keyring;
  store: EventStore;
  checkpoints: CheckpointStore;
  readModel: ReadModel;
  close(): Promise<void>;
}

export async function createRuntime(config: MonitorConfig): Promise<Runtime> {
  const keyring = loadKeyring({
    keyFile: config.secrets.key_file || undefined,
    dataDir: resolve(config.data_dir),
  });
  const opened = await createEventStore(createRuntimeStoreOptions(config));
  const store = withUpcasting(opened.store, (event) => EVENT_UPCASTING.upcast(event));
  const { checkpoints } = opened;
  const readModel = new ReadModel();
  readModel.start(store);
  await readModel.waitFor(await store.headPosition(), 120_000);
  return {
    config,
    keyring,
    store,
    checkpoints,
    readModel,
    close: async () => {
      await readModel.stop();
      await store.close();
    },
  };
}

/** The event store options a config names (also used by command-line tools). */
export function createRuntimeStoreOptions(
  config: MonitorConfig,
): Parameters<typeof createEventStore>[0] {
  const { event_store: es, nats } = config;
  switch (es.kind) {
    case 'sqlite': {
      const dir = resolve(config.data_dir);
      mkdirSync(dir, { recursive: true });
      return { kind: 'sqlite', path: join(dir, 'events.sqlite') };
    }
    case 'jetstream':
      return {
        kind: 'jetstream',
        servers: nats.url.split(','),
        stream: es.stream,
        prefix: es.subject_prefix,
      };
    case 'kurrentdb':
      return { kind: 'kurrentdb', connectionString: es.url };
    case 'memory':
      return { kind: 'memory' };
  }
}
