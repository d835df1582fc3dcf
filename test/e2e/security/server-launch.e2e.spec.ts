import type { ApiClient } from '../../support/api';
import { startEmbedded, type EmbeddedMonitor } from '../../support/embedded';
import { startFakeClouds, type FakeClouds } from '../../support/fake-clouds';
import { freePort } from '../../support/free-port';
import { enabledUser, grant } from '../../support/security';
import { completed, type UpdateView } from '../../support/updates';

type Who = 'reader' | 'executor' | 'creator' | 'launcher';

/**
 * Issue 17: LaunchServer spends money in a cloud account and creates a Server. It takes
 * Execute on the template AND the right to create Servers; each alone is refused before any
 * Update exists and before any cloud call.
 */
describe('security: launching a server takes Execute on the template and the right to create Servers', () => {
  let clouds: FakeClouds;
  let monitor: EmbeddedMonitor;
  let templateId: string;
  const users = {} as Record<Who, ApiClient>;

  const refused = async (who: Who, message: RegExp) => {
    const head = await monitor.runtime.store.headPosition();
    const updates = monitor.runtime.readModel.executions.unfinished().length;
    const answer = await users[who].call<{ error: string }>('execute', 'LaunchServer', {
      name: `by-${who}`,
      server_template: 'tpl',
    });
    expect([who, answer.status, answer.body.error]).toEqual([
      who,
      403,
      expect.stringMatching(message),
    ]);
    expect(await monitor.runtime.store.headPosition()).toBe(head);
    expect(monitor.runtime.readModel.executions.unfinished()).toHaveLength(updates);
    expect(clouds.callCount()).toBe(0);
    expect(monitor.runtime.readModel.resource('Server', `by-${who}`)).toBeUndefined();
  };

  beforeAll(async () => {
    clouds = await startFakeClouds();
    monitor = await startEmbedded({ ...clouds.env, MONITOR_AUTH_ALLOW_SIGNUPS: 'true' });
    const created = await monitor.admin.write<{ _id: { $oid: string } }>('CreateServerTemplate', {
      name: 'tpl',
      config: {
        type: 'Aws',
        params: {
          ami_id: 'ami-0123456789abcdef0',
          port: await freePort(),
          use_https: true,
          user_data: '',
        },
      },
    });
    templateId = created._id.$oid;
    const rights: Record<Who, { level: string; createServers: boolean }> = {
      reader: { level: 'Read', createServers: true },
      executor: { level: 'Execute', createServers: false },
      creator: { level: 'Read', createServers: true },
      launcher: { level: 'Execute', createServers: true },
    };
    for (const [who, { level, createServers }] of Object.entries(rights)) {
      users[who as Who] = (await enabledUser(monitor, who)).client;
      await grant(monitor.admin, who, { type: 'ServerTemplate', id: templateId }, level);
      const { _id } = await monitor.admin.read<{ _id: { $oid: string } }>('FindUser', {
        user: who,
      });
      await monitor.admin.write('UpdateUserBasePermissions', {
        user_id: _id.$oid,
        create_servers: createServers,
      });
    }
  });
  afterAll(async () => {
    await monitor?.destroy();
    await clouds?.close();
  });

  it('a user with only Read on the template is refused', async () => {
    await refused(
      'reader',
      /you need Execute permission on ServerTemplate 'tpl' \(you have Read\)/,
    );
  });

  it('a user with Execute on the template but no right to create Servers is refused', async () => {
    await refused('executor', /LaunchServer creates a Server: you may not create Servers/);
  });

  it('a user who may create Servers but lacks Execute on the template is refused', async () => {
    await refused('creator', /you need Execute permission on ServerTemplate 'tpl'/);
  });

  it('the user with both launches, and manages the Server launched', async () => {
    const started = await users.launcher.execute<UpdateView>('LaunchServer', {
      name: 'by-launcher',
      server_template: 'tpl',
    });
    const done = await completed(monitor.admin, started);
    expect(done.success).toBe(true);
    expect(clouds.ec2.callsOf('RunInstances')).toHaveLength(1);
    const server = await users.launcher.read<{ name: string }>('GetServer', {
      server: 'by-launcher',
    });
    expect(server.name).toBe('by-launcher');
    await users.launcher.write('UpdateServer', {
      id: 'by-launcher',
      config: { stats_monitoring: false },
    });
  });
});
