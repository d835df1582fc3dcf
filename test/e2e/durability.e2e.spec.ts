import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { api, signUp } from '../support/api';
import { startProcess, type MonitorProcess } from '../support/process-monitor';

describe('the embedded process (npm start) under kill -9', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'monitor-kill-'));
  let monitor: MonitorProcess | undefined;

  afterAll(async () => {
    await monitor?.stop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('loses none of 1,000 acknowledged writes, and rebuilds identical read models', async () => {
    monitor = await startProcess('monitor', { MONITOR_DATA_DIR: dataDir });
    const auth = await signUp(monitor.url, 'admin');
    let client = api(monitor.url, auth);
    await client.write('CreateDeployment', { name: 'durable' });
    const acknowledged: string[] = [];
    for (let i = 0; i < 1000; i++) {
      if (i % 10 === 0) {
        await client.write('CreateTag', { name: `tag-${i}` });
        acknowledged.push(`tag-${i}`);
      } else {
        await client.write('UpdateDeployment', { id: 'durable', config: { command: `c${i}` } });
      }
    }
    const before = {
      deployment: await client.read<unknown>('GetDeployment', { deployment: 'durable' }),
      tags: await client.read<unknown>('ListTags'),
      updates: await client.read<unknown>('ListUpdates', { page: 0 }),
      history: await client.read<unknown>('GetResourceHistory', {
        target: { type: 'Deployment', id: 'durable' },
      }),
    };
    monitor.child.kill('SIGKILL');
    await new Promise((resolve) => monitor?.child.once('exit', resolve));

    monitor = await startProcess('monitor', { MONITOR_DATA_DIR: dataDir });
    client = api(monitor.url, auth);
    const after = {
      deployment: await client.read<unknown>('GetDeployment', { deployment: 'durable' }),
      tags: await client.read<unknown>('ListTags'),
      updates: await client.read<unknown>('ListUpdates', { page: 0 }),
      history: await client.read<unknown>('GetResourceHistory', {
        target: { type: 'Deployment', id: 'durable' },
      }),
    };
    expect((after.deployment as { config: { command: string } }).config.command).toBe('c999');
    expect((after.tags as { name: string }[]).map((t) => t.name).sort()).toEqual(
      [...acknowledged].sort(),
    );
    expect((after.history as unknown[]).length).toBe(1 + 900);
    expect(after).toEqual(before);
  }, 120_000);
});
