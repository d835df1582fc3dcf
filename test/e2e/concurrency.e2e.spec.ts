import { replayResource, resourceStream } from '@monitor/domain';
import type { ApiClient } from '../support/api';
import { startEmbedded, type EmbeddedMonitor } from '../support/embedded';

describe('concurrent writers', () => {
  let monitor: EmbeddedMonitor;
  let client: ApiClient;

  beforeAll(async () => {
    monitor = await startEmbedded();
    client = monitor.admin;
  });
  afterAll(() => monitor.destroy());

  it('50 concurrent UpdateDeployment: each applied or 409, and the state equals a replay', async () => {
    const created = await client.write<{ _id: { $oid: string } }>('CreateDeployment', {
      name: 'contended',
    });
    const id = created._id.$oid;
    const answers = await Promise.all(
      Array.from({ length: 50 }, (_, i) =>
        client.call('write', 'UpdateDeployment', {
          id,
          config: { command: `run ${i}`, labels: `n=${i}` },
        }),
      ),
    );
    const statuses = answers.map((a) => a.status);
    expect(statuses.every((s) => s === 200 || s === 409)).toBe(true);
    const applied = answers
      .filter((a) => a.status === 200)
      .map((a) => (a.body as { config: { command: string } }).config.command);
    expect(applied.length).toBeGreaterThan(0);

    const events = await monitor.runtime.store.readStream(resourceStream('Deployment', id));
    const updates = events.filter((e) => e.type === 'DeploymentConfigUpdated');
    // every acknowledged write is in the log, and nothing else is
    expect(updates.length).toBe(applied.length);
    const logged = updates.map(
      (e) => (e.data as { diff: { command: { to: string } } }).diff.command.to,
    );
    expect(new Set(logged)).toEqual(new Set(applied));

    const replayed = replayResource(events.map((e) => ({ ...e, at: e.metadata.at })));
    const current = await client.read<{ config: Record<string, unknown> }>('GetDeployment', {
      deployment: id,
    });
    expect(replayed.status).toBe('Active');
    if (replayed.status === 'Active') expect(current.config).toEqual(replayed.resource.config);
  });

  it('two creates of one name at once: exactly one wins', async () => {
    const answers = await Promise.all(
      Array.from({ length: 10 }, () => client.call('write', 'CreateServer', { name: 'race' })),
    );
    expect(answers.filter((a) => a.status === 200)).toHaveLength(1);
    expect(answers.filter((a) => a.status === 409)).toHaveLength(9);
    expect(
      (await client.read<unknown[]>('ListServers', { query: { names: ['race'] } })).length,
    ).toBe(1);
  });
});
