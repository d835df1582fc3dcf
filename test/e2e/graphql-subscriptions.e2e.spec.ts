import { KIND_REQUESTS } from '@monitor/contracts';
import { alertStream, RESOURCE_KINDS } from '@monitor/domain';
import { newId } from '@monitor/resources';
import type { Client } from 'graphql-ws';
import { WebSocket } from 'ws';
import { signUp } from '../support/api';
import { LOCAL_AGENT_ENV, startEmbedded, type EmbeddedMonitor } from '../support/embedded';
import {
  floodDeploymentStatus,
  graphqlWs,
  subscribe,
  SYSTEM_META,
  until,
} from '../support/live-feeds';

const EVENTS = `subscription (
  $kinds: [String!], $types: [String!], $resources: [String!], $tags: [String!], $after: String
) {
  events(kinds: $kinds, types: $types, resources: $resources, tags: $tags, after: $after) {
    position stream type data
  }
}`;

describe('GraphQL subscriptions over graphql-ws at /graphql', () => {
  let monitor: EmbeddedMonitor;
  let admin: Client;
  const ids: string[] = [];
  let start = 0;

  beforeAll(async () => {
    monitor = await startEmbedded({
      ...LOCAL_AGENT_ENV,
      MONITOR_AUTH_ALLOW_SIGNUPS: 'true',
      MONITOR_LIMITS_FEED_BUFFER: '50',
    });
    admin = graphqlWs(monitor, {
      authorization: `Bearer ${(monitor.adminAuth as { jwt: string }).jwt}`,
    }).client;
    start = monitor.runtime.readModel.position;
    for (let i = 1; i <= 5; i++) {
      const { _id } = await monitor.admin.write<{ _id: { $oid: string } }>('CreateDeployment', {
        name: `gql-${i}`,
      });
      ids.push(_id.$oid);
    }
  }, 60_000);
  afterAll(async () => {
    await admin.dispose();
    await monitor.destroy();
  });

  it('refuses a connection whose connectionParams do not authenticate', async () => {
    const { client, closes } = graphqlWs(monitor, { authorization: 'Bearer nonsense' });
    const sub = subscribe(client, EVENTS);
    await until(() => sub.ended !== undefined);
    expect(closes[0]?.code).toBe(4401);
    await client.dispose();
  });

  it("holds queries over the socket to the HTTP endpoint's depth and cost limits, and answers them as it does", async () => {
    const deep = `{ deployments { edges { node { ${'build { '.repeat(16)}name${' }'.repeat(16)} } } } }`;
    const refusedDeep = subscribe(admin, deep);
    await until(() => refusedDeep.ended !== undefined);
    expect(JSON.stringify(refusedDeep.ended?.error)).toMatch(/is 20 fields deep; the limit is 10/);

    const page =
      'deployments(first: 1000) { edges { node { name tags { name } server { name } } } }';
    const costly = `{ ${Array.from({ length: 10 }, (_, i) => `a${i}: ${page}`).join(' ')} }`;
    const refusedCostly = subscribe(admin, costly);
    await until(() => refusedCostly.ended !== undefined);
    expect(JSON.stringify(refusedCostly.ended?.error)).toMatch(
      /QUERY_TOO_COSTLY|the limit is 50000/,
    );

    const fine = subscribe(admin, '{ resource(kind: Deployment, name: "gql-1") { name state } }');
    await until(() => fine.ended !== undefined);
    expect(JSON.stringify(fine.ended?.error)).toBeUndefined();
    expect(fine.results[0]?.data?.resource).toEqual({ name: 'gql-1', state: 'unknown' });
  });

  it('events: disconnects at event N, resumes with after, and gets N+1..M exactly, in order', async () => {
    const vars = { types: ['DeploymentCreated'], resources: ids };
    const first = subscribe(admin, EVENTS, { ...vars, after: String(start) });
    await until(() => first.results.length >= 2);
    first.stop();
    const got = first.results.slice(0, 2).map((r) => r.data!.events);
    expect(got.map((e) => (e.data as { name: string }).name)).toEqual(['gql-1', 'gql-2']);
    const { _id } = await monitor.admin.write<{ _id: { $oid: string } }>('CreateDeployment', {
      name: 'gql-6',
    });
    ids.push(_id.$oid);

    const rest = subscribe(admin, EVENTS, {
      types: ['DeploymentCreated'],
      resources: ids,
      after: String(got[1].position),
    });
    await until(() => rest.results.length >= 4);
    await new Promise((r) => setTimeout(r, 300));
    rest.stop();
    const names = rest.results.map((r) => (r.data!.events.data as { name: string }).name);
    expect(names).toEqual(['gql-3', 'gql-4', 'gql-5', 'gql-6']);
    const positions = rest.results.map((r) => r.data!.events.position as number);
    expect(positions).toEqual([...positions].sort((a, b) => a - b));
  });

  it('every kind over the socket: a mutation creates it, the events subscription hears it, a query reads it', async () => {
    const kindsFeed = subscribe(admin, EVENTS, {
      kinds: [...RESOURCE_KINDS],
      types: RESOURCE_KINDS.map((kind) => `${kind}Created`),
      after: String(monitor.runtime.readModel.position),
    });
    const created = new Map<string, string>();
    for (const kind of RESOURCE_KINDS) {
      const create = KIND_REQUESTS[kind].create.name;
      const answer = subscribe(admin, `mutation($params: JSON!) { ${create}(params: $params) }`, {
        params: { name: `ws-${kind.toLowerCase()}` },
      });
      await until(() => answer.ended !== undefined);
      expect(answer.ended?.error).toBeUndefined();
      created.set(kind, (answer.results[0].data![create] as { _id: { $oid: string } })._id.$oid);
    }
    await until(() => kindsFeed.results.length >= RESOURCE_KINDS.length);
    kindsFeed.stop();
    const heard = kindsFeed.results.map((r) => r.data!.events);
    expect(heard.map((e) => e.type)).toEqual(RESOURCE_KINDS.map((kind) => `${kind}Created`));
    expect(heard.map((e) => (e.data as { name: string }).name)).toEqual(
      RESOURCE_KINDS.map((kind) => `ws-${kind.toLowerCase()}`),
    );
    for (const kind of RESOURCE_KINDS) {
      const read = subscribe(
        admin,
        `{ resource(kind: ${kind}, id: "${created.get(kind)}") { name } }`,
      );
      await until(() => read.ended !== undefined);
      expect(read.results[0].data?.resource).toEqual({ name: `ws-${kind.toLowerCase()}` });
    }
  });

  it('events: filters by tag; a user never receives events of resources they may not read', async () => {
    const from = String(monitor.runtime.readModel.position);
    const tag = await monitor.admin.write<{ _id: { $oid: string } }>('CreateTag', {
      name: 'gql-tag',
    });
    await monitor.admin.write('UpdateTagsOnResource', {
      target: { type: 'Deployment', id: ids[0] },
      tags: [tag._id.$oid],
    });
    await monitor.admin.write('UpdateDeployment', { id: ids[1], config: { command: 'untagged' } });
    const tagged = subscribe(admin, EVENTS, { tags: ['gql-tag'], after: from });
    await until(() => tagged.results.length >= 1);
    await new Promise((r) => setTimeout(r, 300));
    tagged.stop();
    expect(tagged.results.map((r) => r.data!.events.stream)).toEqual([`deployment-${ids[0]}`]);

    const reader = await signUp(monitor.url, 'gql-reader');
    const { _id } = await monitor.admin.read<{ _id: { $oid: string } }>('FindUser', {
      user: 'gql-reader',
    });
    await monitor.admin.write('UpdateUserBasePermissions', { user_id: _id.$oid, enabled: true });
    await monitor.admin.write('UpdatePermissionOnTarget', {
      user_target: { type: 'User', id: 'gql-reader' },
      resource_target: { type: 'Deployment', id: ids[2] },
      permission: 'Read',
    });
    const { client } = graphqlWs(monitor, { authorization: `Bearer ${reader.jwt}` });
    const seen = subscribe(client, EVENTS, { kinds: ['Deployment'], after: '0' });
    await until(() => seen.results.length >= 1);
    await new Promise((r) => setTimeout(r, 500));
    seen.stop();
    expect(new Set(seen.results.map((r) => r.data!.events.stream))).toEqual(
      new Set([`deployment-${ids[2]}`]),
    );
    await client.dispose();
  });

  it('updates: each Update as it is created, with its position', async () => {
    const sub = subscribe(
      admin,
      `subscription ($filter: UpdatesFilter) {
        updates(filter: $filter, after: "now") { position update { id operation status target { id } } }
      }`,
      { filter: { resources: [ids[3]] } },
    );
    await new Promise((r) => setTimeout(r, 200));
    await monitor.admin.write('UpdateDeployment', { id: ids[3], config: { command: 'u' } });
    await monitor.admin.write('UpdateDeployment', { id: ids[4], config: { command: 'other' } });
    await until(() => sub.results.length >= 1);
    await new Promise((r) => setTimeout(r, 300));
    sub.stop();
    expect(sub.results).toHaveLength(1);
    expect(sub.results[0].data!.updates).toMatchObject({
      position: expect.any(Number),
      update: { operation: 'UpdateDeployment', target: { id: ids[3] } },
    });
  });

  it('alerts: each alert as it opens', async () => {
    const sub = subscribe(
      admin,
      `subscription { alerts(after: "now") { position event alert { id level target { type id } } } }`,
    );
    await new Promise((r) => setTimeout(r, 200));
    const id = newId();
    const target = { type: 'Deployment', id: ids[0] };
    const data = {
      type: 'ContainerStateChange',
      data: { id: ids[0], name: 'gql-1', from: 'running', to: 'exited' },
    };
    await monitor.runtime.store.append(
      alertStream(id),
      [
        {
          id: newId(),
          type: 'AlertOpened',
          data: { id, type: data.type, level: 'WARNING', target, data, ts: Date.now() },
          metadata: SYSTEM_META,
        },
      ],
      'no_stream',
    );
    await until(() => sub.results.length >= 1);
    sub.stop();
    expect(sub.results[0].errors).toBeUndefined();
    expect(sub.results[0].data!.alerts).toMatchObject({
      event: 'AlertOpened',
      alert: { id, level: 'WARNING', target },
    });
  });

  it("serverStats: the local agent's stats, as GetSystemStats answers them", async () => {
    const sub = subscribe(admin, `subscription { serverStats(server: "local") }`);
    await until(() => sub.results.length >= 1, 30_000);
    sub.stop();
    expect(sub.results[0].errors).toBeUndefined();
    expect(sub.results[0].data!.serverStats).toMatchObject({ refresh_ts: expect.any(Number) });
  }, 40_000);

  it('drops a subscriber that stops reading with a DROPPED error; it resumes from its position', async () => {
    const { client, sockets } = graphqlWs(monitor, {
      authorization: `Bearer ${(monitor.adminAuth as { jwt: string }).jwt}`,
    });
    const sub = subscribe(client, EVENTS, {
      types: ['DeploymentStateObserved'],
      after: 'now',
    });
    await until(() => sockets.at(-1)?.readyState === WebSocket.OPEN);
    await new Promise((r) => setTimeout(r, 200));
    const socket = sockets.at(-1)!;
    socket.pause();
    await floodDeploymentStatus(
      monitor.runtime.store,
      `deploymentstatus-${ids[4]}`,
      'gql-slow',
      12,
    );
    socket.resume();
    await until(() => sub.results.some((r) => r.errors));
    const failed = sub.results.find((r) => r.errors)!;
    expect(failed.errors![0]).toMatchObject({
      message: expect.stringMatching(/read too slowly.*limits\.feed_buffer/),
      extensions: { code: 'DROPPED' },
    });
    const last = sub.results.filter((r) => r.data?.events).at(-1)!.data!.events.position as number;
    const resumed = subscribe(client, EVENTS, {
      types: ['DeploymentStateObserved'],
      after: String(last),
    });
    await until(() => resumed.results.length >= 1);
    resumed.stop();
    const [next] = await monitor.runtime.store.readAll(last, 1);
    expect(resumed.results[0].data!.events.position).toBe(next.position);
    await client.dispose();
  }, 60_000);
});
