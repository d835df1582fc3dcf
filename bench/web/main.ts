import 'reflect-metadata';
import { loadConfig } from '@monitor/config';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { startMonitor } from '../../apps/monitor/src/monitor-app';
import { bundleSizes } from './bundle';
import { launchChromium } from './chromium';
import {
  coldLoads,
  dashboardRendered,
  deploymentListRendered,
  rawDashboardReads,
  rawListReads,
  type Measure,
} from './measures';
import { createFleet } from '../support/fleet';
import { signUp } from '../support/sign-up';
import { median, percentile } from '../support/percentiles';

/**
 * `npm run bench:web`: the web bundle's size, and the time to first render in headless Chromium
 * of the dashboard and of the deployments list (its first page) with 10,000 deployments on 100
 * servers, from navigation start to the page showing them. Beside each, in the same run and the
 * same browser, the raw cost: a bare page of the same origin making the same reads. `WEB_RUNS`
 * cold loads each (default 7); `WEB_DEPLOYMENTS` and `WEB_SERVERS` change the fleet.
 */
const RUNS = Number(process.env.WEB_RUNS ?? 7);
const SERVERS = Number(process.env.WEB_SERVERS ?? 100);
const DEPLOYMENTS = Number(process.env.WEB_DEPLOYMENTS ?? 10_000);
/** The aim for each page's first render, at the median. */
const AIM_MS = 1_000;
const BUNDLE = join(__dirname, '../../web');

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
    const started = performance.now();
    const fleet = await createFleet(monitor.url, jwt, {
      servers: SERVERS,
      deployments: DEPLOYMENTS,
    });
    console.log(
      `fleet: ${SERVERS} servers, ${DEPLOYMENTS} deployments created in ${((performance.now() - started) / 1000).toFixed(1)} s`,
    );
    const firstByName = [...fleet.deployments].sort((a, b) => a.localeCompare(b))[0];
    const compare = (page: string, ui: Measure, raw: Measure) =>
      measurePair(browser, monitor.url, jwt, page, ui, raw);
    await compare('dashboard', dashboardRendered(DEPLOYMENTS), rawDashboardReads);
    await compare(
      'deployments list, first page',
      deploymentListRendered(firstByName, DEPLOYMENTS),
      rawListReads,
    );
    console.log(
      `load average (1, 5, 15 min): ${loadavg()
        .map((l) => l.toFixed(2))
        .join(', ')}`,
    );
  } finally {
    await browser.close();
    await monitor.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

async function measurePair(
  browser: Browser,
  url: string,
  jwt: string,
  page: string,
  ui: Measure,
  raw: Measure,
): Promise<void> {
  const shown = await coldLoads(browser, url, jwt, RUNS, ui);
  const bare = await coldLoads(browser, url, jwt, RUNS, raw);
  const m = median(shown);
  const r = median(bare);
  console.log(
    `${page} with ${DEPLOYMENTS} deployments on ${SERVERS} servers, first render (${RUNS} cold loads): median ${m.toFixed(0)} ms, p90 ${percentile(shown, 0.9).toFixed(0)} ms (aim < ${AIM_MS} ms: ${m < AIM_MS ? 'met' : 'NOT met'})`,
  );
  console.log(
    `  raw: a bare page making the same reads: median ${r.toFixed(0)} ms, p90 ${percentile(bare, 0.9).toFixed(0)} ms; ratio ${(m / r).toFixed(2)}`,
  );
}

const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KiB`;

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
