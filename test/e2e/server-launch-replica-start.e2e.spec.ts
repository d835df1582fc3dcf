import { ExecutionRunner, ServerAgents } from '@monitor/executions';
import { ServerExecutionsController } from '../../apps/deployer/src/servers/server-executions.controller';
import { startEmbedded, type EmbeddedMonitor } from '../support/embedded';
import { eventually } from '../support/eventually';
import { startFakeClouds, type FakeClouds } from '../support/fake-clouds';
import { freePort } from '../support/free-port';
import type { UpdateView } from '../support/updates';

/**
 * A deployer replica marks the Updates a crash left unfinished as interrupted when it starts;
 * a launch another replica began after this one's process started is live, and runs on.
 */
describe('a deployer replica starting while another one launches', () => {
  let clouds: FakeClouds;
  let monitor: EmbeddedMonitor;

  beforeAll(async () => {
    clouds = await startFakeClouds();
    monitor = await startEmbedded(clouds.env);
  });
  afterAll(async () => {
    await monitor?.destroy();
    await clouds?.close();
  });

  it("leaves the live launch's Update in progress", async () => {
    const get = <T>(type: new (...args: never[]) => T) => monitor.app.get(type, { strict: false });
    // The replica's process starts (its controller is made), then the other replica launches.
    const replica = new ServerExecutionsController(
      monitor.runtime.readModel,
      get(ServerAgents),
      get(ExecutionRunner),
    );
    clouds.ec2.neverReachRunning();
    await monitor.admin.write('CreateServerTemplate', {
      name: 'tpl',
      config: { type: 'Aws', params: { ami_id: 'ami-0123456789abcdef0', port: await freePort() } },
    });
    const started = await monitor.admin.execute<UpdateView>('LaunchServer', {
      name: 'live',
      server_template: 'tpl',
    });
    await eventually(async () => expect(clouds.ec2.instances.size).toBe(1));

    await replica.onApplicationBootstrap();
    const update = await monitor.admin.read<UpdateView>('GetUpdate', { id: started._id.$oid });
    expect(update.status).toBe('InProgress');
    expect(update.logs.map((l) => l.stage)).not.toContain('interrupted');
  });
});
