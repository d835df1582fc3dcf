import 'reflect-metadata';
import { loadConfig } from '@monitor/config';
import { createEventStore, type EventStore } from '@monitor/eventstore';
import { createRuntimeStoreOptions, runMain } from '@monitor/runtime';
import {
  collectSealed,
  masterKeyPath,
  retireMasterKey,
  rotateMasterKey,
  type SealedSecret,
} from '@monitor/secrets';
import { resolve } from 'node:path';

const USAGE = `usage: npm run secrets -- rotate | retire <key id> [--force]

  rotate        make a new master key current and re-wrap every secret's data key under it
  retire <kid>  remove an old master key once every process has been restarted since rotate

No stored event is rewritten. Back up the key file after each step.`;

/** `npm run secrets -- rotate | retire <kid>`: master key rotation (envelope encryption). */
runMain(async () => {
  const [command, kid] = process.argv.slice(2);
  if (command !== 'rotate' && command !== 'retire') throw new Error(USAGE);
  if (command === 'retire' && !kid) throw new Error(USAGE);
  const config = loadConfig();
  const keyFile = config.secrets.key_file || masterKeyPath(resolve(config.data_dir));
  const { store } = await createEventStore(createRuntimeStoreOptions(config));
  try {
    const refs = await sealedSecrets(store);
    const report =
      command === 'rotate'
        ? rotateMasterKey(keyFile, refs)
        : retireMasterKey(keyFile, kid, refs, { force: process.argv.includes('--force') });
    console.log(JSON.stringify({ command, keyFile, secrets: refs.length, ...report }, null, 2));
    if (report.unreadable.length) process.exitCode = 2;
  } finally {
    await store.close();
  }
});

async function sealedSecrets(store: EventStore): Promise<SealedSecret[]> {
  const found: SealedSecret[] = [];
  for (let after = 0; ;) {
    const page = await store.readAll(after, 2000);
    if (!page.length) return found;
    for (const event of page) found.push(...collectSealed(event.data));
    after = page[page.length - 1].position;
  }
}
