import type { Browser, Page } from 'playwright-core';

/**
 * One cold load's time to first render, in ms from navigation start: the UI's page, or a bare
 * page of the same origin making the same reads.
 */
export type Measure = (page: Page, url: string) => Promise<number>;

/** Resources the deployments list shows a page of (apps/web/src/pages/resource-list.tsx). */
const PAGE_SIZE = 50;

/** Checked every animation frame: the first frame that shows the page is the time. */
const RAF = { timeout: 60_000, polling: 'raf' } as const;

const KIND_PLURALS = [
  'Servers',
  'Deployments',
  'Stacks',
  'Builds',
  'Repos',
  'Procedures',
  'Actions',
  'Builders',
  'ResourceSyncs',
  'Alerters',
  'ServerTemplates',
];

/** `runs` loads, each in a new browser context: nothing cached, the token already stored. */
export async function coldLoads(
  browser: Browser,
  url: string,
  jwt: string,
  runs: number,
  measure: Measure,
): Promise<number[]> {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const context = await browser.newContext();
    await context.addInitScript((token) => localStorage.setItem('monitor.jwt', token), jwt);
    const page = await context.newPage();
    times.push(await measure(page, url));
    await context.close();
  }
  return times;
}

/** Navigation start to the moment the dashboard's Deployments card shows `deployments`. */
export const dashboardRendered =
  (deployments: number): Measure =>
  async (page, url) => {
    await page.goto(url);
    const handle = await page.waitForFunction(
      (count) =>
        document.querySelector('[data-kind="Deployment"]')?.textContent === count &&
        performance.now(),
      String(deployments),
      RAF,
    );
    return (await handle.jsonValue()) as number;
  };

/**
 * Navigation start to the moment `/deployments` shows its first page: 50 rows, the first by
 * name first, and the kind's count.
 */
export const deploymentListRendered =
  (first: string, total: number): Measure =>
  async (page, url) => {
    await page.goto(`${url}/deployments`);
    const handle = await page.waitForFunction(
      ([name, count, size]) => {
        const rows = document.querySelectorAll('table.resources tbody tr');
        const shown = document.querySelector('[data-testid="list-total"]')?.textContent;
        return (
          rows.length === size &&
          rows[0].getAttribute('data-resource') === name &&
          shown === count &&
          performance.now()
        );
      },
      [first, total.toLocaleString('en'), PAGE_SIZE] as const,
      RAF,
    );
    return (await handle.jsonValue()) as number;
  };

/**
 * The dashboard's reads with no UI, from navigation start too: who the user is, then every
 * kind's summary, the servers, the Updates, the open alerts and the users at once.
 */
export const rawDashboardReads: Measure = (page, url) =>
  rawReads(page, url, [
    ...KIND_PLURALS.map((k) => ({ request: `Get${k}Summary`, params: {} })),
    { request: 'ListServers', params: {} },
    { request: 'ListUpdates', params: {} },
    { request: 'ListAlerts', params: { query: { resolved: false } } },
    { request: 'ListUsers', params: {} },
  ]);

/** The deployments list's reads with no UI: its first page, its count, the tags, the users. */
export const rawListReads: Measure = (page, url) =>
  rawReads(page, url, [
    {
      request: 'ListDeployments',
      params: { query: {}, page: 0, limit: PAGE_SIZE, sort_by: 'Name', sort_desc: false },
    },
    { request: 'GetDeploymentsSummary', params: {} },
    { request: 'ListTags', params: {} },
    { request: 'ListUsers', params: {} },
  ]);

async function rawReads(
  page: Page,
  url: string,
  reads: { request: string; params: object }[],
): Promise<number> {
  // A 404 of the same origin: its localStorage, none of the app.
  await page.goto(`${url}/assets/bench-blank.txt`);
  return page.evaluate(async (all) => {
    const jwt = localStorage.getItem('monitor.jwt') ?? '';
    const post = ({ request, params }: { request: string; params: object }) =>
      fetch(`/read/${request}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: jwt },
        body: JSON.stringify(params),
      }).then((r) => r.json());
    await fetch('/user', { headers: { authorization: jwt } }).then((r) => r.json());
    await Promise.all(all.map(post));
    return performance.now();
  }, reads);
}
