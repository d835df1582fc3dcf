import { api, signUp, type ApiClient } from '../support/api';
import { startEmbedded, type EmbeddedMonitor } from '../support/embedded';
import { completed, type UpdateView as Update } from '../support/updates';

interface SyncAnswer {
  _id: { $oid: string };
  info: {
    resource_updates: {
      target: { type: string };
      data: { type: string };
      fields: { path: string; current: unknown; proposed: unknown }[];
    }[];
    variable_updates: unknown[];
    pending_hash: string;
    pending_error?: string;
  };
}
interface Named {
  _id: { $oid: string };
  name: string;
  config: Record<string, unknown>;
}

const file = (image: string) => `
[[server]]
name = "edge"
[server.config]
address = "https://edge.local:8120"

[[deployment]]
name = "web"
[deployment.config]
server = "edge"
image.type = "Image"
image.params.image = "${image}"

[[variable]]
name = "REGION"
value = "eu-1"
`;

/** RunSync: the reviewed plan applied as ordinary requests of whoever runs it. */
describe('running a sync', () => {
  let monitor: EmbeddedMonitor;
  let member: ApiClient;

  const sync = (name: string) => monitor.admin.read<SyncAnswer>('GetResourceSync', { sync: name });
  const refresh = (name: string) =>
    monitor.admin.write<SyncAnswer>('RefreshResourceSyncPending', { sync: name });
  const run = async (client: ApiClient, params: object) =>
    completed(client, await client.execute<Update>('RunSync', params), 60_000);

  beforeAll(async () => {
    monitor = await startEmbedded({ MONITOR_AUTH_ALLOW_SIGNUPS: 'true' });
    member = api(monitor.url, await signUp(monitor.url, 'member'));
    const { _id } = await monitor.admin.read<Named>('FindUser', { user: 'member' });
    await monitor.admin.write('UpdateUserBasePermissions', { user_id: _id.$oid, enabled: true });
  }, 60_000);

  afterAll(async () => {
    await monitor?.destroy();
  });

  it('creates what the files declare, as the runner via the sync at its commit; then the plan is empty', async () => {
    const created = await monitor.admin.write<Named>('CreateResourceSync', {
      name: 'infra',
      config: { file_contents: file('localhost/web:1'), include_variables: true },
    });
    const done = await run(monitor.admin, { sync: 'infra' });
    expect(done.success).toBe(true);
    const web = await monitor.admin.read<Named>('GetDeployment', { deployment: 'web' });
    const edge = await monitor.admin.read<Named>('GetServer', { server: 'edge' });
    expect(web.config).toMatchObject({
      server_id: edge._id.$oid,
      image: { type: 'Image', params: { image: 'localhost/web:1' } },
    });
    const variable = await monitor.admin.read<{ value: string }>('GetVariable', { name: 'REGION' });
    expect(variable.value).toBe('eu-1');
    const events = await monitor.runtime.store.readStream(`deployment-${web._id.$oid}`);
    expect(events[0].metadata).toMatchObject({
      via: 'sync',
      causationId: done._id.$oid,
      origin: { type: 'ResourceSync', id: created._id.$oid },
    });
    const after = await sync('infra');
    expect(after.info.resource_updates).toEqual([]);
    expect(after.info.variable_updates).toEqual([]);
  });

  it('a changed file shows its field diff, and applies only the plan reviewed (409 otherwise, nothing applied)', async () => {
    await monitor.admin.write('UpdateResourceSync', {
      id: 'infra',
      config: { file_contents: file('localhost/web:2') },
    });
    const reviewed = await refresh('infra');
    expect(reviewed.info.resource_updates).toHaveLength(1);
    expect(reviewed.info.resource_updates[0].fields).toEqual([
      {
        path: 'config.image.params.image',
        current: 'localhost/web:1',
        proposed: 'localhost/web:2',
      },
    ]);
    const stale = await monitor.admin.call('execute', 'RunSync', {
      sync: 'infra',
      pending_hash: 'a'.repeat(64),
    });
    expect(stale.status).toBe(409);
    const web = () => monitor.admin.read<Named>('GetDeployment', { deployment: 'web' });
    expect((await web()).config).toMatchObject({ image: { params: { image: 'localhost/web:1' } } });
    const done = await run(monitor.admin, {
      sync: 'infra',
      pending_hash: reviewed.info.pending_hash,
    });
    expect(done.success).toBe(true);
    expect((await web()).config).toMatchObject({ image: { params: { image: 'localhost/web:2' } } });
  });

  it('applies only the resources picked, checked against the whole plan reviewed', async () => {
    await monitor.admin.write('CreateResourceSync', {
      name: 'pick',
      config: {
        file_contents:
          '[[deployment]]\nname = "pick-a"\n\n[[deployment]]\nname = "pick-b"\n\n[[server]]\nname = "pick-s"\n[server.config]\naddress = "https://pick.local:8120"\n\n[[variable]]\nname = "PICK_VAR"\nvalue = "x"\n',
        include_variables: true,
      },
    });
    const reviewed = await refresh('pick');
    const done = await run(monitor.admin, {
      sync: 'pick',
      resource_type: 'Deployment',
      resources: ['pick-b'],
      pending_hash: reviewed.info.pending_hash,
    });
    expect(done.success).toBe(true);
    const model = monitor.runtime.readModel;
    expect(model.resource('Deployment', 'pick-b')).toBeDefined();
    expect(model.resource('Deployment', 'pick-a')).toBeUndefined();
    expect(model.resource('Server', 'pick-s')).toBeUndefined();
    // As Komodo: picking resources leaves variables and user groups alone.
    expect(model.settings.variable('PICK_VAR')).toBeUndefined();
    const left = await sync('pick');
    expect(left.info.resource_updates.map((u) => u.target.type).sort()).toEqual([
      'Deployment',
      'Server',
    ]);
  });

  it('is checked as the runner: a step they may not make fails, the rest applied', async () => {
    await monitor.admin.write('CreateResourceSync', {
      name: 'members',
      config: {
        include_variables: true,
        file_contents: `
[[variable]]
name = "TEAM"
value = "blue"

[[server]]
name = "lab"
[server.config]
address = "https://lab.local:8120"

[[deployment]]
name = "lab-web"
[deployment.config]
server = "lab"
`,
      },
    });
    await monitor.admin.write('UpdatePermissionOnTarget', {
      user_target: { type: 'User', id: 'member' },
      resource_target: { type: 'ResourceSync', id: 'members' },
      permission: 'Execute',
    });
    const done = await run(member, { sync: 'members' });
    expect(done.success).toBe(false);
    const variable = done.logs.find((l) => l.stage.includes('TEAM'));
    expect(variable?.success).toBe(false);
    expect(variable?.stderr).toMatch(/admin/i);
    expect(monitor.runtime.readModel.settings.variable('TEAM')).toBeUndefined();
    // The member's own creates went through, and are theirs.
    const lab = monitor.runtime.readModel.resource('Deployment', 'lab-web');
    expect(lab?.config.server_id).toBe(monitor.runtime.readModel.resource('Server', 'lab')?.id);
  });

  it('refuses a sync whose files hold errors, naming file:line:field, and applies nothing', async () => {
    await monitor.admin.write('CreateResourceSync', {
      name: 'bad',
      config: { file_contents: '[[deployment]]\nname = "x"\n[deployment.config]\nports = 7\n' },
    });
    const answer = await monitor.admin.call('execute', 'RunSync', { sync: 'bad' });
    expect(answer.status).toBe(400);
    expect(JSON.stringify(answer.body)).toContain('database file:4:deployment[x].config.ports');
    expect(monitor.runtime.readModel.resource('Deployment', 'x')).toBeUndefined();
  });
});
