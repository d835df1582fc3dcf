import { createClient, type Client, type FormattedExecutionResult } from 'graphql-ws';
import { WebSocket } from 'ws';
import { api, logIn, type Auth } from '../../support/api';
import { LOCAL_AGENT_ENV, startEmbedded, type EmbeddedMonitor } from '../../support/embedded';
import { graphql } from '../../support/graphql';
import { storeQuiet } from '../../support/quiet-store';
import { enabledUser, grant } from '../../support/security';

/**
 * What a review of issue 18's surfaces found and fixed: a graphql-ws connection outliving its
 * login (Logout, a deleted API key, a revoked Read on the server it watches), cost counts that
 * gave up (a 500 over HTTP, nothing over the socket) or priced whole-stream reads at 1, and a
 * list filter resolving the name of a resource the caller cannot read. Each test failed before.
 */
type Result = FormattedExecutionResult<Record<string, unknown>, unknown>;

function wsClient(monitor: EmbeddedMonitor, jwt: string) {
  const closes: number[] = [];
  const client = createClient({
    url: `${monitor.url.replace('http', 'ws')}/graphql`,
    webSocketImpl: WebSocket,
    connectionParams: { authorization: `Bearer ${jwt}` },
    retryAttempts: 0,
    lazy: false,
    onNonLazyError: () => undefined,
    on: { closed: (event) => void closes.push((event as { code: number }).code) },
  });
  return { client, closes };
}

/** Runs one operation over the socket: its results and how it ended. */
function run(client: Client, query: string, ms = 10_000) {
  const state = { results: [] as Result[], error: undefined as unknown, done: false };
  const stop = client.subscribe(
    { query },
    {
      next: (result) => void state.results.push(result),
      error: (error) => ((state.error = error), (state.done = true)),
      complete: () => (state.done = true),
    },
  );
  const finished = new Promise<typeof state>((resolve) => {
    const deadline = Date.now() + ms;
    const poll = () =>
      state.done || Date.now() > deadline ? resolve(state) : setTimeout(poll, 20);
    poll();
  });
  return { state, stop, finished };
}

/** Subscribes to the local server's stats, runs `end` after the first reading, waits for the end. */
async function statsUntilEnded(client: Client, end: () => Promise<unknown>) {
  const stats = run(client, 'subscription { serverStats(server: "local") }', 20_000);
  const deadline = Date.now() + 10_000;
  while (!stats.state.results.length && Date.now() < deadline)
    await new Promise((r) => setTimeout(r, 50));
  expect(stats.state.results).toHaveLength(1);
  await end();
  return stats.finished;
}

