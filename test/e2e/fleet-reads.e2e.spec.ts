import { newId } from '@monitor/resources';
import { api, signUp } from '../support/api';
import { startEmbedded, type EmbeddedMonitor } from '../support/embedded';

interface Item {
  id: string;
  name: string;
  tags: string[];
  info: Record<string, unknown>;
}

/**
 * Issue 18, fleet scale: List<Kinds> with Komodo 2.3's paging, sorting and queries through the
 * API, answered from the list items the read model keeps ready; a change shows in the very next
 * list (read your writes holds with the items cached).
 */
describe('Lists at fleet scale: paging, queries, items kept ready', () => {
  let monitor: EmbeddedMonitor;
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    monitor = await startEmbedded({ MONITOR_AUTH_ALLOW_SIGNUPS: 'true' });
    for (const name of ['east', 'west']) {
      const server = await monitor.admin.write<{ _id: { $oid: string } }>('CreateServer', {
        name,
        config: { address: 'http://127.0.0.1:1' },
      });
      ids[name] = server._id.$oid;
    }
    for (let i = 0; i < 12; i++) {
      const name = `app-${String(i).padStart(2, '0')}-${i % 2 ? 'prod' : 'dev'}`;
      const created = await monitor.admin.write<{ _id: { $oid: string } }>('CreateDeployment', {
        name,
        config: {
          server_id: i < 8 ? 'east' : 'west',
          image: { type: 'Image', params: { image: 'app:1' } },
        },
      });
      ids[name] = created._id.$oid;
    }
  }, 60_000);

  afterAll(() => monitor.destroy());

  const list = (params: object = {}) => monitor.admin.read<Item[]>('ListDeployments', params);
  const names = async (params: object = {}) => (await list(params)).map((d) => d.name);

  it('pages by name: limit and page, the last page short, past the end empty; sort_desc reverses', async () => {
    const all = await names();
    expect(all).toHaveLength(12);
    expect(all).toEqual([...all].sort((a, b) => a.localeCompare(b)));
    expect(await names({ limit: 5, page: 0 })).toEqual(all.slice(0, 5));
    expect(await names({ limit: 5, page: 2 })).toEqual(all.slice(10));
    expect(await names({ limit: 5, page: 3 })).toEqual([]);
    expect(await names({ limit: 0, page: 3 })).toEqual(all);
    expect(await names({ sort_desc: true, limit: 3 })).toEqual([...all].reverse().slice(0, 3));
  });

  it('sort_by another field (Server) orders by it, names breaking ties, then pages', async () => {
    const byServer = await list({ sort_by: 'Server', limit: 20 });
    const keys = byServer.map((d) => `${String(d.info.server_name)} ${d.name}`);
    expect(keys).toEqual([...keys].sort((a, b) => a.localeCompare(b)));
    // Komodo 2.3's ServerSortBy values, stats ones included (Monitor's items have none: by name).
    for (const sort_by of ['Version', 'Cpu', 'Memory', 'Disk', 'LoadAverage', 'Network']) {
      const servers = await monitor.admin.read<Item[]>('ListServers', { sort_by });
      expect(servers.map((s) => s.name)).toEqual(['east', 'west']);
    }
  });

  it('terms must all be in the name, in any case; names take ids', async () => {
    expect(await names({ query: { terms: ['APP-0', 'prod'] } })).toEqual([
      'app-01-prod',
      'app-03-prod',
      'app-05-prod',
      'app-07-prod',
      'app-09-prod',
    ]);
    expect(await names({ query: { names: [ids['app-02-dev'], 'app-11-prod'] } })).toEqual([
      'app-02-dev',
      'app-11-prod',
    ]);
  });

  it('query.specific: server_ids (by id or name) and states; a field the kind lacks is a 400 naming it', async () => {
    expect(await names({ query: { specific: { server_ids: ['west'] } } })).toEqual([
      'app-08-dev',
      'app-09-prod',
      'app-10-dev',
      'app-11-prod',
    ]);
    expect(
      await names({ query: { specific: { server_ids: [ids.west], states: ['running'] } } }),
    ).toEqual([]);
    const refused = await monitor.admin.call('read', 'ListDeployments', {
      query: { specific: { builder_ids: ['b'] } },
    });
    expect(refused.status).toBe(400);
    expect(JSON.stringify(refused.body)).toContain('query.specific.builder_ids');
  });

  it('the answer is the JSON of the items, byte for byte, as application/json', async () => {
    const response = await fetch(`${monitor.url}/read/ListDeployments`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: monitor.adminAuth.jwt },
      body: JSON.stringify({ limit: 4 }),
    });
    expect(response.headers.get('content-type')).toBe('application/json; charset=utf-8');
    const text = await response.text();
    expect(text).toBe(JSON.stringify(JSON.parse(text)));
    expect((JSON.parse(text) as Item[]).map((d) => d.name)).toEqual((await names()).slice(0, 4));
  });

  it("a server's rename, a polled state and a tag show in the next list at once", async () => {
    await list();
    await monitor.admin.write('RenameServer', { id: ids.west, name: 'west-2' });
    const onWest = await list({ query: { names: ['app-08-dev'] } });
    expect(onWest[0].info.server_name).toBe('west-2');

    const at = Date.now();
    const { position } = await monitor.runtime.store.append(
      `deploymentstatus-${ids['app-08-dev']}`,
      [
        {
          id: newId(),
          type: 'DeploymentStateObserved',
          data: { state: 'running', image: 'app:1', at },
          metadata: { userId: 'system', via: 'system', correlationId: 'c', causationId: 'c', at },
        },
      ],
      'any',
    );
    await monitor.runtime.readModel.waitFor(position);
    expect(await names({ query: { specific: { states: ['running'] } } })).toEqual(['app-08-dev']);

    const tag = await monitor.admin.write<{ _id: { $oid: string } }>('CreateTag', { name: 'edge' });
    await monitor.admin.write('UpdateTagsOnResource', {
      target: { type: 'Deployment', id: ids['app-08-dev'] },
      tags: [tag._id.$oid],
    });
    const tagged = await list({ query: { tags: ['edge'] } });
    expect(tagged.map((d) => [d.name, d.tags])).toEqual([['app-08-dev', [tag._id.$oid]]]);
  });

  it('a user with no grant lists none; a grant on one deployment lists it; Read on the kind lists all', async () => {
    const auth = await signUp(monitor.url, 'reader');
    const reader = api(monitor.url, auth);
    const { _id } = await monitor.admin.read<{ _id: { $oid: string } }>('FindUser', {
      user: 'reader',
    });
    await monitor.admin.write('UpdateUserBasePermissions', { user_id: _id.$oid, enabled: true });
    expect(await reader.read('ListDeployments', {})).toEqual([]);
    await monitor.admin.write('UpdatePermissionOnTarget', {
      user_target: { type: 'User', id: 'reader' },
      resource_target: { type: 'Deployment', id: ids['app-03-prod'] },
      permission: 'Read',
    });
    const listed = await reader.read<Item[]>('ListDeployments', { limit: 10 });
    expect(listed.map((d) => d.name)).toEqual(['app-03-prod']);
    await monitor.admin.write('UpdatePermissionOnResourceType', {
      user_target: { type: 'User', id: 'reader' },
      resource_type: 'Deployment',
      permission: 'Read',
    });
    expect(await reader.read<Item[]>('ListDeployments', {})).toEqual(await list());
    expect(await reader.read('ListServers', {})).toEqual([]);
  });
});
