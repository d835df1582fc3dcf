import { alertStream, KIND_SPECS, resourceStream } from '@monitor/domain';
import { newId } from '@monitor/resources';
import { WebSocket } from 'ws';
import { api, authHeaders, signUp, type ApiClient, type Auth } from '../../support/api';
import { startEmbedded, type EmbeddedMonitor } from '../../support/embedded';

type Created = { _id: { $oid: string } };
type Listed = { updates: { id: string; operation: string; target: { id: string } }[] };

/**
 * Issue 11, finding 4: a deleted resource's history, revisions, Updates and events were
 * readable by whoever got a resource *named* with its id, and ids were predictable.
 */
describe('deleted resources: identity and who may read them', () => {
  let monitor: EmbeddedMonitor;
  let admin: ApiClient;
  let attackerAuth: Auth;
  let attacker: ApiClient;
  let formerAuth: Auth;
  let former: ApiClient;
  /** The deleted Deployment's id, and the attacker's own Deployment. */
  let vault: string;
  let own: string;
  let planted: string;
  let alert: string;
  let sockets: WebSocket[] = [];
  const heard: Record<'attacker' | 'former', string[]> = { attacker: [], former: [] };

  beforeAll(async () => {
    monitor = await startEmbedded({ MONITOR_AUTH_ALLOW_SIGNUPS: 'true' });
    admin = monitor.admin;
    attackerAuth = await signUp(monitor.url, 'attacker');
    formerAuth = await signUp(monitor.url, 'former');
    attacker = api(monitor.url, attackerAuth);
    former = api(monitor.url, formerAuth);
    for (const user of ['attacker', 'former']) {
      const { _id } = await admin.read<Created>('FindUser', { user });
      await admin.write('UpdateUserBasePermissions', { user_id: _id.$oid, enabled: true });
    }
    vault = (
      await admin.write<Created>('CreateDeployment', {
        name: 'vault',
        config: {
          image: { type: 'Image', params: { image: 'private/vault:1' } },
          command: 'serve --classified',
        },
      })
    )._id.$oid;
    await admin.write('UpdateDeployment', { id: vault, config: { command: 'serve --v2' } });
    await admin.write('UpdatePermissionOnTarget', {
      user_target: { type: 'User', id: 'former' },
      resource_target: { type: 'Deployment', id: vault },
      permission: 'Read',
    });
    own = (await attacker.write<Created>('CreateDeployment', { name: 'mine' }))._id.$oid;
    // A Deployment named with the vault's id, as the log may hold from before the rule (or any
    // path yet unknown), that the attacker may write.
    planted = await plantNamed(monitor, vault);
    await admin.write('UpdatePermissionOnTarget', {
      user_target: { type: 'User', id: 'attacker' },
      resource_target: { type: 'Deployment', id: planted },
      permission: 'Write',
    });
    alert = await openAlert(monitor, vault);
    sockets = await Promise.all([
      listen(monitor, attackerAuth, heard.attacker),
      listen(monitor, formerAuth, heard.former),
    ]);
    await admin.write('DeleteDeployment', { id: vault });
    // Updates come in log order on a socket: once the attacker hears this later one, they would
    // have heard the delete.
    await admin.write('UpdateDeployment', { id: own, config: { command: 'after' } });
    await until(() => heard.attacker.includes('UpdateDeployment'));
  });
  afterAll(async () => {
    for (const socket of sockets) socket.close();
    await monitor.destroy();
  });

  it('refuses a name shaped like an id at create, rename and copy, changing nothing', async () => {
    const before = await admin.read<{ name: string }[]>('ListDeployments');
    const attempts = [
      attacker.call<{ error: string }>('write', 'CreateDeployment', { name: vault }),
      attacker.call<{ error: string }>('write', 'RenameDeployment', { id: own, name: vault }),
      attacker.call<{ error: string }>('write', 'CopyDeployment', { id: own, name: vault }),
      attacker.call<{ error: string }>('write', 'CreateDeployment', { name: newId() }),
      admin.call<{ error: string }>('write', 'CreateTag', { name: vault.toUpperCase() }),
    ];
    for (const answer of await Promise.all(attempts)) {
      expect(answer.status).toBe(400);
      expect(answer.body.error).toMatch(/^name: '[0-9a-fA-F]{24}' has the shape of an id/);
    }
    expect(await admin.read('ListDeployments')).toEqual(before);
    expect(await admin.read('ListTags')).toEqual([]);
  });

  it("gives nobody else the deleted one's history, revisions, Updates or events", async () => {
    const target = { type: 'Deployment', id: vault };
    const refusals = [
      await attacker.call<{ error: string }>('read', 'GetResourceHistory', { target }),
      await attacker.call<{ error: string }>('read', 'GetResourceAt', { target, revision: 0 }),
    ];
    for (const answer of refusals) {
      expect(answer.status).toBe(403);
      expect(answer.body.error).toBe(
        `you need Read permission on the deleted Deployment '${vault}' as it was deleted (you had None)`,
      );
    }
    const never = { type: 'Deployment', id: newId() };
    expect((await attacker.call('read', 'GetResourceHistory', { target: never })).status).toBe(404);
    expect((await attacker.call('read', 'GetResourceAt', { target: never })).status).toBe(404);

    const vaultUpdates = (await admin.read<Listed>('ListUpdates')).updates.filter(
      (u) => u.target.id === vault,
    );
    expect(vaultUpdates.map((u) => u.operation).sort()).toEqual([
      'CreateDeployment',
      'DeleteDeployment',
      'UpdateDeployment',
    ]);
    for (const update of vaultUpdates) {
      expect((await attacker.call('read', 'GetUpdate', { id: update.id })).status).toBe(403);
    }
    const seen = (await attacker.read<Listed>('ListUpdates')).updates;
    expect(seen.some((u) => u.target.id === vault)).toBe(false);
    expect(seen.some((u) => u.target.id === own)).toBe(true);
    expect(heard.attacker).not.toContain('DeleteDeployment');
    const { alerts } = await attacker.read<{ alerts: { _id: { $oid: string } }[] }>('ListAlerts');
    expect(alerts.map((a) => a._id.$oid)).not.toContain(alert);
    expect((await attacker.call('read', 'GetAlert', { id: alert })).status).toBe(403);

    const events = await readEvents(monitor, attackerAuth, `kind=Deployment&resource=${vault}`);
    expect(events).not.toContain('data:');
    // The same feed gives the attacker their own Deployment's events.
    expect(await readEvents(monitor, attackerAuth, `kind=Deployment&resource=${own}`)).toContain(
      'DeploymentCreated',
    );
  });

  it('gives the history to admins and to whoever could read it when it was deleted', async () => {
    for (const [reader, auth] of [
      [admin, monitor.adminAuth],
      [former, formerAuth],
    ] as const) {
      const target = { type: 'Deployment', id: vault };
      const history = await reader.read<{ type: string }[]>('GetResourceHistory', { target });
      expect(history.map((h) => h.type)).toEqual([
        'DeploymentCreated',
        'DeploymentConfigUpdated',
        'DeploymentDeleted',
      ]);
      const asCreated = await reader.read<{ name: string; config: { command: string } }>(
        'GetResourceAt',
        { target, revision: 0 },
      );
      expect(asCreated).toMatchObject({ name: 'vault', config: { command: 'serve --classified' } });
      const last = await reader.read<{ deleted: boolean }>('GetResourceAt', { target });
      expect(last.deleted).toBe(true);
      const updates = (await reader.read<Listed>('ListUpdates')).updates.filter(
        (u) => u.target.id === vault,
      );
      expect(updates).toHaveLength(3);
      expect(await readEvents(monitor, auth, `kind=Deployment&resource=${vault}`)).toContain(
        'DeploymentDeleted',
      );
      const { alerts } = await reader.read<{ alerts: { _id: { $oid: string } }[] }>('ListAlerts');
      expect(alerts.map((a) => a._id.$oid)).toContain(alert);
      expect(await reader.read('GetAlert', { id: alert })).toMatchObject({
        target: { type: 'Deployment', id: vault },
      });
    }
    await until(() => heard.former.includes('DeleteDeployment'));
    // Its old name is no key to it; a live resource is still found by its name.
    const byOldName = await former.call<{ error: string }>('read', 'GetResourceHistory', {
      target: { type: 'Deployment', id: 'vault' },
    });
    expect(byOldName.status).toBe(404);
    expect(byOldName.body.error).toMatch(/a deleted Deployment is found by its id only/);
    const byName = await admin.read<{ type: string }[]>('GetResourceHistory', {
      target: { type: 'Deployment', id: 'mine' },
    });
    expect(byName.map((h) => h.type)).toEqual(['DeploymentCreated', 'DeploymentConfigUpdated']);
  });
});

