import { createClient } from 'graphql-ws';
import { WebSocket } from 'ws';
import { api, authHeaders, type Auth } from '../../support/api';
import { startEmbedded, type EmbeddedMonitor } from '../../support/embedded';
import { graphql } from '../../support/graphql';
import { storeQuiet } from '../../support/quiet-store';
import { enabledUser, grant } from '../../support/security';

/**
 * Issue 18's GraphQL, attacked by a user with Read on one Deployment only (whose Server they
 * cannot read) and by an anonymous caller: batches, cycles, pages, aliases, introspection and
 * every way of naming a resource one cannot read. Each attack checks nothing was written.
 */
describe('security: GraphQL attacks (issue 18)', () => {
  let monitor: EmbeddedMonitor;
  let reader: Auth;
  let hiddenServerId = '';
  let hiddenDeploymentId = '';

  async function unchanged(attack: () => Promise<void>) {
    await storeQuiet(monitor.runtime.store);
    const before = await monitor.runtime.store.headPosition();
    await attack();
    expect(await monitor.runtime.store.headPosition()).toBe(before);
  }

  function post(body: string) {
    return fetch(`${monitor.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...authHeaders(monitor.adminAuth) },
      body,
    });
  }

  beforeAll(async () => {
    monitor = await startEmbedded({ MONITOR_AUTH_ALLOW_SIGNUPS: 'true' });
    const server = await monitor.admin.write<{ _id: { $oid: string } }>('CreateServer', {
      name: 'gqa-hidden-server',
    });
    hiddenServerId = server._id.$oid;
    const mine = await monitor.admin.write<{ _id: { $oid: string } }>('CreateDeployment', {
      name: 'gqa-mine',
      config: { server_id: hiddenServerId },
    });
    const hidden = await monitor.admin.write<{ _id: { $oid: string } }>('CreateDeployment', {
      name: 'gqa-hidden',
    });
    hiddenDeploymentId = hidden._id.$oid;
    reader = (await enabledUser(monitor, 'gqa-reader')).auth;
    await grant(monitor.admin, 'gqa-reader', { type: 'Deployment', id: mine._id.$oid }, 'Read');
  }, 120_000);
  afterAll(() => monitor.destroy());

  it('refuses a batched request (an array body) with a 400, running none of its operations', async () => {
    await unchanged(async () => {
      const mutation = { query: 'mutation { CreateServer(params: { name: "gqa-batched" }) }' };
      const response = await post(JSON.stringify([mutation, mutation]));
      expect(response.status).toBe(400);
    });
    expect(monitor.runtime.readModel.resource('Server', 'gqa-batched')).toBeUndefined();
    // The legitimate use: one operation per request.
    const one = await post(
      JSON.stringify({ query: '{ resource(kind: Server, name: "gqa-hidden-server") { name } }' }),
    );
    expect(one.status).toBe(200);
  });

  it('refuses a fragment cycle at validation, before anything runs', async () => {
    const answer = await graphql(monitor.url, reader).post(`
      query { deployments { edges { node { ...A } } } }
      fragment A on Deployment { name ...B }
      fragment B on Deployment { id ...A }`);
    expect(answer.status).toBe(400);
    expect(answer.errors?.[0].message).toMatch(/cannot spread fragment/i);
    expect(answer.data ?? null).toBeNull();
  });

  it('refuses a negative `first` or one over 1000 naming it, and a huge one by its cost; a page within works', async () => {
    const gql = graphql(monitor.url, reader);
    const page = (first: number) =>
      gql.post(`{ deployments(first: ${first}) { edges { node { name } } } }`);
    for (const first of [-1, 1001]) {
      const answer = await page(first);
      expect(answer.errors?.[0].message).toMatch(/^first: must be between 0 and 1000/);
      expect(answer.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
      expect(answer.data ?? null).toBeNull();
    }
    const huge = await page(1_000_000);
    expect([huge.status, huge.errors?.[0].extensions?.code]).toEqual([400, 'QUERY_TOO_COSTLY']);
    const data = await gql.ok<{ deployments: { edges: { node: { name: string } }[] } }>(
      '{ deployments(first: 10) { edges { node { name } } } }',
    );
    expect(data.deployments.edges.map((e) => e.node.name)).toEqual(['gqa-mine']);
  });

  it('counts every alias of a page against the cost limit: 60 aliases of first: 1000 are refused', async () => {
    const aliases = Array.from(
      { length: 60 },
      (_, i) => `a${i}: resources(kind: Deployment, first: 1000) { edges { node { name } } }`,
    ).join('\n');
    const answer = await graphql(monitor.url, reader).post(`{ ${aliases} }`);
    expect(answer.status).toBe(400);
    expect(answer.errors?.[0].extensions?.code).toBe('QUERY_TOO_COSTLY');
    expect(answer.data ?? null).toBeNull();
  });

  it('answers an anonymous introspection or __typename with 401, and a signed-in one', async () => {
    for (const query of ['{ __schema { types { name } } }', '{ __typename }']) {
      const anonymous = await graphql(monitor.url).post(query);
      expect(anonymous.status).toBe(401);
      expect(anonymous.data ?? null).toBeNull();
    }
    const signedIn = await graphql(monitor.url, reader).ok<{ __typename: string }>(
      '{ __typename }',
    );
    expect(signedIn.__typename).toBe('Query');
  });

  it('shows an unreadable resource as a missing one through every way of naming it', async () => {
    const gql = graphql(monitor.url, reader);
    const named = (kind: string, name: string) =>
      gql.post(`{ resource(kind: ${kind}, name: "${name}") { id name } }`);
    const [unreadable, missing] = [
      await named('Server', 'gqa-hidden-server'),
      await named('Server', 'gqa-none'),
    ];
    expect(unreadable).toEqual(missing);
    const byId = await gql.post(
      `{ resource(kind: Deployment, id: "${hiddenDeploymentId}") { name } }`,
    );
    expect(JSON.stringify(byId)).not.toContain('gqa-hidden');
    // The reference from a readable Deployment to its unreadable Server is null, never its name.
    const data = await gql.ok<{ deployments: { edges: { node: Record<string, unknown> }[] } }>(
      '{ deployments { edges { node { name server { id name } } } } servers { edges { node { name } } } }',
    );
    expect(data.deployments.edges).toEqual([{ node: { name: 'gqa-mine', server: null } }]);
    expect(JSON.stringify(data)).not.toContain('gqa-hidden-server');
  });

  it('refuses history and resourceAt of a resource one cannot read as the RPC does, answering none of it', async () => {
    const gql = graphql(monitor.url, reader);
    const target = { type: 'Deployment', id: hiddenDeploymentId };
    const rpc = await api(monitor.url, reader).call<{ error: string }>(
      'read',
      'GetResourceHistory',
      { target },
    );
    expect(rpc.status).toBe(403);
    const inline = `target: { type: Deployment, id: "${hiddenDeploymentId}" }`;
    for (const [name, field] of [
      ['history', `history(${inline}) { diff }`],
      ['resourceAt', `resourceAt(${inline}, revision: 0)`],
    ]) {
      const answer = await gql.post(`{ ${field} }`);
      expect(answer.errors?.[0]).toMatchObject({
        message: rpc.body.error,
        extensions: { code: 'FORBIDDEN', status: 403 },
      });
      expect(answer.data?.[name] ?? null).toBeNull();
    }
    const mine = monitor.runtime.readModel.resource('Deployment', 'gqa-mine')!;
    const own = await gql.ok<{ history: unknown[] }>(
      `{ history(target: { type: Deployment, id: "${mine.id}" }) { diff } }`,
    );
    expect(own.history.length).toBeGreaterThan(0);
  });

  it("refuses a Read-only user's mutation of the Deployment it reads, and its reference to an unreadable Server", async () => {
    await unchanged(async () => {
      const gql = graphql(monitor.url, reader);
      const update = await gql.post(
        `mutation { UpdateDeployment(params: { id: "gqa-mine", config: { server_id: "${hiddenServerId}" } }) }`,
      );
      expect(update.errors?.[0].extensions?.code).toBe('FORBIDDEN');
      const create = await gql.post(
        `mutation { CreateDeployment(params: { name: "gqa-new", config: { server_id: "${hiddenServerId}" } }) }`,
      );
      expect(create.errors?.[0].extensions?.code).toBe('FORBIDDEN');
      expect(create.errors?.[0].message).toMatch(/server_id/);
    });
    expect(monitor.runtime.readModel.resource('Deployment', 'gqa-new')).toBeUndefined();
    expect((await api(monitor.url, reader).read<unknown[]>('ListDeployments')).length).toBe(1);
  });

  it("answers a Read user no sealed secret of what it reads: a Server's passkey, through config, __typename fragments, history and resourceAt", async () => {
    const passkey = `gqa-passkey-${process.pid}-${Date.now()}`;
    const { _id } = await monitor.admin.write<{ _id: { $oid: string } }>('CreateServer', {
      name: 'gqa-readable-server',
      config: { passkey },
    });
    await grant(monitor.admin, 'gqa-reader', { type: 'Server', id: _id.$oid }, 'Read');
    const target = `target: { type: Server, id: "${_id.$oid}" }`;
    const answer = await graphql(monitor.url, reader).post(`{
      servers { edges { node { __typename config { passkey } } } }
      resource(kind: Server, id: "${_id.$oid}") { __typename ... on Server { config { passkey } } }
      history(${target}) { diff }
      first: resourceAt(${target}, revision: 0)
      now: resourceAt(${target}, at: ${Date.now() + 1000})
    }`);
    expect(answer.errors).toBeUndefined();
    expect((answer.data as { servers: { edges: unknown[] } }).servers.edges).toHaveLength(1);
    expect(JSON.stringify(answer.data)).toContain('passkey');
    expect(JSON.stringify(answer.data)).not.toContain(passkey);
  });

  it('runs nothing for a user disabled while their graphql-ws connection stays open, nothing written', async () => {
    const { _id } = await monitor.admin.write<{ _id: { $oid: string } }>('CreateDeployment', {
      name: 'gqa-victim',
    });
    const { auth } = await enabledUser(monitor, 'gqa-disabled');
    await grant(monitor.admin, 'gqa-disabled', { type: 'Deployment', id: _id.$oid }, 'Write');
    const client = createClient({
      url: `${monitor.url.replace('http', 'ws')}/graphql`,
      webSocketImpl: WebSocket,
      connectionParams: { authorization: `Bearer ${(auth as { jwt: string }).jwt}` },
      retryAttempts: 0,
      lazy: false,
      onNonLazyError: () => undefined,
    });
    const once = (query: string) =>
      new Promise<{ data?: unknown; errors?: readonly { extensions?: { code?: unknown } }[] }>(
        (resolve, reject) => {
          client.subscribe({ query }, { next: resolve, error: reject, complete: () => undefined });
        },
      );
    const read = `{ resource(kind: Deployment, id: "${_id.$oid}") { name } }`;
    expect((await once(read)).data).toEqual({ resource: { name: 'gqa-victim' } });
    const user = await monitor.admin.read<{ _id: { $oid: string } }>('FindUser', {
      user: 'gqa-disabled',
    });
    await monitor.admin.write('UpdateUserBasePermissions', {
      user_id: user._id.$oid,
      enabled: false,
    });
    await unchanged(async () => {
      const rename = await once(
        `mutation { RenameDeployment(params: { id: "${_id.$oid}", name: "gqa-renamed" }) }`,
      );
      expect(rename.errors?.[0].extensions?.code).toBe('FORBIDDEN');
      expect((await once(read)).data).toEqual({ resource: null });
    });
    expect(monitor.runtime.readModel.resource('Deployment', 'gqa-renamed')).toBeUndefined();
    await client.dispose();
  });
});
