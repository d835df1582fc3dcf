import { natsUrl } from '../test-env';
import { api, signUp } from '../support/api';
import { startProcess, type MonitorProcess } from '../support/process-monitor';

/** Gateway, deployer and sync as separate processes on a real NATS with the JetStream store. */
describe('distributed mode', () => {
  const suffix = `${process.pid}_${Date.now()}`;
  const env = () => ({
    MONITOR_NATS_URL: natsUrl(),
    MONITOR_EVENT_STORE_KIND: 'jetstream',
    MONITOR_EVENT_STORE_STREAM: `E2E_${suffix}`,
    MONITOR_EVENT_STORE_SUBJECT_PREFIX: `e2e_${suffix}`,
  });
  const processes: MonitorProcess[] = [];
  let client: ReturnType<typeof api>;

  beforeAll(async () => {
    const services = await Promise.all([
      startProcess('deployer', env(), { http: false }),
      startProcess('sync', env(), { http: false }),
    ]);
    processes.push(...services);
    const gateway = await startProcess('gateway', env());
    processes.push(gateway);
    client = api(gateway.url, await signUp(gateway.url, 'admin'));
    // Each service answers once it has subscribed: the deployer (tags) and sync, started apart.
    await waitForService(() => client.call('write', 'CreateTag', { name: 'warmup' }));
    await waitForService(() => client.call('write', 'CreateResourceSync', { name: 'warmup' }));
  }, 60_000);

  afterAll(async () => {
    await Promise.all(processes.map((p) => p.stop()));
  });

  it('writes through the owning services and reads its own writes', async () => {
    const server = await client.write<{ _id: { $oid: string } }>('CreateServer', {
      name: 'remote-1',
    });
    const deployment = await client.write<{ config: { server_id: string } }>('CreateDeployment', {
      name: 'api',
      config: {
        server_id: 'remote-1',
        image: { type: 'Image', params: { image: 'busybox:latest' } },
      },
    });
    expect(deployment.config.server_id).toBe(server._id.$oid);
    const sync = await client.write<{ name: string }>('CreateResourceSync', { name: 'infra' });
    expect(sync.name).toBe('infra');
    const updated = await client.write<{ config: { network: string } }>('UpdateDeployment', {
      id: 'api',
      config: { network: 'bridge' },
    });
    expect(updated.config.network).toBe('bridge');
    const { updates } = await client.read<{ updates: { operation: string }[] }>('ListUpdates');
    expect(updates.slice(0, 4).map((u) => u.operation)).toEqual([
      'UpdateDeployment',
      'CreateResourceSync',
      'CreateDeployment',
      'CreateServer',
    ]);
    const conflict = await client.call('write', 'CreateServer', { name: 'remote-1' });
    expect(conflict.status).toBe(409);
  });

  it('answers 503 naming the subject when the owning service is not running', async () => {
    const answer = await client.call<{ error: string }>('write', 'CreateBuild', { name: 'b' });
    expect(answer.status).toBe(503);
    expect(answer.body.error).toContain('cmd.build.CreateBuild');
  });
});

/** The services subscribe to NATS a moment after they start; retry until one answers. */
async function waitForService(attempt: () => Promise<{ status: number }>): Promise<void> {
  const deadline = Date.now() + 30_000;
  let last = 0;
  while (Date.now() < deadline) {
    last = (await attempt()).status;
    // 409: an earlier attempt that timed out on its way back was done by the service after all.
    if (last === 200 || last === 409) return;
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`services did not answer within 30 s (last status ${last})`);
}
