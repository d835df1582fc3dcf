import 'reflect-metadata';
import { loadConfig } from '@monitor/config';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { startMonitor } from '../../apps/monitor/src/monitor-app';
import { bundleSizes } from './bundle';
import { launchChromium } from './chromium';
import { signUp } from '../support/sign-up';
import { median, percentile } from '../support/percentiles';

/**
 * `npm run bench:web`: the web bundle's size, and the time to first render of the dashboard with
 * 1,000 resources (100 servers, 900 deployments) in headless Chromium, from navigation start to
 * every count shown. Beside it, in the same run and the same browser, the raw cost: a bare page
 * of the same origin making the same reads. `WEB_RUNS` cold loads each (default 7).
 */
const RUNS = Number(process.env.WEB_RUNS ?? 7);
const SERVERS = 100;
const DEPLOYMENTS = 900;
const BUNDLE = join(__dirname, '../../web');
const KIND_PLURALS = [
  'Servers',
  'Deployments',
  'Stacks',
  'Builds',
  'Repos',
  'Procedures',
  'Builders',
  'ResourceSyncs',
  'Alerters',
  'ServerTemplates',
];

async function main(): Promise<void> {
  if (!existsSync(join(BUNDLE, 'index.html')))
    throw new Error(`no bundle in ${BUNDLE}: npm run build`);
  for (const { kind, bytes, gzipped } of bundleSizes(BUNDLE))
    console.log(`bundle ${kind}: ${kb(bytes)} (${kb(gzipped)} gzipped)`);

  const dataDir = mkdtempSync(join(tmpdir(), 'bench-web-'));
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
  const browser = await launchChromium();
  try {
    const jwt = await signUp(monitor.url);
    await createResources(monitor.url, jwt);
    const ui = await coldLoads(browser, monitor.url, jwt, dashboardRendered);
    const raw = await coldLoads(browser, monitor.url, jwt, rawListFetches);
    const m = median(ui);
    const r = median(raw);
    console.log(
      `dashboard with ${SERVERS + DEPLOYMENTS} resources, first render (${RUNS} cold loads): median ${m.toFixed(0)} ms, p90 ${percentile(ui, 0.9).toFixed(0)} ms`,
    );
    console.log(
      `raw: a bare page making the same reads: median ${r.toFixed(0)} ms, p90 ${percentile(raw, 0.9).toFixed(0)} ms`,
    );
    console.log(`ratio ${(m / r).toFixed(2)}`);
  } finally {
    await browser.close();
    await monitor.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

type Measure = (page: Page, url: string) => Promise<number>;

/** Each run in a new browser context: nothing cached, the token already in localStorage. */
async function coldLoads(
  browser: Browser,
  url: string,
  jwt: string,
  measure: Measure,
): Promise<number[]> {
  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const context = await browser.newContext();
    await context.addInitScript((token) => localStorage.setItem('monitor.jwt', token), jwt);
    const page = await context.newPage();
    times.push(await measure(page, url));
    await context.close();
  }
  return times;
}

/** Navigation start to the moment every kind's count is on the dashboard. */
const dashboardRendered: Measure = async (page, url) => {
  await page.goto(url);
  return page
    .waitForFunction(
      (deployments) =>
        document.querySelector('[data-kind="Deployment"]')?.textContent === deployments &&
        performance.now(),
      String(DEPLOYMENTS),
      { timeout: 60_000, polling: 'raf' },
    )
    .then((handle) => handle.jsonValue() as Promise<number>);
};

/**
 * The same reads with no UI, from navigation start too: a bare page of the same origin asking
 * who the user is, then the ten summaries, the servers, the Updates, the alerts and the users
 * at once, as the dashboard does.
 */
const rawListFetches: Measure = async (page, url) => {
  // A 404 of the same origin: its localStorage, none of the app.
  await page.goto(`${url}/assets/bench-blank.txt`);
  return page.evaluate(async (kinds) => {
    const jwt = localStorage.getItem('monitor.jwt') ?? '';
    const post = (path: string) =>
      fetch(path, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: jwt },
        body: '{}',
      }).then((r) => r.json());
    await fetch('/user', { headers: { authorization: jwt } }).then((r) => r.json());
    await Promise.all([
      ...kinds.map((k) => post(`/read/Get${k}Summary`)),
      ...['ListServers', 'ListUpdates', 'ListAlerts', 'ListUsers'].map((r) => post(`/read/${r}`)),
    ]);
    return performance.now();
  }, KIND_PLURALS);
};

async function createResources(url: string, jwt: string): Promise<void> {
  const write = async (request: string, params: object) => {
    const response = await fetch(`${url}/write/${request}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: jwt },
      body: JSON.stringify(params),
    });
    if (!response.ok) throw new Error(`${request}: ${response.status} ${await response.text()}`);
  };
  const servers = Array.from({ length: SERVERS }, (_, i) => `server-${i}`);
  await inParallel(servers, (name) =>
    write('CreateServer', { name, config: { address: 'http://127.0.0.1:1' } }),
  );
  const deployments = Array.from({ length: DEPLOYMENTS }, (_, i) => i);
  await inParallel(deployments, (i) =>
    write('CreateDeployment', {
      name: `app-${i}`,
      config: {
        server_id: servers[i % SERVERS],
        image: { type: 'Image', params: { image: `app:${i}` } },
      },
    }),
  );
}

async function inParallel<T>(
  items: T[],
  work: (item: T) => Promise<void>,
  width = 8,
): Promise<void> {
  let next = 0;
  await Promise.all(
    Array.from({ length: width }, async () => {
      while (next < items.length) await work(items[next++]);
    }),
  );
}

const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KiB`;

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
