import type { ApiClient } from '../../support/api';
import { TEST_PASSWORD } from '../../support/api';
import type { EmbeddedMonitor } from '../../support/embedded';
import { enabledUser, expectRefused, grant, startWithLocalAgent } from '../../support/security';
import { openAlert } from '../komodo-fixtures';

/** Komodo 2.x's requests (issue 12): each one's access rule, tried by a user without it. */
describe('security: the Komodo 2.x requests', () => {
  let monitor: EmbeddedMonitor;
  let mallory: ApiClient;
  let serverId: string;

  beforeAll(async () => {
    monitor = await startWithLocalAgent();
    mallory = (await enabledUser(monitor, 'mallory')).client;
    serverId = monitor.runtime.readModel.resource('Server', 'local')!.id;
    await monitor.admin.write('CreateStack', {
      name: 'guarded',
      config: { server_id: 'local', file_contents: 'services: {}\n' },
    });
  }, 60_000);
  afterAll(() => monitor.destroy());

  const userCount = () => monitor.runtime.readModel.identity.allUsers().length;

  it('refuses CreateLocalUser to a non-admin, creating no one', async () => {
    const before = userCount();
    await expectRefused(
      mallory,
      'write',
      'CreateLocalUser',
      { username: 'sock-puppet', password: TEST_PASSWORD },
      403,
      /admins only/,
    );
    expect(userCount()).toBe(before);
    expect(monitor.runtime.readModel.identity.userByName('sock-puppet')).toBeUndefined();
  });

  it('refuses DeleteUser to a non-admin, deleting no one', async () => {
    const before = userCount();
    await expectRefused(mallory, 'write', 'DeleteUser', { user: 'admin' }, 403, /admins only/);
    expect(userCount()).toBe(before);
    expect(monitor.runtime.readModel.identity.userByName('admin')).toBeDefined();
  });

  it('refuses CloseAlert on a resource the user cannot write, leaving the alert open', async () => {
    const alert = await openAlert(monitor, 'local');
    await grant(monitor.admin, 'mallory', { type: 'Server', id: 'local' }, 'Execute');
    await expectRefused(mallory, 'write', 'CloseAlert', { id: alert }, 403, /Write permission/);
    expect(monitor.runtime.readModel.alerts.alert(alert)?.resolved).toBe(false);
  });

  it('lets a user with Write on the alert’s resource close it', async () => {
    const alert = await openAlert(monitor, 'local');
    const { client: wendy } = await enabledUser(monitor, 'wendy');
    await grant(monitor.admin, 'wendy', { type: 'Server', id: serverId }, 'Write');
    expect(await wendy.write('CloseAlert', { id: alert })).toEqual({});
    expect(monitor.runtime.readModel.alerts.alert(alert)?.resolved).toBe(true);
  });

  it('refuses RefreshStackCache under /write without Execute on the stack', async () => {
    await grant(monitor.admin, 'mallory', { type: 'Stack', id: 'guarded' }, 'Read');
    const before = monitor.runtime.readModel.listUpdates(() => true).length;
    await expectRefused(
      mallory,
      'write',
      'RefreshStackCache',
      { stack: 'guarded' },
      403,
      /Execute permission/,
    );
    expect(monitor.runtime.readModel.listUpdates(() => true)).toHaveLength(before);
  });

  it('refuses ListContainers on a server the user cannot read', async () => {
    const { client: eve } = await enabledUser(monitor, 'eve');
    await expectRefused(eve, 'read', 'ListContainers', { server: 'local' }, 403, /Read permission/);
  });
});
