import 'reflect-metadata';
import { loadConfig } from '@monitor/config';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { startMonitor } from '../../apps/monitor/src/monitor-app';
import { createFleet } from '../support/fleet';
import { median } from '../support/percentiles';
import { report } from './report';
import { signUp } from '../support/sign-up';
import { benchGraphql } from './graphql';

/**
 * `npm run bench:reads`: 10,000 Deployments on 100 Servers, created through the write API, then
 * in one run: the full `ListDeployments` beside a bare node:http server answering
 * `JSON.stringify` of the same list, a page of 50 (by name, and sorted by Host), a search by
 * `query.terms`, and GraphQL's list of 1,000 beside the RPC's (graphql.ts). `READS_RUNS`
 * requests each (default 200; `READS_GRAPHQL_RUNS` for GraphQL, default 30);
 * `READS_DEPLOYMENTS` to change the size.
 */
const RUNS = Number(process.env.READS_RUNS ?? 200);
const SERVERS = 100;
const DEPLOYMENTS = Number(process.env.READS_DEPLOYMENTS ?? 10_000);
const GRAPHQL_RUNS = Number(process.env.READS_GRAPHQL_RUNS ?? 30);

async function main(): Promise<void> {
  const dataDir = mkdtempSync(join(tmpdir(), 'bench-reads-'));
  const monitor = await startMonitor(
    loadConfig({
      MONITOR_HOST: '127.0.0.1',
      MONITOR_PORT: '0',
      MONITOR_DATA_DIR: dataDir,
      MONITOR_LOCAL_AGENT_ENABLED: 'false',
      MONITOR_MONITORING_ENABLED: 'false',
    }),
    { logger: false },
  );
  let bare: Server | undefined;
  try {
    const jwt = await signUp(monitor.url);
    const started = performance.now();
    await createFleet(monitor.url, jwt, { servers: SERVERS, deployments: DEPLOYMENTS });
    console.log(
      `created ${SERVERS} servers and ${DEPLOYMENTS} deployments through the API in ${((performance.now() - started) / 1000).toFixed(1)} s`,
    );
    const read = (params: object) => timedPost(`${monitor.url}/read/ListDeployments`, jwt, params);

    const items = JSON.parse((await read({})).body) as unknown[];
    if (items.length !== DEPLOYMENTS) throw new Error(`listed ${items.length} deployments`);
    bare = await bareServer(items);
    const bareUrl = `http://127.0.0.1:${(bare.address() as AddressInfo).port}`;

    const full: number[] = [];
    const raw: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      full.push((await read({})).ms);
      raw.push((await timedPost(bareUrl, jwt, {})).ms);
    }
    report(`full ListDeployments (${DEPLOYMENTS})`, full);
    report('bare node:http JSON.stringify of the same list', raw);
    console.log(`ratio of medians ${(median(full) / median(raw)).toFixed(2)}`);

    const pages = DEPLOYMENTS / 50;
    const paged: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      const answer = await read({ limit: 50, page: (i * 37) % pages });
      if ((JSON.parse(answer.body) as unknown[]).length !== 50) throw new Error('short page');
      paged.push(answer.ms);
    }
    report('page of 50 (limit: 50, page: k)', paged);

    const sorted: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      const params = { limit: 50, page: (i * 37) % pages, sort_by: 'Host', sort_desc: i % 2 === 1 };
      sorted.push((await read(params)).ms);
    }
    report('page of 50 sorted by Host (the server name)', sorted);

    const searched: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      const answer = await read({ query: { terms: [`app-${i % 100}`] }, limit: 50 });
      if (!(JSON.parse(answer.body) as unknown[]).length) throw new Error('search found nothing');
      searched.push(answer.ms);
    }
    report('search query.terms, limit 50', searched);
    await benchGraphql(monitor.url, jwt, monitor.runtime.readModel, GRAPHQL_RUNS);
    console.log(
      `load average ${loadavg()
        .map((l) => l.toFixed(2))
        .join(' ')}`,
    );
  } finally {
    bare?.close();
    await monitor.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

/** The raw cost: the same items, serialised per request, by a bare Node HTTP server. */
async function bareServer(items: unknown[]): Promise<Server> {
  const server = createServer((request, response) => {
    request.resume();
    request.on('end', () => {
      response.writeHead(200, { 'content-type': 'application/json; charset=utf-8' });
      response.end(JSON.stringify(items));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return server;
}

async function timedPost(
  url: string,
  jwt: string,
  params: object,
): Promise<{ ms: number; body: string }> {
  const started = performance.now();
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: jwt },
    body: JSON.stringify(params),
  });
  const body = await response.text();
  if (!response.ok) throw new Error(`${url}: ${response.status} ${body}`);
  return { ms: performance.now() - started, body };
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