/** Opens an alert about the Deployment, as polling would; answers its id once it is read. */
async function openAlert(monitor: EmbeddedMonitor, deployment: string): Promise<string> {
  const id = newId();
  const at = Date.now();
  const target = { type: 'Deployment', id: deployment };
  const data = {
    type: 'ContainerStateChange',
    data: { id: deployment, name: 'vault', from: 'running', to: 'exited' },
  };
  const { position } = await monitor.runtime.store.append(
    alertStream(id),
    [
      {
        id: newId(),
        type: 'AlertOpened',
        data: { id, type: data.type, level: 'WARNING', target, data, ts: at },
        metadata: { userId: 'system', via: 'system', correlationId: 'c', causationId: 'c', at },
      },
    ],
    'no_stream',
  );
  await monitor.runtime.readModel.waitFor(position);
  return id;
}

/** Appends a Deployment named `name` straight to the log; answers its id once it is read. */
async function plantNamed(monitor: EmbeddedMonitor, name: string): Promise<string> {
  const id = newId();
  const at = Date.now();
  const { position } = await monitor.runtime.store.append(
    resourceStream('Deployment', id),
    [
      {
        id: newId(),
        type: 'DeploymentCreated',
        data: { id, name, description: '', tags: [], config: KIND_SPECS.Deployment.defaults() },
        metadata: { userId: 'system', via: 'system', correlationId: 'c', causationId: 'c', at },
      },
    ],
    'no_stream',
  );
  await monitor.runtime.readModel.waitFor(position);
  return id;
}

