import '../support/browser-globals';
import Dockerode from 'dockerode';
import { KomodoClient, type Types } from 'komodo_client';
import { removeContainer, startTestContainer } from '@monitor/testing';
import { alertStream } from '@monitor/domain';
import { api, logIn, TEST_PASSWORD } from '../support/api';
import type { EmbeddedMonitor } from '../support/embedded';
import { startWithLocalAgent } from '../support/security';
import { openAlert } from './komodo-fixtures';
import { WebSocket } from 'ws';

/** The requests Komodo 2.x added or renamed, through Komodo's own client. */
describe('Komodo 2.x requests', () => {
  let monitor: EmbeddedMonitor;
  let komodo: ReturnType<typeof KomodoClient>;

  beforeAll(async () => {
    // Sign-ups closed: CreateLocalUser is how users get in.
    monitor = await startWithLocalAgent({ MONITOR_AUTH_ALLOW_SIGNUPS: 'false' });
    komodo = KomodoClient(monitor.url, { type: 'jwt', params: { jwt: monitor.adminAuth.jwt } });
  }, 60_000);
  afterAll(() => monitor.destroy());

  it('answers ListContainers, ListImages, ListNetworks and ListVolumes as the 1.x ListDocker* names', async () => {
    // A container of this test's own: other tests add and remove theirs on the same engine.
    const docker = new Dockerode({ socketPath: '/var/run/docker.sock' });
    const name = `k2-list-${process.pid}`;
    await startTestContainer(docker, { name, cmd: ['/bin/busybox', 'sleep', '3600'] });
    try {
      const containers: Types.ListContainersResponse = await komodo.read('ListContainers', {
        server: 'local',
      });
      const former = await monitor.admin.read<Types.ListContainersResponse>(
        'ListDockerContainers',
        { server: 'local' },
      );
      // Its stable fields (a status such as "Up 2 seconds" moves between two reads).
      const ours = (list: Types.ListContainersResponse) => {
        const item = list.find((c) => c.name === name);
        return item && { name: item.name, id: item.id, image: item.image, state: item.state };
      };
      expect(ours(containers)).toMatchObject({ name, state: 'running' });
      expect(ours(containers)).toEqual(ours(former));
    } finally {
      await removeContainer(docker, name);
    }
    const images: Types.ListImagesResponse = await komodo.read('ListImages', { server: 'local' });
    expect(images.some((i) => i.name.includes('busybox'))).toBe(true);
    const networks: Types.ListNetworksResponse = await komodo.read('ListNetworks', {
      server: 'local',
    });
    expect(networks.map((n) => n.name)).toContain('host');
    const volumes: Types.ListVolumesResponse = await komodo.read('ListVolumes', {
      server: 'local',
    });
    expect(Array.isArray(volumes)).toBe(true);
  });

  it('answers RefreshStackCache under /write once the refresh is done, and still under /execute', async () => {
    await komodo.write('CreateStack', {
      name: 'k2-stack',
      config: {
        server_id: 'local',
        auto_pull: false,
        file_contents: 'services:\n  app:\n    image: busybox\n',
      },
    });
    const answer: Types.NoData = await komodo.write('RefreshStackCache', { stack: 'k2-stack' });
    expect(answer).toEqual({});
    const { updates } = await monitor.admin.read<{ updates: Types.UpdateListItem[] }>(
      'ListUpdates',
      { query: { operation: 'RefreshStackCache' } },
    );
    expect(updates.map((u) => [u.status, u.success])).toEqual([['Complete', true]]);
    const update = await monitor.admin.execute<{ operation: string }>('RefreshStackCache', {
      stack: 'k2-stack',
    });
    expect(update.operation).toBe('RefreshStackCache');
  });

  it('lets an admin add a user while sign-ups are closed, with the password rules of sign-up', async () => {
    const user: Types.User = await komodo.write('CreateLocalUser', {
      username: 'carol',
      password: TEST_PASSWORD,
    });
    expect(user).toMatchObject({ username: 'carol', enabled: true, admin: false });
    expect(JSON.stringify(user)).not.toContain(TEST_PASSWORD);
    const carol = api(monitor.url, await logIn(monitor.url, 'carol'));
    expect(await carol.read('GetVersion')).toHaveProperty('version');

    const weak = await monitor.admin.call<{ error: string }>('write', 'CreateLocalUser', {
      username: 'dave',
      password: 'dave',
    });
    expect([weak.status, weak.body.error]).toEqual([400, expect.stringMatching(/^password: /)]);
    const taken = await monitor.admin.call('write', 'CreateLocalUser', {
      username: 'Carol',
      password: TEST_PASSWORD,
    });
    expect(taken.status).toBe(409);
    const signUp = await api(monitor.url).call('auth/login', 'SignUpLocalUser', {
      username: 'erin',
      password: TEST_PASSWORD,
    });
    expect(signUp.status).toBe(403);
  });

  it('deletes a user: their tokens and keys stop working, their name is free, their groups forget them', async () => {
    const created: Types.User = await komodo.write('CreateLocalUser', {
      username: 'frank',
      password: TEST_PASSWORD,
    });
    const id = created._id!.$oid;
    const login = await logIn(monitor.url, 'frank');
    const frank = api(monitor.url, login);
    const key = await frank.ok<{ key: string; secret: string }>('auth/manage', 'CreateApiKey', {
      name: 'frank-key',
    });
    await frank.write('CreateProcedure', { name: 'franks-procedure' });
    await monitor.admin.write('CreateUserGroup', { name: 'frank-group' });
    await monitor.admin.write('SetUsersInUserGroup', { user_group: 'frank-group', users: [id] });

    const socket = await updateFeed(monitor.url, login.jwt);
    const closed = new Promise<number>((resolve) => socket.on('close', resolve));

    const deleted: Types.User = await komodo.write('DeleteUser', { user: 'frank' });
    expect(deleted.username).toBe('frank');

    // An open update feed closes at the next Update.
    await monitor.admin.write('CreateAlerter', { name: 'after-frank' });
    expect(await closed).toBe(1008);

    expect((await frank.call('read', 'GetVersion')).status).toBe(401);
    expect((await api(monitor.url, key).call('read', 'GetVersion')).status).toBe(401);
    const group = await monitor.admin.read<{ users: string[] }>('GetUserGroup', {
      user_group: 'frank-group',
    });
    expect(group.users).toEqual([]);
    expect((await monitor.admin.call('read', 'FindUser', { user: id })).status).toBe(404);
    // Their history still names them.
    const { updates } = await monitor.admin.read<{ updates: Types.UpdateListItem[] }>(
      'ListUpdates',
      { query: { operation: 'CreateProcedure' } },
    );
    const franks = updates.filter((u) => u.operator === id);
    expect(franks.map((u) => u.username)).toEqual(['frank']);
    const name: Types.GetUsernameResponse = await komodo.read('GetUsername', { user_id: id });
    expect(name).toEqual({ username: 'frank' });
    const again: Types.User = await komodo.write('CreateLocalUser', {
      username: 'frank',
      password: TEST_PASSWORD,
    });
    expect(again._id!.$oid).not.toBe(id);
  });

  it("refuses to delete oneself or an admin, and an unknown user; tells anyone a user's name", async () => {
    const self = await monitor.admin.call<{ error: string }>('write', 'DeleteUser', {
      user: 'admin',
    });
    expect([self.status, self.body.error]).toEqual([400, 'user: you cannot delete yourself']);
    const other: Types.User = await komodo.write('CreateLocalUser', {
      username: 'grace',
      password: TEST_PASSWORD,
    });
    await komodo.write('UpdateUserAdmin', { user_id: other._id!.$oid, admin: true });
    const admin = await monitor.admin.call<{ error: string }>('write', 'DeleteUser', {
      user: 'grace',
    });
    expect([admin.status, admin.body.error]).toEqual([409, expect.stringContaining('admin')]);
    expect((await monitor.admin.call('read', 'FindUser', { user: 'grace' })).status).toBe(200);
    expect((await monitor.admin.call('write', 'DeleteUser', { user: 'nobody' })).status).toBe(404);
    const carol = api(monitor.url, await logIn(monitor.url, 'carol'));
    expect(await carol.read('GetUsername', { user_id: other._id!.$oid })).toEqual({
      username: 'grace',
    });
    expect((await carol.call('read', 'GetUsername', { user_id: 'nobody' })).status).toBe(404);
  });

  it('closes an alert; closing it again changes nothing and succeeds, as in Komodo', async () => {
    const alert = await openAlert(monitor, 'local');
    const closed: Types.NoData = await komodo.write('CloseAlert', { id: alert });
    expect(closed).toEqual({});
    const got: Types.Alert = await komodo.read('GetAlert', { id: alert });
    expect(got.resolved).toBe(true);
    const events = await monitor.runtime.store.readStream(alertStream(alert));
    expect(await komodo.write('CloseAlert', { id: alert })).toEqual({});
    expect(await monitor.runtime.store.readStream(alertStream(alert))).toHaveLength(events.length);
    expect((await monitor.admin.call('write', 'CloseAlert', { id: 'nope' })).status).toBe(404);
  });

  it("answers GetCoreInfo in Komodo's shape, from Monitor's settings, with nothing secret", async () => {
    const info: Types.GetCoreInfoResponse = await komodo.read('GetCoreInfo', {});
    expect(info).toEqual({
      title: 'Monitor',
      monitoring_interval: '15-sec',
      webhook_base_url: '',
      transparent_mode: false,
      ui_write_disabled: false,
      disable_non_admin_create: false,
      disable_confirm_dialog: false,
      disable_websocket_reconnect: false,
      enable_fancy_toml: false,
      timezone: Intl.DateTimeFormat().resolvedOptions().timeZone,
      public_key: '',
      default_pagination_limit: 100,
    });
  });
});

/** A `/ws/update` socket logged in with `jwt`, once Monitor says so. */
async function updateFeed(url: string, jwt: string): Promise<WebSocket> {
  const socket = new WebSocket(`${url.replace('http', 'ws')}/ws/update`);
  await new Promise((resolve) => socket.on('open', resolve));
  socket.send(JSON.stringify({ type: 'Jwt', params: { jwt } }));
  await new Promise((resolve) => socket.once('message', resolve));
  return socket;
}
