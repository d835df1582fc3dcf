import type { ApiClient } from '../support/api';
import { startEmbedded, type EmbeddedMonitor } from '../support/embedded';

type Resource = {
  _id: { $oid: string };
  name: string;
  config: Record<string, unknown>;
  tags: string[];
  description: string;
};

describe('resource lifecycle over HTTP (embedded)', () => {
  let monitor: EmbeddedMonitor;
  let client: ApiClient;

  beforeAll(async () => {
    monitor = await startEmbedded();
    client = monitor.admin;
  });
  afterAll(() => monitor.destroy());

  it('creates, reads, updates, renames, copies and deletes a deployment', async () => {
    const server = await client.write<Resource>('CreateServer', {
      name: 'prod-1',
      config: { address: 'http://127.0.0.1:8120' },
    });
    expect(server._id.$oid).toMatch(/^[0-9a-f]{24}$/);

    const created = await client.write<Resource>('CreateDeployment', {
      name: 'web',
      config: { server_id: 'prod-1' },
    });
    expect(created.name).toBe('web');
    expect(created.config.server_id).toBe(server._id.$oid);

    const got = await client.read<Resource>('GetDeployment', { deployment: 'web' });
    expect(got._id.$oid).toBe(created._id.$oid);

    const updated = await client.write<Resource>('UpdateDeployment', {
      id: 'web',
      config: { network: 'host' },
    });
    expect(updated.config.network).toBe('host');

    const renamed = await client.write<{ operation: string }>('RenameDeployment', {
      id: created._id.$oid,
      name: 'web-2',
    });
    expect(renamed.operation).toBe('RenameDeployment');
    expect((await client.call('read', 'GetDeployment', { deployment: 'web' })).status).toBe(404);

    const copy = await client.write<Resource>('CopyDeployment', { id: 'web-2', name: 'web-copy' });
    expect(copy.config.network).toBe('host');
    expect(copy._id.$oid).not.toBe(created._id.$oid);

    const list = await client.read<{ name: string; type: string }[]>('ListDeployments', {});
    expect(list.map((d) => d.name)).toEqual(['web-2', 'web-copy']);

    const deleted = await client.write<Resource>('DeleteDeployment', { id: 'web-copy' });
    expect(deleted.name).toBe('web-copy');
    expect((await client.read<unknown[]>('ListDeployments', {})).length).toBe(1);
    // the name is free again
    await client.write('CreateDeployment', { name: 'web-copy' });
  });

  it('refuses to delete a server that a deployment references, naming the referrer', async () => {
    await client.write('CreateServer', { name: 'ref-srv' });
    await client.write('CreateDeployment', { name: 'ref-dep', config: { server_id: 'ref-srv' } });
    const answer = await client.call<{ error: string; trace: string[] }>('write', 'DeleteServer', {
      id: 'ref-srv',
    });
    expect(answer.status).toBe(409);
    expect(answer.body.error).toContain("Deployment 'ref-dep'");
    expect(answer.body.trace[0]).toContain('server_id');
    await client.write('UpdateDeployment', { id: 'ref-dep', config: { server_id: '' } });
    await client.write('DeleteServer', { id: 'ref-srv' });
  });

  it('records every write as an Update with its field-level diff', async () => {
    const dep = await client.write<Resource>('CreateDeployment', { name: 'audited' });
    await client.write('UpdateDeployment', {
      id: 'audited',
      config: { network: 'bridge', restart: 'always' },
    });
    const { updates } = await client.read<{
      updates: { id: string; operation: string; target: { id: string } }[];
    }>('ListUpdates', { query: { 'target.id': dep._id.$oid } });
    expect(updates.map((u) => u.operation)).toEqual(['UpdateDeployment', 'CreateDeployment']);
    const full = await client.read<{
      logs: { stdout: string }[];
      status: string;
      operator: string;
    }>('GetUpdate', {
      id: updates[0].id,
    });
    expect(full.status).toBe('Complete');
    expect(full.logs[0].stdout).toContain('network: "host" -> "bridge"');
    expect(full.logs[0].stdout).toContain('restart:');
    expect(full.logs[0].stdout).not.toContain('command');
  });

  it('shows a resource history and the resource at any revision', async () => {
    const dep = await client.write<Resource>('CreateDeployment', {
      name: 'history',
      config: { command: 'one' },
    });
    await client.write('UpdateDeployment', { id: 'history', config: { command: 'two' } });
    await client.write('RenameDeployment', { id: 'history', name: 'history-2' });
    const target = { type: 'Deployment', id: dep._id.$oid };
    const history = await client.read<
      { revision: number; type: string; diff: unknown; user: string; via: string }[]
    >('GetResourceHistory', { target });
    expect(history.map((h) => [h.revision, h.type])).toEqual([
      [0, 'DeploymentCreated'],
      [1, 'DeploymentConfigUpdated'],
      [2, 'DeploymentRenamed'],
    ]);
    expect(history[1].diff).toEqual({ command: { from: 'one', to: 'two' } });
    expect(history[1].via).toBe('api');
    const asCreated = await client.read<Resource>('GetResourceAt', { target, revision: 0 });
    expect(asCreated.config.command).toBe('one');
    expect(asCreated.name).toBe('history');
    const atOne = await client.read<Resource>('GetResourceAt', {
      target: { type: 'Deployment', id: 'history-2' },
      revision: 1,
    });
    expect(atOne.config.command).toBe('two');
    expect(atOne.name).toBe('history');
  });

  it('manages tags and tags on resources', async () => {
    const tag = await client.write<{ _id: { $oid: string }; name: string; color: string }>(
      'CreateTag',
      { name: 'prod' },
    );
    expect(tag.color).toBe('Slate');
    await client.write('CreateServer', { name: 'tagged' });
    await client.write('UpdateTagsOnResource', {
      target: { type: 'Server', id: 'tagged' },
      tags: ['prod'],
    });
    let server = await client.read<Resource>('GetServer', { server: 'tagged' });
    expect(server.tags).toEqual([tag._id.$oid]);
    const byTag = await client.read<{ name: string }[]>('ListServers', {
      query: { tags: ['prod'] },
    });
    expect(byTag.map((s) => s.name)).toEqual(['tagged']);
    await client.write('RenameTag', { id: tag._id.$oid, name: 'production' });
    expect((await client.read<{ name: string }[]>('ListTags')).map((t) => t.name)).toEqual([
      'production',
    ]);
    expect((await client.call('write', 'CreateTag', { name: 'production' })).status).toBe(409);
    await client.write('DeleteTag', { id: 'production' });
    server = await client.read<Resource>('GetServer', { server: 'tagged' });
    expect(server.tags).toEqual([]);
  });

  it('answers GetVersion', async () => {
    expect(await client.read('GetVersion')).toEqual({
      version: expect.stringMatching(/^\d+\.\d+\.\d+$/),
    });
  });
});
