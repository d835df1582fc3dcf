import 'reflect-metadata';
import { buildMonitorSchema } from '../../apps/gateway/src/graphql/schema';
import { median, percentile } from '../support/percentiles';
import { serveApollo, serveMercurius, serveRaw, type Served } from './drivers';
import { benchContext, benchFleet } from './fleet-context';

/**
 * `npm run bench:graphql`: the driver's overhead. Monitor's generated schema, its resolvers and
 * per-request DataLoaders over an in-memory fleet of DEPLOYMENTS (default 1,000) on SERVERS
 * (10), served by Apollo Server on Express (with its defaults, and as the gateway runs it:
 * without cache hints), Mercurius on Fastify, and graphql-js `execute` in a
 * bare node:http server; REQUESTS (300) sequential POSTs of
 * `deployments(first: 1000) { edges { node { name server { name } } } }` each, after a warm-up,
 * then the same with `first: 10` (the fixed cost per request), on 127.0.0.1. p50/p99 per driver
 * and its ratio to the bare server.
 */
const DEPLOYMENTS = Number(process.env.DEPLOYMENTS ?? 1000);
const SERVERS = Number(process.env.SERVERS ?? 10);
const REQUESTS = Number(process.env.REQUESTS ?? 300);
const WARM_UP = 50;
const ROUNDS = Number(process.env.ROUNDS ?? 3);
const PAGES = [Math.min(DEPLOYMENTS, 1000), 10];
const queryOf = (first: number) =>
  `{ deployments(first: ${first}) { edges { node { name server { name } } } } }`;

async function timeRequests(url: string, first: number): Promise<number[]> {
  const body = JSON.stringify({ query: queryOf(first) });
  const once = async () => {
    const response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body,
    });
    const answer = (await response.json()) as {
      data?: { deployments: { edges: unknown[] } };
      errors?: unknown;
    };
    if (!answer.data || answer.data.deployments.edges.length !== first)
      throw new Error(`${url} answered ${response.status}: ${JSON.stringify(answer.errors)}`);
  };
  for (let i = 0; i < WARM_UP; i++) await once();
  const times: number[] = [];
  for (let i = 0; i < REQUESTS; i++) {
    const start = performance.now();
    await once();
    times.push(performance.now() - start);
  }
  return times;
}

async function main(): Promise<void> {
  const schema = buildMonitorSchema();
  const readModel = benchFleet(DEPLOYMENTS, SERVERS);
  const context = () => benchContext(readModel);
  const drivers: [string, (s: typeof schema, c: typeof context) => Promise<Served>][] = [
    ['raw graphql-js', serveRaw],
    ['Apollo/Express', (schema, context) => serveApollo(schema, context, false)],
    ['Apollo, no cache hints', (schema, context) => serveApollo(schema, context, true)],
    ['Mercurius/Fastify', serveMercurius],
  ];
  const results: { driver: string; first: number; p50: number; p99: number }[] = [];
  // Rounds interleaved, so that a busy moment of the machine does not fall on one driver.
  for (let round = 0; round < ROUNDS; round++) {
    for (const [driver, serve] of drivers) {
      const served = await serve(schema, context);
      try {
        for (const first of PAGES) {
          const times = await timeRequests(served.url, first);
          results.push({ driver, first, p50: median(times), p99: percentile(times, 0.99) });
        }
      } finally {
        await served.close();
      }
    }
  }
  const best = (driver: string, first: number) => {
    const rows = results.filter((r) => r.driver === driver && r.first === first);
    return { p50: Math.min(...rows.map((r) => r.p50)), p99: Math.min(...rows.map((r) => r.p99)) };
  };
  console.log(
    `bench:graphql: ${DEPLOYMENTS} deployments on ${SERVERS} servers, ${REQUESTS} requests per driver and query, best of ${ROUNDS} rounds`,
  );
  for (const first of PAGES) {
    const raw = best('raw graphql-js', first);
    console.log(`  ${queryOf(first)}`);
    for (const [driver] of drivers) {
      const { p50, p99 } = best(driver, first);
      console.log(
        `    ${driver.padEnd(22)} p50 ${p50.toFixed(2).padStart(7)} ms  p99 ${p99.toFixed(2).padStart(7)} ms  ` +
          `x${(p50 / raw.p50).toFixed(2)} (p50) x${(p99 / raw.p99).toFixed(2)} (p99) of raw`,
      );
    }
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
