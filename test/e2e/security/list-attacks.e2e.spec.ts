import { api, type ApiClient } from '../../support/api';
import { startEmbedded, type EmbeddedMonitor } from '../../support/embedded';
import { graphql, type GraphqlClient } from '../../support/graphql';
import { enabledUser, grant } from '../../support/security';

/**
 * Issue 18's fleet-scale lists (Komodo 2.3's paging, sort_by, query.specific; list items kept
 * ready in the read model), attacked by a user who reads one Deployment on a Server they cannot
 * read, beside Deployments they cannot read on that Server: paging params out of range, filters
 * and sorts naming the unreadable Server, and a grant taken away while the items are cached.
 */
describe('security: list attacks (issue 18)', () => {
  let monitor: EmbeddedMonitor;
  let reader: ApiClient;
  let readerGql: GraphqlClient;
  let serverId = '';
  let grantedId = '';
  const names = (items: { name: string }[]) => items.map((i) => i.name);

  beforeAll(async () => {
    monitor = await startEmbedded({ MONITOR_AUTH_ALLOW_SIGNUPS: 'true' });
    const server = await monitor.admin.write<{ _id: { $oid: string } }>('CreateServer', {
      name: 'list-hidden-server',
    });
    serverId = server._id.$oid;
    for (const name of ['list-a', 'list-b', 'list-c']) {
      const { _id } = await monitor.admin.write<{ _id: { $oid: string } }>('CreateDeployment', {
        name,
        config: { server_id: serverId },
      });
      if (name === 'list-b') grantedId = _id.$oid;
    }
    const user = await enabledUser(monitor, 'list-reader');
    reader = user.client;
    readerGql = graphql(monitor.url, user.auth);
    await grant(monitor.admin, 'list-reader', { type: 'Deployment', id: grantedId }, 'Read');
  }, 120_000);
  afterAll(() => monitor.destroy());

  it('refuses a negative page or limit with a 400 naming it; a huge one answers only what one reads', async () => {
    for (const field of ['page', 'limit']) {
      const answer = await reader.call<{ error: string }>('read', 'ListDeployments', {
        [field]: -1,
      });
      expect(answer.status).toBe(400);
      expect(answer.body.error).toMatch(new RegExp(field));
    }
    const huge = await reader.read<{ name: string }[]>('ListDeployments', {
      page: 0,
      limit: Number.MAX_SAFE_INTEGER,
    });
    expect(names(huge)).toEqual(['list-b']);
    const far = await reader.read<unknown[]>('ListDeployments', { page: 1e15, limit: 1e15 });
    expect(far).toEqual([]);
  });

  it('filters and sorts by an unreadable Server without showing what is on it beyond what one reads', async () => {
    const filtered = await reader.read<{ name: string }[]>('ListDeployments', {
      query: { specific: { server_ids: [serverId] } },
    });
    expect(names(filtered)).toEqual(['list-b']);
    for (const sort_desc of [false, true]) {
      const sorted = await reader.read<{ name: string }[]>('ListDeployments', {
        sort_by: 'Server',
        sort_desc,
      });
      expect(names(sorted)).toEqual(['list-b']);
    }
    expect(await reader.read('ListServers')).toEqual([]);
    const summary = await reader.read<{ total: number }>('GetDeploymentsSummary');
    expect(summary.total).toBe(1);
  });

  it("answers ListUpdates' dotted query about an unreadable resource with nothing", async () => {
    const hidden = monitor.runtime.readModel.resource('Deployment', 'list-a')!;
    const answer = await reader.read<{ updates: unknown[] }>('ListUpdates', {
      query: { 'target.id': hidden.id },
    });
    expect(answer.updates).toEqual([]);
    const own = await reader.read<{ updates: unknown[] }>('ListUpdates', {
      query: { 'target.id': grantedId },
    });
    expect(own.updates.length).toBeGreaterThan(0);
  });

  it('hides a cached list item at once when its grant is taken away, and shows it again when given back', async () => {
    const gqlNames = async () =>
      (
        await readerGql.ok<{ deployments: { edges: { node: { name: string } }[] } }>(
          '{ deployments { edges { node { name } } } }',
        )
      ).deployments.edges.map((e) => e.node.name);
    expect(names(await reader.read('ListDeployments'))).toEqual(['list-b']);
    expect(await gqlNames()).toEqual(['list-b']);
    const target = { type: 'Deployment', id: grantedId };
    await grant(monitor.admin, 'list-reader', target, 'None');
    expect(await reader.read('ListDeployments')).toEqual([]);
    expect(await reader.read('ListDeployments', { query: { names: ['list-b'] } })).toEqual([]);
    expect(await gqlNames()).toEqual([]);
    expect((await reader.read<{ total: number }>('GetDeploymentsSummary')).total).toBe(0);
    await grant(monitor.admin, 'list-reader', target, 'Read');
    expect(names(await reader.read('ListDeployments'))).toEqual(['list-b']);
  });

  it('refuses the lists to a disabled user and to an anonymous caller', async () => {
    const user = await monitor.admin.read<{ _id: { $oid: string } }>('FindUser', {
      user: 'list-reader',
    });
    await monitor.admin.write('UpdateUserBasePermissions', {
      user_id: user._id.$oid,
      enabled: false,
    });
    expect((await reader.call('read', 'ListDeployments')).status).toBe(403);
    expect((await readerGql.post('{ deployments { edges { node { name } } } }')).status).toBe(403);
    expect((await api(monitor.url).call('read', 'ListDeployments')).status).toBe(401);
    await monitor.admin.write('UpdateUserBasePermissions', {
      user_id: user._id.$oid,
      enabled: true,
    });
    expect(names(await reader.read('ListDeployments'))).toEqual(['list-b']);
  });
});
