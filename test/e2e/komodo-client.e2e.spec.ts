import '../support/browser-globals';
import { CancelToken, KomodoClient, type Types } from 'komodo_client';
import { startEmbedded, type EmbeddedMonitor } from '../support/embedded';
import {
  toKomodoResource,
  toKomodoTag,
  toKomodoUpdate,
  toListItem,
  toUpdateListItem,
} from '../../apps/gateway/src/api/komodo-shapes';
import { coreInfo } from '../../apps/gateway/src/api/read/core-info.read';
import { toKomodoUser } from '../../apps/gateway/src/auth/user-shape';
import {
  type AnyKindListItem,
  type AnyKindResource,
  type Wire,
  type WithOwnKinds,
  type WithPartialAll,
} from './komodo-wire';

/** Komodo's own client works against Monitor unchanged; the compiler checks our shapes. */
describe('komodo_client against the gateway', () => {
  let monitor: EmbeddedMonitor;
  let komodo: ReturnType<typeof KomodoClient>;

  beforeAll(async () => {
    monitor = await startEmbedded();
    const { key, secret } = await monitor.admin.ok<{ key: string; secret: string }>(
      'auth/manage',
      'CreateApiKey',
      {
        name: 'komodo_client',
      },
    );
    komodo = KomodoClient(monitor.url, { type: 'api-key', params: { key, secret } });
  });
  afterAll(() => monitor.destroy());

  it('runs the lifecycle with Komodo request names and answer shapes', async () => {
    const version: Types.GetVersionResponse = await komodo.read('GetVersion', {});
    expect(version.version).toMatch(/^\d+\.\d+\.\d+$/);

    const server: Types.Server = await komodo.write('CreateServer', {
      name: 'k-server',
      config: { address: 'https://127.0.0.1:8120', cpu_warning: 80 },
    });
    expect(server._id?.$oid).toMatch(/^[0-9a-f]{24}$/);
    expect(server.config?.cpu_warning).toBe(80);

    const deployment: Types.Deployment = await komodo.write('CreateDeployment', {
      name: 'k-deploy',
      config: { server_id: 'k-server', image: { type: 'Image', params: { image: 'app:1' } } },
    });
    expect(deployment.config?.server_id).toBe(server._id?.$oid);

    const updated: Types.Deployment = await komodo.write('UpdateDeployment', {
      id: deployment._id!.$oid,
      config: { restart: 'unless-stopped' as Types.RestartMode },
    });
    expect(updated.config?.restart).toBe('unless-stopped');

    const list: Types.DeploymentListItem[] = await komodo.read('ListDeployments', {});
    expect(list.map((d) => [d.name, d.type])).toEqual([['k-deploy', 'Deployment']]);

    const renamed: Types.Update = await komodo.write('RenameDeployment', {
      id: 'k-deploy',
      name: 'k-deploy-2',
    });
    expect(renamed.operation).toBe('RenameDeployment');

    const tag: Types.Tag = await komodo.write('CreateTag', { name: 'k-tag' });
    await komodo.write('UpdateResourceMeta', {
      target: { type: 'Deployment', id: deployment._id!.$oid },
      tags: [tag._id!.$oid],
      description: 'from komodo_client',
    });
    const got: Types.Deployment = await komodo.read('GetDeployment', { deployment: 'k-deploy-2' });
    expect(got.tags).toEqual([tag._id!.$oid]);
    expect(got.description).toBe('from komodo_client');

    const updates: Types.ListUpdatesResponse = await komodo.read('ListUpdates', {});
    expect(updates.updates[0].operation).toBe('UpdateResourceMeta');
    // As Komodo: `username` is the user's name, `operator` their id.
    const admin: Types.User = await komodo.getUser();
    expect(updates.updates[0]).toMatchObject({ username: 'admin', operator: admin._id!.$oid });
    const update: Types.Update = await komodo.read('GetUpdate', { id: updates.updates[0].id });
    expect(update.status).toBe('Complete');

    await expect(komodo.read('GetDeployment', { deployment: 'nope' })).rejects.toMatchObject({
      status: 404,
      result: { error: expect.stringContaining('nope') },
    });
    const deleted: Types.Deployment = await komodo.write('DeleteDeployment', { id: 'k-deploy-2' });
    expect(deleted.name).toBe('k-deploy-2');
  });

  it("accepts a Deployment's Build image as Komodo spells it (`build`, serde's alias of `build_id`)", async () => {
    const build: Types.Build = await komodo.write('CreateBuild', { name: 'k-build' });
    const image = { type: 'Build', params: { build: 'k-build' } };
    const created: Types.Deployment = await komodo.write('CreateDeployment', {
      name: 'k-from-build',
      config: { image } as unknown as Types._PartialDeploymentConfig,
    });
    expect(created.config?.image).toMatchObject({
      type: 'Build',
      params: { build_id: build._id!.$oid },
    });
  });

  it("answers resources, list items, Updates, tags, users and core info in Komodo's types (checked by the compiler)", async () => {
    const { readModel } = monitor.runtime;
    const build = readModel.resource('Build', 'k-build')!;
    const resource: AnyKindResource<Types.Build> = toKomodoResource(build);
    const listed: AnyKindListItem<Types.BuildListItem> = toListItem(build);
    expect([resource.name, listed.type]).toEqual(['k-build', 'Build']);
    const info: Wire<Types.GetCoreInfoResponse> = coreInfo(monitor.runtime.config);
    expect(info.monitoring_interval).toBe('15-sec');
    const record = readModel.listUpdates(() => true)[0];
    const users = readModel.identity;
    const item: WithOwnKinds<Types.UpdateListItem> = toUpdateListItem(record, users);
    const update: WithOwnKinds<Types.Update> = toKomodoUpdate(record);
    const user: WithPartialAll<Types.User> = toKomodoUser(users.allUsers()[0]);
    const tag: Wire<Types.Tag> = toKomodoTag({ id: 't', name: 'n', owner: 'o', color: 'Slate' });
    expect(item.username).toBe('admin');
    expect(update.operator).toBe(user._id?.$oid);
    expect(tag.color).toBe('Slate');
  });

  it('follows the live update feed with the Komodo websocket protocol', async () => {
    const seen: Types.UpdateListItem[] = [];
    let loggedIn!: () => void;
    const ready = new Promise<void>((resolve) => (loggedIn = resolve));
    const cancel = new CancelToken();
    void komodo.subscribe_to_update_websocket({
      on_update: (update: Types.UpdateListItem) => void seen.push(update),
      on_login: () => loggedIn(),
      cancel,
    });
    await ready;
    await komodo.write('CreateAlerter', { name: 'live-alerter' });
    const deadline = Date.now() + 5000;
    while (!seen.some((u) => u.operation === 'CreateAlerter') && Date.now() < deadline) {
      await new Promise((r) => setTimeout(r, 20));
    }
    cancel.cancel();
    expect(seen.find((u) => u.operation === 'CreateAlerter')?.target.type).toBe('Alerter');
  });
});