/** Logs in on /ws/update and records the operation of every Update heard. */
function listen(monitor: EmbeddedMonitor, auth: Auth, heard: string[]): Promise<WebSocket> {
  const socket = new WebSocket(`${monitor.url.replace('http', 'ws')}/ws/update`);
  return new Promise((resolve) => {
    socket.on('open', () => socket.send(JSON.stringify({ type: 'Jwt', params: auth })));
    socket.on('message', (data) => {
      const text = data.toString();
      if (text === 'LOGGED_IN') resolve(socket);
      else heard.push((JSON.parse(text) as { operation: string }).operation);
    });
  });
}

/** What /events sends from the start of the log within a second. */
async function readEvents(monitor: EmbeddedMonitor, auth: Auth, query: string): Promise<string> {
  const response = await fetch(`${monitor.url}/events?after=0&${query}`, {
    headers: authHeaders(auth),
  });
  expect(response.status).toBe(200);
  const reader = response.body!.getReader();
  let text = '';
  const deadline = Date.now() + 1000;
  while (Date.now() < deadline) {
    const chunk = await Promise.race([
      reader.read(),
      new Promise<undefined>((resolve) => setTimeout(resolve, deadline - Date.now())),
    ]);
    if (!chunk || chunk.done) break;
    text += new TextDecoder().decode(chunk.value);
  }
  await reader.cancel();
  return text;
}

async function until(condition: () => boolean, ms = 5000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!condition() && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
  expect(condition()).toBe(true);
}
