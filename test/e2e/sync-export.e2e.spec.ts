import { api, signUp, type ApiClient } from '../support/api';
import { startEmbedded, type EmbeddedMonitor } from '../support/embedded';
import { everyKindToml } from '../support/every-kind-toml';
import { completed, type UpdateView as Update } from '../support/updates';

interface SyncAnswer {
  info: {
    resource_updates: { target: { type: string; id: string } }[];
    variable_updates: unknown[];
    user_group_updates: unknown[];
    pending_error?: string;
  };
}

const SECRET = 'export-secret-value-7731';
const PASSKEY = 'export-passkey-4410';

const EVERY_KIND = everyKindToml({ passkey: PASSKEY, secret: SECRET });

/** ExportAllResourcesToToml / ExportResourcesToToml: what the caller may read, as sync files. */
describe('exporting to TOML', () => {
  let monitor: EmbeddedMonitor;
  let member: ApiClient;

  const exportAll = (client: ApiClient, params: object) =>
    client.read<{ toml: string }>('ExportAllResourcesToToml', params);
  const refresh = (sync: string) =>
    monitor.admin.write<SyncAnswer>('RefreshResourceSyncPending', { sync });

  beforeAll(async () => {
    monitor = await startEmbedded({
      MONITOR_AUTH_ALLOW_SIGNUPS: 'true',
      MONITOR_SYNC_POLL_INTERVAL_MS: '0',
    });
    member = api(monitor.url, await signUp(monitor.url, 'member'));
    const { _id } = await monitor.admin.read<{ _id: { $oid: string } }>('FindUser', {
      user: 'member',
    });
    await monitor.admin.write('UpdateUserBasePermissions', { user_id: _id.$oid, enabled: true });
    await monitor.admin.write('CreateResourceSync', {
      name: 'source',
      config: { file_contents: EVERY_KIND, include_variables: true, include_user_groups: true },
    });
    const done = await completed(
      monitor.admin,
      await monitor.admin.execute<Update>('RunSync', { sync: 'source' }),
      60_000,
    );
    expect(done.logs.filter((l) => !l.success).map((l) => `${l.stage}: ${l.stderr}`)).toEqual([]);
    await monitor.admin.write('SetUsersInUserGroup', { user_group: 'readers', users: ['member'] });
  }, 90_000);

  afterAll(async () => {
    await monitor?.destroy();
  });

  it('exports every kind, variables and a user group; imported again, the plan is empty', async () => {
    const { toml } = await exportAll(monitor.admin, {
      include_resources: true,
      include_variables: true,
      include_user_groups: true,
    });
    for (const table of [
      'server',
      'deployment',
      'stack',
      'repo',
      'builder',
      'build',
      'procedure',
      'action',
      'resource_sync',
      'alerter',
      'server_template',
      'variable',
      'user_group',
    ])
      // prettier-ignore
      expect(toml).toContain(`[[${table}]]`);
    expect(toml).toContain('server = "s1"');
    expect(toml).toContain('tags = ["prod"]');
    expect(toml).not.toContain(SECRET);
    expect(toml).not.toContain(PASSKEY);
    // The UI sync holding the files is not exported (Komodo leaves such syncs out).
    expect(toml).not.toContain('name = "source"');
    await monitor.admin.write('CreateResourceSync', {
      name: 'imported',
      config: { file_contents: toml, include_variables: true, include_user_groups: true },
    });
    const plan = await refresh('imported');
    expect(plan.info.pending_error).toBeUndefined();
    expect(plan.info.resource_updates).toEqual([]);
    expect(plan.info.variable_updates).toEqual([]);
    expect(plan.info.user_group_updates).toEqual([]);
  });

  it("a user's export holds only what they may read, and only their own groups", async () => {
    const { toml } = await exportAll(member, {
      include_resources: true,
      include_variables: true,
      include_user_groups: true,
    });
    expect(toml).toContain('name = "d1"');
    for (const hidden of ['s1', 'st1', 'r1', 'bld1', 'b1', 'p1', 'a1', 'rs1', 'al1', 't1'])
      expect(toml).not.toContain(`name = "${hidden}"`);
    expect(toml).toContain('name = "readers"');
    expect(toml).toContain('name = "TOKEN"');
    expect(toml).not.toContain(SECRET);
  });

  it('filters by tag, and exports named targets: a target the caller may not read is a 403', async () => {
    const tagged = await exportAll(monitor.admin, { include_resources: true, tags: ['prod'] });
    expect(tagged.toml.match(/^\[\[\w+\]\]$/gm)).toEqual(['[[deployment]]']);
    const unknown = await monitor.admin.call('read', 'ExportAllResourcesToToml', {
      include_resources: true,
      tags: ['nope'],
    });
    expect(unknown.status).toBe(400);
    const named = await member.read<{ toml: string }>('ExportResourcesToToml', {
      targets: [{ type: 'Deployment', id: 'd1' }],
      user_groups: ['readers'],
    });
    expect(named.toml.match(/^\[\[\w+\]\]$/gm)).toEqual(['[[deployment]]', '[[user_group]]']);
    const refused = await member.call('read', 'ExportResourcesToToml', {
      targets: [{ type: 'Server', id: 's1' }],
    });
    expect(refused.status).toBe(403);
    expect(JSON.stringify(refused.body)).not.toContain(PASSKEY);
  });

  it("keeps the deploy and after of Komodo's `existing` files", async () => {
    const { toml } = await monitor.admin.read<{ toml: string }>('ExportResourcesToToml', {
      targets: [{ type: 'Deployment', id: 'd1' }],
      existing: { deployments: [{ name: 'd1', deploy: true, after: ['st1'] }] },
    });
    expect(toml).toMatch(/^deploy = true$/m);
    expect(toml).toMatch(/^after = \["st1"\]$/m);
  });
});
