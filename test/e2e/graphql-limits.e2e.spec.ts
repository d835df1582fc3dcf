import type { ReadModel } from '@monitor/projections';
import { startEmbedded, type EmbeddedMonitor } from '../support/embedded';
import { graphql, type GraphqlClient } from '../support/graphql';

/** The read model's lookups: what a resolver can ask of it. */
const LOOKUPS = [
  'resourceById',
  'resourcesById',
  'resource',
  'list',
  'sortedList',
  'tag',
  'allTags',
  'listUpdates',
] as const;

/**
 * Counts the read model's lookups made by GraphQL's resolvers (the call comes from its folder;
 * the running Monitor's own pollers read too) while `run` runs. Each lookup still does its work.
 */
async function lookupsDuring(readModel: ReadModel, run: () => Promise<unknown>): Promise<number> {
  let count = 0;
  const originals = LOOKUPS.map((name) => [name, readModel[name]] as const);
  for (const [name, original] of originals) {
    const counted = (...args: unknown[]) => {
      if (new Error().stack?.includes('/apps/gateway/src/graphql/')) count += 1;
      return (original as (...a: unknown[]) => unknown).apply(readModel, args);
    };
    Object.assign(readModel, { [name]: counted });
  }
  try {
    await run();
    return count;
  } finally {
    for (const [name] of originals) delete (readModel as unknown as Record<string, unknown>)[name];
  }
}

/** Creates deployments `from`..`to - 1`, spread over the servers, a few requests at a time. */
async function createDeployments(monitor: EmbeddedMonitor, from: number, to: number) {
  const servers = ['srv-a', 'srv-b', 'srv-c'];
  for (let start = from; start < to; start += 25) {
    await Promise.all(
      Array.from({ length: Math.min(25, to - start) }, (_, i) =>
        monitor.admin.write('CreateDeployment', {
          name: `dep-${String(start + i).padStart(4, '0')}`,
          config: { server_id: servers[(start + i) % servers.length] },
        }),
      ),
    );
  }
}

describe('GraphQL limits and batching', () => {
  let monitor: EmbeddedMonitor;
  let gql: GraphqlClient;

  beforeAll(async () => {
    monitor = await startEmbedded();
    gql = graphql(monitor.url, monitor.adminAuth);
    for (const name of ['srv-a', 'srv-b', 'srv-c'])
      await monitor.admin.write('CreateServer', { name });
  });
  afterAll(() => monitor.destroy());

  it('refuses a query 20 fields deep before running it, naming the limit', async () => {
    const deep = `{ deployments { edges { node { ${'build { '.repeat(16)}name${' }'.repeat(16)} } } } }`;
    const lookups = await lookupsDuring(monitor.runtime.readModel, async () => {
      const answer = await gql.post(deep);
      expect(answer.status).toBe(400);
      expect(answer.data ?? null).toBeNull();
      expect(answer.errors).toContainEqual(
        expect.objectContaining({
          message:
            'query is 20 fields deep; the limit is 10 ([graphql] max_depth): ask for less nesting',
          extensions: expect.objectContaining({ code: 'GRAPHQL_VALIDATION_FAILED', status: 400 }),
        }),
      );
    });
    expect(lookups).toBe(0);
  });

  it('refuses a query costlier than [graphql] max_cost before running it', async () => {
    const page = 'deployments(first: 1000) { edges { node { name server { name } } } }';
    const costly = `{ ${Array.from({ length: 12 }, (_, i) => `p${i}: ${page}`).join(' ')} }`;
    const lookups = await lookupsDuring(monitor.runtime.readModel, async () => {
      const answer = await gql.post(costly);
      expect(answer.data ?? null).toBeNull();
      expect(answer.errors?.[0]).toMatchObject({
        message: expect.stringMatching(
          /^query costs \d+; the limit is 50000 \(\[graphql\] max_cost\)/,
        ),
        extensions: { code: 'QUERY_TOO_COSTLY' },
      });
      expect(answer.status).toBe(400);
    });
    expect(lookups).toBe(0);
    // The same page once is within the limit.
    await gql.ok(`{ ${page} }`);
  });

  it('refuses a page larger than 1000, naming `first`', async () => {
    const answer = await gql.post('{ deployments(first: 1001) { totalCount } }');
    expect(answer.errors?.[0]).toMatchObject({
      message: 'first: must be between 0 and 1000 (got 1001)',
      extensions: { code: 'BAD_USER_INPUT' },
    });
  });

  it('reads references batched: the lookups of a list with its servers do not grow with it', async () => {
    const query =
      '{ deployments(first: 1000) { totalCount edges { node { name server { name } } } } }';
    type Listed = {
      deployments: { totalCount: number; edges: { node: { server: { name: string } } }[] };
    };
    const measure = async (count: number) => {
      let listed: Listed | undefined;
      const lookups = await lookupsDuring(monitor.runtime.readModel, async () => {
        listed = await gql.ok<Listed>(query);
      });
      expect(listed?.deployments.totalCount).toBe(count);
      expect(new Set(listed?.deployments.edges.map((e) => e.node.server.name))).toEqual(
        new Set(['srv-a', 'srv-b', 'srv-c']),
      );
      return lookups;
    };
    await createDeployments(monitor, 0, 50);
    const small = await measure(50);
    await createDeployments(monitor, 50, 500);
    const large = await measure(500);
    expect(large).toBe(small);
    // One list of the kind, one lookup of all the servers referred to.
    expect(small).toBe(2);
  });
});

describe('GraphQL settings: [graphql] graphiql, max_depth, max_cost', () => {
  let monitor: EmbeddedMonitor;

  beforeAll(async () => {
    monitor = await startEmbedded({
      MONITOR_GRAPHQL_GRAPHIQL: 'true',
      MONITOR_GRAPHQL_MAX_DEPTH: '4',
      MONITOR_GRAPHQL_MAX_COST: '500',
    });
  });
  afterAll(() => monitor.destroy());

  it('serves GraphiQL at GET /graphql when on', async () => {
    const response = await fetch(`${monitor.url}/graphql`, { headers: { accept: 'text/html' } });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/text\/html/);
    expect(await response.text()).toMatch(/graphiql/i);
  });

  it('refuses at the configured depth and cost', async () => {
    const gql = graphql(monitor.url, monitor.adminAuth);
    await gql.ok('{ deployments(first: 100) { edges { node { name } } } }');
    const deep = await gql.post('{ deployments { edges { node { server { name } } } } }');
    expect(deep.errors?.[0].message).toMatch(/is 5 fields deep; the limit is 4/);
    const costly = await gql.post('{ deployments(first: 500) { edges { node { name } } } }');
    expect(costly.errors?.[0].message).toMatch(/the limit is 500 \(\[graphql\] max_cost\)/);
  });
});
