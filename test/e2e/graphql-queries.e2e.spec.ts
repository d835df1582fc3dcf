import { graphql, sharedGraphqlSession } from '../support/graphql';

interface Page<T> {
  totalCount: number | null;
  edges: { cursor: string; node: T }[];
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
}

const names = (page: Page<{ name: string }>) => page.edges.map((e) => e.node.name);

describe('GraphQL queries', () => {
  const session = sharedGraphqlSession({ type: 'Deployment', id: 'web' }, async (admin) => {
    await admin.write('CreateTag', { name: 'prod' });
    await admin.write('CreateServer', { name: 'srv' });
    await admin.write('CreateBuild', { name: 'img' });
    await admin.write('CreateDeployment', {
      name: 'web',
      tags: ['prod'],
      config: { server_id: 'srv', image: { type: 'Build', params: { build: 'img' } } },
    });
    await admin.write('CreateDeployment', { name: 'api', config: { server_id: 'srv' } });
    await admin.write('CreateDeployment', { name: 'db' });
  });

  it('lists deployments with their server, build, tags, config and state', async () => {
    const { deployments } = await session.gql.ok<{ deployments: Page<Record<string, unknown>> }>(`{
      deployments { totalCount edges { node {
        name state tags { name } config { server_id restart image }
        server { name } build { name }
      } } }
    }`);
    const server = session.monitor.runtime.readModel.resource('Server', 'srv')!;
    expect(deployments.totalCount).toBe(3);
    expect(deployments.edges.map((e) => e.node)).toEqual([
      expect.objectContaining({ name: 'api', server: { name: 'srv' }, build: null, tags: [] }),
      expect.objectContaining({ name: 'db', server: null, build: null }),
      {
        name: 'web',
        state: expect.any(String),
        tags: [{ name: 'prod' }],
        config: {
          server_id: server.id,
          restart: expect.any(String),
          image: {
            type: 'Build',
            params: expect.objectContaining({ build_id: expect.any(String) }),
          },
        },
        server: { name: 'srv' },
        build: { name: 'img' },
      },
    ]);
  });

  it('pages with cursors: first, after, hasNextPage, endCursor', async () => {
    const page = (after?: string) =>
      session.gql.ok<{ resources: Page<{ name: string }> }>(
        'query($after: String) { resources(kind: Deployment, first: 2, after: $after) { totalCount edges { cursor node { name } } pageInfo { hasNextPage endCursor } } }',
        { after },
      );
    const first = (await page()).resources;
    expect([names(first), first.pageInfo.hasNextPage, first.totalCount]).toEqual([
      ['api', 'db'],
      true,
      3,
    ]);
    expect(first.pageInfo.endCursor).toBe(first.edges[1].cursor);
    const second = (await page(first.pageInfo.endCursor!)).resources;
    expect([names(second), second.pageInfo.hasNextPage]).toEqual([['web'], false]);
    const bad = await session.gql.post(
      '{ resources(kind: Deployment, after: "bm9wZQ") { totalCount } }',
    );
    expect(bad.errors?.[0]).toMatchObject({
      message: expect.stringMatching(/^after:/),
      extensions: { code: 'BAD_USER_INPUT' },
    });
  });

  it('filters by tags, by a part of the name, and by state', async () => {
    const filtered = async (filter: string) =>
      names(
        (
          await session.gql.ok<{ deployments: Page<{ name: string }> }>(
            `{ deployments(filter: ${filter}) { edges { node { name } } } }`,
          )
        ).deployments,
      );
    expect(await filtered('{ tags: ["prod"] }')).toEqual(['web']);
    expect(await filtered('{ query: "P" }')).toEqual(['api']);
    const { resource } = await session.gql.ok<{ resource: { state: string } }>(
      '{ resource(kind: Deployment, name: "web") { state } }',
    );
    expect(await filtered(`{ state: "${resource.state}" }`)).toContain('web');
    expect(await filtered('{ state: "no-such-state" }')).toEqual([]);
  });

  it('finds one resource by id or name; null when there is none', async () => {
    const web = session.monitor.runtime.readModel.resource('Deployment', 'web')!;
    const data = await session.gql.ok<Record<string, unknown>>(`{
      byId: resource(kind: Deployment, id: "${web.id}") { name kind }
      byName: resource(kind: Deployment, name: "web") { id }
      missing: resource(kind: Deployment, name: "nope") { id }
      wrongKind: resource(kind: Server, id: "${web.id}") { id }
    }`);
    expect(data).toEqual({
      byId: { name: 'web', kind: 'Deployment' },
      byName: { id: web.id },
      missing: null,
      wrongKind: null,
    });
    const both = await session.gql.post(
      `{ resource(kind: Deployment, id: "x", name: "y") { id } }`,
    );
    expect(both.errors?.[0].message).toBe('resource: give either id or name');
  });

  it('never shows a reader what they may not read: lists, resource(), references', async () => {
    const data = await session.reader.ok<Record<string, unknown>>(`{
      deployments { totalCount edges { node { name ... on Deployment { server { name } } } } }
      servers { totalCount }
      hidden: resource(kind: Deployment, name: "api") { id }
      srv: resource(kind: Server, name: "srv") { id }
      web: resource(kind: Deployment, name: "web") { ... on Deployment { server { name } build { name } } }
    }`);
    expect(data).toEqual({
      deployments: { totalCount: 1, edges: [{ node: { name: 'web', server: null } }] },
      servers: { totalCount: 0 },
      hidden: null,
      srv: null,
      web: { server: null, build: null },
    });
  });

  it('answers the audit trail: updates newest first, filtered, paged, as the caller sees it', async () => {
    type Updates = { updates: Page<{ operation: string; target: { type: string; id: string } }> };
    const query = `query($after: String, $filter: JSON) { updates(filter: $filter, first: 2, after: $after) {
      edges { cursor node { operation target { type id } } } pageInfo { hasNextPage endCursor } } }`;
    const filter = { 'target.type': 'Deployment' };
    const first = (await session.gql.ok<Updates>(query, { filter })).updates;
    expect(first.edges.map((e) => e.node.operation)).toEqual([
      'CreateDeployment',
      'CreateDeployment',
    ]);
    expect(first.pageInfo.hasNextPage).toBe(true);
    const second = (
      await session.gql.ok<Updates>(query, { filter, after: first.pageInfo.endCursor })
    ).updates;
    expect(second.edges.map((e) => e.node.operation)).toEqual(['CreateDeployment']);
    expect(second.pageInfo.hasNextPage).toBe(false);
    const web = session.monitor.runtime.readModel.resource('Deployment', 'web')!;
    const seen = (await session.reader.ok<Updates>(query, { filter })).updates.edges.map(
      (e) => e.node.target.id,
    );
    expect(seen).toEqual([web.id]);
  });

  it('answers alerts (none yet) as a connection', async () => {
    const data = await session.gql.ok(
      '{ alerts { edges { node { id level } } pageInfo { hasNextPage } } }',
    );
    expect(data).toEqual({ alerts: { edges: [], pageInfo: { hasNextPage: false } } });
  });

  it("answers a resource's history and the resource at a revision, to those who may read it", async () => {
    await session.admin.write('RenameDeployment', { id: 'db', name: 'db-2' });
    const db = session.monitor.runtime.readModel.resource('Deployment', 'db-2')!;
    const target = `target: { type: Deployment, id: "${db.id}" }`;
    const { history } = await session.gql.ok<{ history: { revision: number; type: string }[] }>(
      `{ history(${target}) { revision type user } }`,
    );
    expect(history.map((h) => h.type)).toEqual(['DeploymentCreated', 'DeploymentRenamed']);
    const at = (revision: number) =>
      session.gql.ok<{ resourceAt: { name: string } }>(
        `{ resourceAt(${target}, revision: ${revision}) }`,
      );
    expect((await at(history[0].revision)).resourceAt.name).toBe('db');
    expect((await at(history[1].revision)).resourceAt.name).toBe('db-2');
    const refused = await session.reader.post(
      `{ history(target: { type: Deployment, id: "${db.id}" }) { revision } }`,
    );
    expect(refused.errors?.[0].extensions?.code).toMatch(/FORBIDDEN|NOT_FOUND/);
  });

  it('refuses a caller without credentials, or with a forged token, with 401', async () => {
    for (const client of [
      graphql(session.monitor.url),
      graphql(session.monitor.url, { jwt: 'forged' }),
    ]) {
      const answer = await client.post('{ deployments { totalCount } }');
      expect(answer.status).toBe(401);
      expect(answer.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
      expect(answer.data ?? null).toBeNull();
    }
  });

  it('serves no GraphiQL page unless [graphql] graphiql is on', async () => {
    const response = await fetch(`${session.monitor.url}/graphql`, {
      headers: { accept: 'text/html' },
    });
    expect(response.headers.get('content-type') ?? '').not.toMatch(/text\/html/);
    expect(await response.text()).not.toMatch(/graphiql/i);
  });
});
