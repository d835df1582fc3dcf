import type { ReadModel } from '@monitor/projections';
import { median } from '../support/percentiles';
import { report } from './report';

/** The read model's lookups a resolver can make. */
const LOOKUPS = ['resourceById', 'resourcesById', 'resource', 'list', 'sortedList', 'tag', 'allTags'] as const;

const query = (first: number) =>
  `{ resources(kind: Deployment, first: ${first}) { edges { node { name ... on Deployment { server { name } } } } } }`;

/**
 * GraphQL's `resources(kind: Deployment, first: 1000) { name server { name } }` beside the RPC's
 * `ListDeployments` of the same 1,000 (which carries the server's name too), and the read
 * model's lookups GraphQL's resolvers make for 100 and for 1,000: they must not grow with it.
 */
export async function benchGraphql(
  url: string,
  jwt: string,
  readModel: ReadModel,
  runs: number,
): Promise<void> {
  const graphql: number[] = [];
  const rpc: number[] = [];
  for (let i = 0; i < runs; i++) {
    graphql.push(await timed(`${url}/graphql`, jwt, { query: query(1000) }, 1000));
    rpc.push(await timed(`${url}/read/ListDeployments`, jwt, { limit: 1000 }, 1000));
  }
  report('GraphQL resources(kind: Deployment, first: 1000) { name server { name } }', graphql);
  report('RPC ListDeployments limit 1000', rpc);
  console.log(`ratio of medians ${(median(graphql) / median(rpc)).toFixed(2)}`);
  const small = await lookupsDuring(readModel, () =>
    timed(`${url}/graphql`, jwt, { query: query(100) }, 100),
  );
  const large = await lookupsDuring(readModel, () =>
    timed(`${url}/graphql`, jwt, { query: query(1000) }, 1000),
  );
  console.log(`GraphQL read-model lookups: ${small} for first: 100, ${large} for first: 1000`);
}

/** Counts the lookups made from GraphQL's resolvers (its folder in the stack) while `run` runs. */
async function lookupsDuring(readModel: ReadModel, run: () => Promise<unknown>): Promise<number> {
  let count = 0;
  for (const name of LOOKUPS) {
    const original = readModel[name] as (...args: unknown[]) => unknown;
    Object.assign(readModel, {
      [name]: (...args: unknown[]) => {
        if (new Error().stack?.includes('/apps/gateway/src/graphql/')) count += 1;
        return original.apply(readModel, args);
      },
    });
  }
  try {
    await run();
    return count;
  } finally {
    for (const name of LOOKUPS) delete (readModel as unknown as Record<string, unknown>)[name];
  }
}

/** Milliseconds for one POST, its answer read and checked to hold `count` deployments. */
async function timed(url: string, jwt: string, body: object, count: number): Promise<number> {
  const started = performance.now();
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: jwt },
    body: JSON.stringify(body),
  });
  const text = await response.text();
  const ms = performance.now() - started;
  if (!response.ok) throw new Error(`${url}: ${response.status} ${text}`);
  const parsed = JSON.parse(text) as unknown[] | { data?: { resources: { edges: unknown[] } } };
  const got = Array.isArray(parsed) ? parsed.length : parsed.data?.resources.edges.length;
  if (got !== count)
    throw new Error(`${url}: ${got} deployments, not ${count}: ${text.slice(0, 300)}`);
  return ms;
}
