import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { api, signUp, type ApiClient } from '../../support/api';
import { startEmbedded, type EmbeddedMonitor } from '../../support/embedded';
import { storeQuiet } from '../../support/quiet-store';
import { completed, type UpdateView as Update } from '../../support/updates';

interface SyncAnswer {
  _id: { $oid: string };
  name: string;
  info: {
    resource_updates: { target: { type: string; id: string } }[];
    remote_contents: { path: string; contents: string }[];
    pending_error?: string;
  };
}

const server = (name: string) =>
  `[[server]]\nname = "${name}"\n[server.config]\naddress = "https://${name}.local:8120"\n`;

/** What `SyncFiles.folder` answers for a name that cannot name a folder. */
const refusal = (name: string) =>
  `files_on_host: the sync's name '${name}' cannot name a folder (no '/', '\\', '..'): rename it`;

/**
 * A `files_on_host` sync reads `[sync] directory`/<its name>, and a user with Write on the sync
 * may rename it: a name with `/`, `\` or `..` must not reach another folder. Its refresh and
 * RunSync are refused (400, the folder's reason, nothing written), and the TOML lying where the
 * escape would lead is neither planned nor created.
 */
describe('security: a host sync’s name never leads out of its folder', () => {
  let monitor: EmbeddedMonitor;
  let member: ApiClient;
  let id: string;
  const syncs = () => join(monitor.dataDir, 'syncs');
  const put = (folder: string, text: string) => {
    mkdirSync(folder, { recursive: true });
    writeFileSync(join(folder, 'resources.toml'), text);
  };
  const rename = (name: string) => member.write('RenameResourceSync', { id, name });
  const back = () => rename('team infra');
  const info = async () =>
    (await monitor.admin.read<SyncAnswer>('GetResourceSync', { sync: id })).info;

  beforeAll(async () => {
    monitor = await startEmbedded({
      MONITOR_AUTH_ALLOW_SIGNUPS: 'true',
      MONITOR_SYNC_POLL_INTERVAL_MS: '0',
    });
    member = api(monitor.url, await signUp(monitor.url, 'member'));
    const user = await monitor.admin.read<{ _id: { $oid: string } }>('FindUser', {
      user: 'member',
    });
    await monitor.admin.write('UpdateUserBasePermissions', {
      user_id: user._id.$oid,
      enabled: true,
      create_servers: true,
    });
    const created = await monitor.admin.write<SyncAnswer>('CreateResourceSync', {
      name: 'host-names',
      config: { files_on_host: true, resource_path: ['resources.toml'] },
    });
    id = created._id.$oid;
    await monitor.admin.write('UpdatePermissionOnTarget', {
      user_target: { type: 'User', id: 'member' },
      resource_target: { type: 'ResourceSync', id },
      permission: 'Write',
    });
  }, 60_000);

  afterAll(async () => {
    await monitor?.destroy();
  });

  it('reads the folder a plain name names, spaces as underscores (the legitimate use)', async () => {
    put(join(syncs(), 'team_infra'), server('inside'));
    await rename('team infra');
    const refreshed = await member.write<SyncAnswer>('RefreshResourceSyncPending', { sync: id });
    expect(refreshed.info.pending_error).toBeUndefined();
    expect(refreshed.info.remote_contents.map((f) => f.path)).toEqual(['resources.toml']);
    expect(refreshed.info.remote_contents[0].contents).toBe(server('inside'));
    expect(refreshed.info.resource_updates.map((u) => u.target.type)).toEqual(['Server']);
    const run = await member.execute<Update>('RunSync', { sync: id });
    expect((await completed(member, run, 30_000)).success).toBe(true);
    expect(monitor.runtime.readModel.resource('Server', 'inside')).toBeDefined();
  });

  it.each([
    ['a slash down, into another folder', 'other/inner', () => join(syncs(), 'other', 'inner')],
    ['a backslash', 'other\\inner', () => join(syncs(), 'other\\inner')],
    ['a slash at the end', 'other/', () => join(syncs(), 'other')],
  ])(
    'refuses %s: refresh and RunSync 400 with the folder’s reason, nothing read or written',
    async (_, name, escape) => {
      put(escape(), server('escaped'));
      const renamed = await member.call<{ error: string }>('write', 'RenameResourceSync', {
        id,
        name,
      });
      // A name with a . or .. step never gets this far: the rename is refused (below).
      if (renamed.status !== 200) throw new Error(`rename to '${name}': ${renamed.body.error}`);
      const stored = await info();
      await storeQuiet(monitor.runtime.store, 200);
      const before = await monitor.runtime.store.headPosition();
      for (const [verb, request] of [
        ['write', 'RefreshResourceSyncPending'],
        ['execute', 'RefreshResourceSyncPending'],
        ['execute', 'RunSync'],
      ]) {
        const answer = await member.call<{ error: string }>(verb, request, { sync: id });
        expect({ request, status: answer.status, error: answer.body.error }).toEqual({
          request,
          status: 400,
          error: refusal(name),
        });
      }
      await storeQuiet(monitor.runtime.store, 200);
      expect(await monitor.runtime.store.readAll(before)).toEqual([]);
      expect(await info()).toEqual(stored);
      expect(JSON.stringify(stored)).not.toContain('escaped');
      expect(monitor.runtime.readModel.resource('Server', 'escaped')).toBeUndefined();
    },
  );

  it.each([
    ['../outside', () => join(monitor.dataDir, 'outside')],
    ['..', () => monitor.dataDir],
    ['.', () => syncs()],
    ['..\\outside', () => join(syncs(), '..\\outside')],
    ['/outside', () => join(syncs(), 'outside')],
  ])(
    'refuses the rename to %s (a . or .. step, or a leading slash): 400, nothing written',
    async (name, escape) => {
      await back();
      put(escape(), server('escaped'));
      const { name: was } = monitor.runtime.readModel.resourceById('ResourceSync', id)!;
      await storeQuiet(monitor.runtime.store, 200);
      const before = await monitor.runtime.store.headPosition();
      const answer = await member.call<{ error: string }>('write', 'RenameResourceSync', {
        id,
        name,
      });
      expect(answer.status).toBe(400);
      expect(answer.body.error).toMatch(
        /^name: must not start with \/ or \\ nor hold a \. or \.\. path step/,
      );
      await storeQuiet(monitor.runtime.store, 200);
      expect(await monitor.runtime.store.readAll(before)).toEqual([]);
      expect(monitor.runtime.readModel.resourceById('ResourceSync', id)?.name).toBe(was);
      const refreshed = await member.write<SyncAnswer>('RefreshResourceSyncPending', { sync: id });
      expect(JSON.stringify(refreshed.info)).not.toContain('escaped');
    },
  );
});
