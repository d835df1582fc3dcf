import { WebSocket } from 'ws';
import { RequestRegistry } from '../../apps/gateway/src/api/request-registry';
import { api, authHeaders, signUp, type ApiClient, type Auth } from '../support/api';
import { startEmbedded, type EmbeddedMonitor } from '../support/embedded';

type Listed = { name: string }[];

describe('permissions on every route', () => {
  let monitor: EmbeddedMonitor;
  let admin: ApiClient;
  let readerAuth: Auth;
  let reader: ApiClient;
  let readerId: string;

  const userId = async (name: string) =>
    (await admin.read<{ _id: { $oid: string } }>('FindUser', { user: name }))._id.$oid;

  beforeAll(async () => {
    monitor = await startEmbedded({ MONITOR_AUTH_ALLOW_SIGNUPS: 'true' });
    admin = monitor.admin;
    readerAuth = await signUp(monitor.url, 'reader');
    reader = api(monitor.url, readerAuth);
    readerId = await userId('reader');
    await admin.write('UpdateUserBasePermissions', { user_id: readerId, enabled: true });
    await admin.write('CreateServer', { name: 'srv' });
    await admin.write('CreateDeployment', { name: 'visible', config: { server_id: 'srv' } });
    await admin.write('CreateDeployment', { name: 'hidden' });
    await admin.write('UpdatePermissionOnTarget', {
      user_target: { type: 'User', id: 'reader' },
      resource_target: { type: 'Deployment', id: 'visible' },
      permission: 'Read',
    });
  });
  afterAll(() => monitor.destroy());

  it('answers 401 on every route without credentials', async () => {
    const routes = monitor.app.get(RequestRegistry).list();
    expect(routes.length).toBeGreaterThan(100);
    const anonymous = api(monitor.url);
    for (const { verb, name } of routes) {
      const answer = await anonymous.call<{ error: string }>(verb, name, {});
      expect([verb, name, answer.status]).toEqual([verb, name, 401]);
    }
    for (const request of ['CreateApiKey', 'DeleteApiKey', 'UpdatePassword']) {
      expect((await anonymous.post(`auth/manage/${request}`, {})).status).toBe(401);
    }
    expect((await fetch(`${monitor.url}/user`)).status).toBe(401);
    expect((await fetch(`${monitor.url}/events`)).status).toBe(401);
    const closed = await new Promise<number>((resolve) => {
      const ws = new WebSocket(`${monitor.url.replace('http', 'ws')}/ws/update`);
      ws.on('open', () => ws.send(JSON.stringify({ type: 'Jwt', params: { jwt: 'forged' } })));
      ws.on('close', (code) => resolve(code));
    });
    expect(closed).toBe(1008);
  });

  it('shows a Read-only user only what they may read', async () => {
    expect((await reader.read<Listed>('ListDeployments')).map((d) => d.name)).toEqual(['visible']);
    expect(await reader.read('GetDeploymentsSummary')).toMatchObject({ total: 1, unknown: 1 });
    expect((await reader.read<Listed>('ListServers')).map((d) => d.name)).toEqual([]);
    const hidden = await reader.call<{ error: string }>('read', 'GetDeployment', {
      deployment: 'hidden',
    });
    expect(hidden.status).toBe(403);
    expect(hidden.body.error).toBe(
      "you need Read permission on Deployment 'hidden' (you have None)",
    );
    const { updates } = await reader.read<{ updates: { target: { id: string } }[] }>('ListUpdates');
    const visibleId = (
      await reader.read<{ _id: { $oid: string } }>('GetDeployment', { deployment: 'visible' })
    )._id.$oid;
    expect(updates.length).toBeGreaterThan(0);
    expect(updates.every((u) => u.target.id === visibleId)).toBe(true);
    const all = await admin.read<{ updates: { id: string; target: { id: string } }[] }>(
      'ListUpdates',
    );
    const other = all.updates.find((u) => u.target.id !== visibleId)!;
    expect((await reader.call('read', 'GetUpdate', { id: other.id })).status).toBe(403);
  });

  it('refuses writes without Write, and admin requests to non-admins, changing nothing', async () => {
    const before = await monitor.runtime.store.headPosition();
    const update = await reader.call<{ error: string }>('write', 'UpdateDeployment', {
      id: 'visible',
      config: { command: 'x' },
    });
    expect(update.status).toBe(403);
    expect(update.body.error).toContain('you need Write permission');
    expect((await reader.call('write', 'DeleteDeployment', { id: 'visible' })).status).toBe(403);
    expect(
      (await reader.call('write', 'RenameDeployment', { id: 'visible', name: 'x' })).status,
    ).toBe(403);
    expect((await reader.call('write', 'CreateServer', { name: 'mine' })).status).toBe(403);
    expect((await reader.call('write', 'CreateVariable', { name: 'X' })).status).toBe(403);
    const deploy = await reader.call<{ error: string }>('execute', 'Deploy', {
      deployment: 'visible',
    });
    expect([deploy.status, deploy.body.error]).toEqual([
      403,
      "you need Execute permission on Deployment 'visible' (you have Read)",
    ]);
    expect((await reader.call('execute', 'PruneImages', { server: 'srv' })).status).toBe(403);
    expect((await reader.call('read', 'ListUsers')).status).toBe(403);
    expect(
      (await reader.call('write', 'UpdateUserAdmin', { user_id: readerId, admin: true })).status,
    ).toBe(403);
    expect(await monitor.runtime.store.headPosition()).toBe(before);
  });

  it('combines group grants, kind grants and base permissions', async () => {
    const group = await admin.write<{ _id: { $oid: string } }>('CreateUserGroup', {
      name: 'deployers',
    });
    await admin.write('AddUserToUserGroup', { user_group: 'deployers', user: 'reader' });
    await admin.write('UpdatePermissionOnResourceType', {
      user_target: { type: 'UserGroup', id: group._id.$oid },
      resource_type: 'Deployment',
      permission: 'Write',
    });
    expect((await reader.read<Listed>('ListDeployments')).map((d) => d.name)).toEqual([
      'hidden',
      'visible',
    ]);
    await reader.write('UpdateDeployment', { id: 'hidden', config: { command: 'by reader' } });
    await admin.write('RemoveUserFromUserGroup', { user_group: 'deployers', user: 'reader' });
    expect((await reader.read<Listed>('ListDeployments')).map((d) => d.name)).toEqual(['visible']);

    await admin.write('UpdateResourceMeta', {
      target: { type: 'Server', id: 'srv' },
      base_permission: 'Read',
    });
    expect((await reader.read<Listed>('ListServers')).map((d) => d.name)).toEqual(['srv']);
    expect(
      (await reader.call('write', 'UpdateServer', { id: 'srv', config: { region: 'x' } })).status,
    ).toBe(403);
  });

  it('lists who holds a grant on one resource, to admins only', async () => {
    const group = await admin.write<{ _id: { $oid: string } }>('CreateUserGroup', {
      name: 'watchers',
    });
    await admin.write('UpdatePermissionOnTarget', {
      user_target: { type: 'UserGroup', id: 'watchers' },
      resource_target: { type: 'Deployment', id: 'visible' },
      permission: 'Execute',
    });
    const visible = await admin.read<{ _id: { $oid: string } }>('GetDeployment', {
      deployment: 'visible',
    });
    const held = await admin.read<{ user_target: { type: string; id: string }; level: string }[]>(
      'ListTargetPermissions',
      { target: { type: 'Deployment', id: 'visible' } },
    );
    const target = { type: 'Deployment', id: visible._id.$oid };
    expect(held).toEqual([
      {
        user_target: { type: 'User', id: readerId },
        resource_target: target,
        level: 'Read',
        specific: [],
      },
      {
        user_target: { type: 'UserGroup', id: group._id.$oid },
        resource_target: target,
        level: 'Execute',
        specific: [],
      },
    ]);
    expect(
      await admin.read('ListTargetPermissions', { target: { type: 'Deployment', id: 'hidden' } }),
    ).toEqual([]);
    const refused = await reader.call('read', 'ListTargetPermissions', {
      target: { type: 'Deployment', id: 'visible' },
    });
    expect(refused.status).toBe(403);
    const missing = await admin.call<{ error: string }>('read', 'ListTargetPermissions', {
      target: { type: 'Deployment', id: 'no-such' },
    });
    expect([missing.status, missing.body.error]).toEqual([
      404,
      "no Deployment has the name or id 'no-such'",
    ]);
    await admin.write('DeleteUserGroup', { id: 'watchers' });
  });

  it('lets users create what they are allowed to, and gives them Write on it', async () => {
    await reader.write('CreateDeployment', { name: 'readers-own' });
    await reader.write('UpdateDeployment', { id: 'readers-own', config: { command: 'mine' } });
    await admin.write('UpdateUserBasePermissions', { user_id: readerId, create_servers: true });
    await reader.write('CreateServer', { name: 'readers-server' });
  });

  it('filters the live feeds by permission', async () => {
    const seen: string[] = [];
    const ws = new WebSocket(`${monitor.url.replace('http', 'ws')}/ws/update`);
    await new Promise<void>((resolve) => {
      ws.on('open', () => ws.send(JSON.stringify({ type: 'Jwt', params: readerAuth })));
      ws.on('message', (data) => {
        const text = data.toString();
        if (text === 'LOGGED_IN') return resolve();
        seen.push((JSON.parse(text) as { operation: string; target: { id: string } }).operation);
      });
    });
    await admin.write('UpdateDeployment', { id: 'hidden', config: { command: 'secretly' } });
    await admin.write('RenameDeployment', { id: 'visible', name: 'visible-2' });
    const deadline = Date.now() + 3000;
    while (!seen.includes('RenameDeployment') && Date.now() < deadline)
      await new Promise((r) => setTimeout(r, 20));
    ws.close();
    expect(seen).toEqual(['RenameDeployment']);

    const response = await fetch(`${monitor.url}/events?kind=Deployment`, {
      headers: authHeaders(readerAuth),
    });
    const reader2 = response.body!.getReader();
    let text = '';
    const until = Date.now() + 1000;
    while (Date.now() < until && !text.includes('DeploymentRenamed'))
      text += new TextDecoder().decode((await reader2.read()).value);
    await reader2.cancel();
    expect(text).toContain('DeploymentRenamed');
    expect(text).not.toContain('secretly');
  });
});
