import type { Request } from 'playwright-core';
import { sharedWebSession } from '../support/web-session';

/*
 * The web UI's lists at fleet scale, in Debian's Chromium against a real embedded Monitor: a
 * list pages 50 at a time, its search, sort and page run on the gateway (`List<Kinds>` with
 * `query.terms`, `page`, `limit`, `sort_by`, `sort_desc`) and live in the URL; a reference picker
 * offers 20 at a time and searches the gateway as the user types.
 */

const SLOW = 60_000;
const DEPLOYMENTS = 120;
const SERVERS = 25;

const pad = (i: number, width: number) => String(i).padStart(width, '0');
const deploymentName = (i: number) => `app-${pad(i, 3)}`;
const serverName = (i: number) => `srv-${pad(i, 2)}`;

interface ListParams {
  query?: { terms?: string[]; tags?: string[] };
  page?: number;
  limit?: number;
  sort_by?: string;
  sort_desc?: boolean;
}

describe('web UI: lists and pickers of a large installation', () => {
  const web = sharedWebSession();
  const rows = () => web.page.locator('table.resources tbody tr');
  const row = (name: string) => web.page.locator(`[data-resource="${name}"]`);
  const button = (name: string) => web.page.getByRole('button', { name, exact: true });

  /** The params of each `read/<request>` the page sends from now on. */
  const recordReads = (request: string) => {
    const sent: ListParams[] = [];
    const record = (r: Request) => {
      if (new URL(r.url()).pathname === `/read/${request}`)
        sent.push(r.postDataJSON() as ListParams);
    };
    web.page.on('request', record);
    return { sent, stop: () => web.page.off('request', record) };
  };

  beforeAll(async () => {
    for (let i = 0; i < SERVERS; i++) {
      await web.admin.write('CreateServer', {
        name: serverName(i),
        config: { address: 'http://127.0.0.1:1', enabled: false },
      });
    }
    await Promise.all(
      Array.from({ length: DEPLOYMENTS }, (_, i) =>
        web.admin.write('CreateDeployment', {
          name: deploymentName(i),
          config: { server_id: serverName(i % SERVERS) },
        }),
      ),
    );
  }, SLOW);

  it(
    'pages a list of 120: 50 a page from the gateway, the next page shows the 51st, the page kept in the URL across reload and back',
    async () => {
      const reads = recordReads('ListDeployments');
      await web.page.goto(`${web.monitor.url}/deployments`);
      await row(deploymentName(0)).waitFor();
      expect(await rows().count()).toBe(50);
      await web.page.getByTestId('list-total').getByText('120').waitFor();
      expect(reads.sent[0]).toMatchObject({ page: 0, limit: 50, sort_by: 'Name' });
      expect(reads.sent.every((p) => p.limit === 50)).toBe(true);

      await button('Next').click();
      await row(deploymentName(50)).waitFor();
      await row(deploymentName(0)).waitFor({ state: 'detached' });
      expect(reads.sent.at(-1)).toMatchObject({ page: 1, limit: 50 });
      expect(new URL(web.page.url()).search).toBe('?page=2');
      expect(await web.page.getByTestId('list-range').textContent()).toBe('51–100');

      await web.page.reload();
      await row(deploymentName(99)).waitFor();
      expect(await rows().count()).toBe(50);
      await button('Next').click();
      await row(deploymentName(119)).waitFor();
      expect(await rows().count()).toBe(20);
      expect(await button('Next').isDisabled()).toBe(true);

      await web.page.goBack();
      await row(deploymentName(50)).waitFor();
      await web.page.goBack();
      await row(deploymentName(0)).waitFor();
      reads.stop();
    },
    SLOW,
  );

  it(
    'searches on the gateway: one request once the typing pauses, carrying the terms, and only the matches shown',
    async () => {
      await web.page.goto(`${web.monitor.url}/deployments?page=2`);
      await row(deploymentName(50)).waitFor();
      const reads = recordReads('ListDeployments');
      const typed = 'app-11';
      await web.page.getByLabel('Search', { exact: true }).pressSequentially(typed, { delay: 20 });
      await row(deploymentName(119)).waitFor();
      await row(deploymentName(50)).waitFor({ state: 'detached' });
      expect(await rows().count()).toBe(10);
      const searches = reads.sent.filter((p) => p.query?.terms);
      expect(searches.length).toBeLessThan(typed.length);
      // A search starts from its first page.
      expect(searches.at(-1)).toMatchObject({ query: { terms: [typed] }, page: 0, limit: 50 });
      expect(new URL(web.page.url()).searchParams.get('q')).toBe(typed);
      reads.stop();

      await web.page.goBack();
      await row(deploymentName(0)).waitFor();
      expect(await web.page.getByLabel('Search', { exact: true }).inputValue()).toBe('');
    },
    SLOW,
  );

  it(
    "sorts on the gateway by a column (name, state, the deployment's server), descending on the second click, kept in the URL",
    async () => {
      await web.page.goto(`${web.monitor.url}/deployments`);
      await row(deploymentName(0)).waitFor();
      const reads = recordReads('ListDeployments');
      await web.page.getByRole('button', { name: /^name/ }).click();
      await row(deploymentName(119)).waitFor();
      expect(await rows().first().getAttribute('data-resource')).toBe(deploymentName(119));
      expect(reads.sent.at(-1)).toMatchObject({ sort_by: 'Name', sort_desc: true, page: 0 });
      expect(new URL(web.page.url()).search).toBe('?desc=1');

      await web.page.getByRole('button', { name: /^state/ }).click();
      await web.page.locator('th[aria-sort="ascending"]', { hasText: 'state' }).waitFor();
      expect(reads.sent.at(-1)).toMatchObject({ sort_by: 'State', sort_desc: false });
      expect(new URL(web.page.url()).search).toBe('?sort=state');

      // A deployment's server is a column of its own, sorted by the gateway as Komodo's Host.
      await web.page.getByRole('button', { name: /^server/ }).click();
      await web.page.locator('th[aria-sort="ascending"]', { hasText: 'server' }).waitFor();
      expect(reads.sent.at(-1)).toMatchObject({ sort_by: 'Host', sort_desc: false });
      expect(new URL(web.page.url()).search).toBe('?sort=server');
      const server = row(deploymentName(1)).getByRole('link', { name: serverName(1) });
      expect(await server.getAttribute('href')).toMatch(/^\/servers\/[0-9a-f]{24}$/);
      reads.stop();
    },
    SLOW,
  );

  it(
    'reads its page again on a burst of live Updates a few times, not once per Update',
    async () => {
      await web.page.goto(`${web.monitor.url}/deployments`);
      await row(deploymentName(0)).waitFor();
      const reads = recordReads('ListDeployments');
      const burst = 30;
      await Promise.all(
        Array.from({ length: burst }, (_, i) =>
          web.admin.write('UpdateDeployment', {
            id: deploymentName(i),
            config: { image: { type: 'Image', params: { image: `burst:${i}` } } },
          }),
        ),
      );
      // The trailing read of the last second lands after it.
      await web.page.waitForTimeout(2_500);
      reads.stop();
      expect(reads.sent.length).toBeGreaterThanOrEqual(1);
      expect(reads.sent.length).toBeLessThan(burst / 3);
      expect(reads.sent.every((p) => p.page === 0 && p.limit === 50)).toBe(true);
    },
    SLOW,
  );

  it(
    "a reference picker offers 20 servers and finds the others by searching the gateway; the pick is the server's id",
    async () => {
      const target = serverName(SERVERS - 1);
      const server = await web.admin.read<{ _id: { $oid: string } }>('GetServer', {
        server: target,
      });
      const reads = recordReads('ListServers');
      await web.page.goto(`${web.monitor.url}/deployments/${deploymentName(0)}`);
      const picker = web.page.locator('#config-server_id');
      await picker.locator('option', { hasText: serverName(0) }).waitFor({ state: 'attached' });
      expect(await picker.locator('option').count()).toBe(21);
      expect(await picker.locator('option', { hasText: target }).count()).toBe(0);

      await web.page.locator('#config-server_id-search').fill(target);
      await picker.locator('option', { hasText: target }).waitFor({ state: 'attached' });
      // (none), the deployment's own server and the one found.
      expect(await picker.locator('option').count()).toBe(3);
      await picker.selectOption({ label: target });
      expect(await picker.inputValue()).toBe(server._id.$oid);
      expect(reads.sent.every((p) => p.limit === 20)).toBe(true);
      expect(reads.sent.at(-1)).toMatchObject({ query: { terms: [target] }, limit: 20 });
      reads.stop();
    },
    SLOW,
  );
});