describe('security: GraphQL sessions and costs, list filters (issue 18)', () => {
  let monitor: EmbeddedMonitor;
  let readerJwt = '';

  beforeAll(async () => {
    monitor = await startEmbedded({
      ...LOCAL_AGENT_ENV,
      MONITOR_AUTH_ALLOW_SIGNUPS: 'true',
      MONITOR_LIMITS_FEED_HEARTBEAT_MS: '300',
    });
    const server = await monitor.admin.write<{ _id: { $oid: string } }>('CreateServer', {
      name: 'pending-hidden',
    });
    const mine = await monitor.admin.write<{ _id: { $oid: string } }>('CreateDeployment', {
      name: 'pending-mine',
      config: { server_id: server._id.$oid },
    });
    const { auth } = await enabledUser(monitor, 'pending-reader');
    readerJwt = (auth as { jwt: string }).jwt;
    await grant(
      monitor.admin,
      'pending-reader',
      { type: 'Deployment', id: mine._id.$oid },
      'Write',
    );
    const local = monitor.runtime.readModel.resource('Server', 'local')!;
    await grant(monitor.admin, 'pending-reader', { type: 'Server', id: local.id }, 'Read');
  }, 120_000);
  afterAll(() => monitor.destroy());

  it('graphql-ws: a connection whose login was ended (Logout) runs no further mutation', async () => {
    const victim = await monitor.admin.write<{ _id: { $oid: string } }>('CreateDeployment', {
      name: 'pending-victim',
    });
    await grant(
      monitor.admin,
      'pending-reader',
      { type: 'Deployment', id: victim._id.$oid },
      'Write',
    );
    const jwt = (await logIn(monitor.url, 'pending-reader')).jwt;
    const { client, closes } = wsClient(monitor, jwt);
    const before = await run(
      client,
      '{ resource(kind: Deployment, name: "pending-mine") { name } }',
    ).finished;
    expect(before.results[0]?.data).toEqual({ resource: { name: 'pending-mine' } });
    await api(monitor.url, { jwt }).ok('auth/manage', 'Logout');
    await storeQuiet(monitor.runtime.store);
    const head = await monitor.runtime.store.headPosition();
    const after = await run(
      client,
      'mutation { RenameDeployment(params: { id: "pending-victim", name: "renamed-after-logout" }) }',
    ).finished;
    expect(
      monitor.runtime.readModel.resource('Deployment', 'renamed-after-logout'),
    ).toBeUndefined();
    expect(await monitor.runtime.store.headPosition()).toBe(head);
    expect(after.results[0]?.data?.RenameDeployment ?? null).toBeNull();
    expect(
      closes.length > 0 || JSON.stringify(after).match(/UNAUTHENTICATED|revoked/),
    ).toBeTruthy();
    await client.dispose();
  });

  it('graphql-ws: an idle connection is closed once its login ends, without waiting for an operation', async () => {
    const jwt = (await logIn(monitor.url, 'pending-reader')).jwt;
    const { client, closes } = wsClient(monitor, jwt);
    const first = await run(client, '{ resource(kind: Deployment, name: "pending-mine") { name } }')
      .finished;
    expect(first.results[0]?.data).toEqual({ resource: { name: 'pending-mine' } });
    await api(monitor.url, { jwt }).ok('auth/manage', 'Logout');
    const deadline = Date.now() + 5_000;
    while (!closes.includes(4401) && Date.now() < deadline)
      await new Promise((r) => setTimeout(r, 50));
    expect(closes).toContain(4401);
    await client.dispose();
  });

  it('graphql-ws: serverStats ends once its login is ended (Logout), as the event feeds do', async () => {
    const jwt = (await logIn(monitor.url, 'pending-reader')).jwt;
    const { client } = wsClient(monitor, jwt);
    const stats = await statsUntilEnded(client, () =>
      api(monitor.url, { jwt }).ok('auth', 'manage/Logout'),
    );
    expect(stats.done).toBe(true);
    expect(stats.results.filter((r) => r.data?.serverStats)).toHaveLength(1);
    await client.dispose();
  }, 30_000);

  it('graphql-ws: serverStats ends once Read on the server is taken away', async () => {
    const { auth } = await enabledUser(monitor, 'pending-stats');
    const local = monitor.runtime.readModel.resource('Server', 'local')!;
    const target = { type: 'Server', id: local.id };
    await grant(monitor.admin, 'pending-stats', target, 'Read');
    const { client } = wsClient(monitor, (auth as { jwt: string }).jwt);
    const stats = await statsUntilEnded(client, () =>
      grant(monitor.admin, 'pending-stats', target, 'None'),
    );
    expect(stats.done).toBe(true);
    expect(stats.results.filter((r) => r.data?.serverStats)).toHaveLength(1);
    await client.dispose();
  }, 30_000);

  it('graphql-ws: a subscription opened with an API key ends once the key is deleted, as /events does', async () => {
    const { auth } = await enabledUser(monitor, 'pending-keyholder');
    const mine = monitor.runtime.readModel.resource('Deployment', 'pending-mine')!;
    await grant(monitor.admin, 'pending-keyholder', { type: 'Deployment', id: mine.id }, 'Read');
    const { key, secret } = await api(monitor.url, auth).ok<{ key: string; secret: string }>(
      'auth',
      'manage/CreateApiKey',
      { name: 'ws-key' },
    );
    const client = createClient({
      url: `${monitor.url.replace('http', 'ws')}/graphql`,
      webSocketImpl: WebSocket,
      connectionParams: { apiKey: key, apiSecret: secret },
      retryAttempts: 0,
    });
    const feed = run(
      client,
      `subscription { events(resources: ["${mine.id}"], after: "now") { position type } }`,
      15_000,
    );
    await new Promise((r) => setTimeout(r, 300));
    await monitor.admin.write('UpdateDeployment', {
      id: 'pending-mine',
      config: { command: 'k1' },
    });
    const deadline = Date.now() + 5_000;
    while (!feed.state.results.length && Date.now() < deadline)
      await new Promise((r) => setTimeout(r, 25));
    expect(feed.state.results).toHaveLength(1);
    await api(monitor.url, auth).ok('auth', 'manage/DeleteApiKey', { key });
    await monitor.admin.write('UpdateDeployment', {
      id: 'pending-mine',
      config: { command: 'k2' },
    });
    const ended = await feed.finished;
    expect(ended.done).toBe(true);
    expect(ended.results.filter((r) => r.data)).toHaveLength(1);
    await client.dispose();
  }, 30_000);

  it('refuses, over HTTP with a 400 (not a 500) and over graphql-ws at all, an operation whose cost count gives up', async () => {
    // graphql-query-complexity stops counting past 10,000 nodes with an error: over HTTP the
    // answer is a 500; over the socket the cost check catches it and lets the operation run.
    const costly = Array.from(
      { length: 200 },
      (_, i) => `a${i}: resources(kind: Deployment, first: 1000) { edges { node { name } } }`,
    ).join(' ');
    const blowup = `fragment X on Query { __typename } fragment Y on Query { ${'...X '.repeat(120)} }`;
    const query = `{ ${costly} ${'...Y '.repeat(120)} } ${blowup}`;
    const http = await graphql(monitor.url, { jwt: readerJwt }).post(query);
    expect([http.status, http.errors?.[0].extensions?.code]).toEqual([400, 'QUERY_TOO_COSTLY']);
    const { client } = wsClient(monitor, readerJwt);
    const over = await run(client, query).finished;
    expect(over.results.filter((r) => r.data)).toEqual([]);
    expect(JSON.stringify(over.error ?? over.results)).toMatch(/QUERY_TOO_COSTLY|max_cost/);
    await client.dispose();
  });

  it('counts history and resourceAt as reads of a whole stream: 2,000 aliases are refused by the cost limit', async () => {
    const mine = monitor.runtime.readModel.resource('Deployment', 'pending-mine')!;
    const target = `target: { type: Deployment, id: "${mine.id}" }`;
    const gql = graphql(monitor.url, { jwt: readerJwt });
    for (const field of [
      `resourceAt(${target}, at: ${Date.now()})`,
      `history(${target}) { diff }`,
    ]) {
      const aliases = (n: number) =>
        `{ ${Array.from({ length: n }, (_, i) => `a${i}: ${field}`).join(' ')} }`;
      const bomb = await gql.post(aliases(2_000));
      expect([bomb.status, bomb.errors?.[0].extensions?.code]).toEqual([400, 'QUERY_TOO_COSTLY']);
      const few = await gql.post(aliases(10));
      expect(few.errors).toBeUndefined();
    }
  });

  it("ListDeployments' query.specific.server_ids does not resolve the name of a Server one cannot read", async () => {
    const reader = api(monitor.url, { jwt: readerJwt } as Auth);
    const byName = await reader.read<{ name: string }[]>('ListDeployments', {
      query: { specific: { server_ids: ['pending-hidden'] } },
    });
    const byWrongName = await reader.read<{ name: string }[]>('ListDeployments', {
      query: { specific: { server_ids: ['pending-not-a-server'] } },
    });
    // Else guessing names tells which is the unreadable server's: a name oracle.
    expect(byName).toEqual(byWrongName);
    const server = monitor.runtime.readModel.resource('Server', 'pending-hidden')!;
    const byId = await reader.read<{ name: string }[]>('ListDeployments', {
      query: { specific: { server_ids: [server.id] } },
    });
    expect(byId.map((d) => d.name)).toEqual(['pending-mine']);
  });
});
