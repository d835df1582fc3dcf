import type { Browser, Page } from 'playwright-core';
import { startGitHttpServer, type GitHttpServer } from '@monitor/testing';
import { api, logIn, type ApiClient } from '../support/api';
import { launchChromium, screenshot, signedUpPage } from '../support/browser';
import { startFreshMonitor } from '../support/fresh-monitor';
import { addGitAccount, gitSource } from '../support/git-accounts';

/*
 * The ResourceSync page of issue 16 in Debian's Chromium against a real embedded Monitor: a
 * UI-defined sync's plan refreshed and shown as a diff, run from the page (the plan reviewed,
 * by its hash), a stale plan refused, a large delete confirmed by its number, a broken file
 * shown at file:line:field and fixed in the page, a managed sync committed, a git sync's file
 * edited into a commit. The tests share one page, in order.
 */

const SLOW = 90_000;

const FILES = (image: string, withDeployment = true) => `
[[server]]
name = "edge"
[server.config]
address = "https://edge.local:8120"
${
  withDeployment
    ? `
[[deployment]]
name = "web"
[deployment.config]
server = "edge"
image.type = "Image"
image.params.image = "${image}"
`
    : ''
}`;

const GIT_USER = 'syncer';
const GIT_TOKEN = 'web-sync-token-5521';

interface Named {
  _id: { $oid: string };
  name: string;
  config: Record<string, unknown>;
}

describe('web UI: ResourceSyncs', () => {
  let monitor: Awaited<ReturnType<typeof startFreshMonitor>>;
  let browser: Browser;
  let page: Page;
  let admin: ApiClient;
  let infra: string;
  let git: GitHttpServer;

  const button = (name: string) => page.getByRole('button', { name, exact: true });
  const change = (key: string) => page.locator(`[data-change="${key}"]`);
  const summary = () => page.locator('[data-summary]');
  const setFiles = (id: string, file_contents: string, more: object = {}) =>
    admin.write('UpdateResourceSync', { id, config: { file_contents, ...more } });
  const image = async () =>
    (await admin.read<Named>('GetDeployment', { deployment: 'web' })).config.image;

  beforeAll(async () => {
    monitor = await startFreshMonitor({ MONITOR_AUTH_ALLOW_SIGNUPS: 'true' });
    browser = await launchChromium();
    page = await signedUpPage(browser, monitor.url);
    admin = api(monitor.url, await logIn(monitor.url, 'admin'));
    git = await startGitHttpServer({ username: GIT_USER, password: GIT_TOKEN });
  }, SLOW);

  afterAll(async () => {
    await browser?.close();
    await monitor?.destroy();
    await git?.stop();
  }, SLOW);

  it(
    'refreshes a UI sync, shows both creates with their fields and TOML, runs it: the plan empties, the deployment exists',
    async () => {
      const created = await admin.write<Named>('CreateResourceSync', {
        name: 'infra',
        config: { file_contents: FILES('localhost/web:1') },
      });
      infra = created._id.$oid;
      await page.goto(`${monitor.url}/resource-syncs/${infra}`);
      await button('Refresh').click();
      await page.getByRole('link', { name: /Follow Refresh as it runs/ }).waitFor();

      const server = change('Server:edge');
      const deployment = change('Deployment:web');
      await deployment.waitFor();
      expect(await server.getAttribute('data-action')).toBe('Create');
      expect(await deployment.getAttribute('data-action')).toBe('Create');
      const address = server.locator('[data-field="config.address"] td.added');
      expect(await address.textContent()).toBe('https://edge.local:8120');
      const imageRow = deployment.locator('[data-field="config.image.params.image"]');
      expect(await imageRow.locator('td.added').textContent()).toBe('localhost/web:1');
      expect(await summary().textContent()).toBe('2 to create');
      // Servers first: the run creates what others reference before them.
      const order = await page
        .locator('[data-change]')
        .evaluateAll((all) => all.map((e) => e.getAttribute('data-change')));
      expect(order).toEqual(['Server:edge', 'Deployment:web']);

      await deployment.getByRole('button', { name: 'Show TOML' }).click();
      const toml = await deployment.locator('[data-toml] td.added').textContent();
      expect(toml).toContain('[[deployment]]');
      expect(toml).toContain('name = "web"');
      await screenshot(page, 'sync');
      await deployment.getByRole('button', { name: 'Show fields' }).click();
      await imageRow.waitFor();

      await button('Run Sync').click();
      await button('Yes, run sync').click();
      await page.getByRole('link', { name: /Follow Run Sync as it runs/ }).waitFor();
      await page.getByText('Nothing to change', { exact: false }).waitFor({ timeout: 30_000 });
      await change('Deployment:web').waitFor({ state: 'detached' });
      const web = await admin.read<Named>('GetDeployment', { deployment: 'web' });
      const edge = await admin.read<Named>('GetServer', { server: 'edge' });
      expect(web.config.server_id).toBe(edge._id.$oid);
      expect(await image()).toMatchObject({ params: { image: 'localhost/web:1' } });
    },
    SLOW,
  );

  it(
    'shows an update field by field; a plan changed since it was shown is refused with the 409, the one shown then applies',
    async () => {
      await setFiles(infra, FILES('localhost/web:2'));
      await button('Refresh').click();
      const row = change('Deployment:web').locator('[data-field="config.image.params.image"]');
      await row.waitFor();
      expect(await change('Deployment:web').getAttribute('data-action')).toBe('Update');
      expect(await row.locator('td.removed').textContent()).toBe('localhost/web:1');
      expect(await row.locator('td.added').textContent()).toBe('localhost/web:2');

      // The files change again, unseen: the page still shows web:2's plan.
      await setFiles(infra, FILES('localhost/web:3'));
      await button('Run Sync').click();
      await button('Yes, run sync').click();
      const refusal = page.locator('.dialog [role="alert"]');
      await refusal.waitFor();
      expect(await refusal.textContent()).toContain('no longer the one reviewed');
      expect(await refusal.textContent()).toContain('409');
      expect(await image()).toMatchObject({ params: { image: 'localhost/web:1' } });
      await button('Cancel').click();

      await button('Refresh').click();
      await row.locator('td.added', { hasText: 'localhost/web:3' }).waitFor();
      await button('Run Sync').click();
      await button('Yes, run sync').click();
      await page.getByText('Nothing to change', { exact: false }).waitFor({ timeout: 30_000 });
      expect(await image()).toMatchObject({ params: { image: 'localhost/web:3' } });

      // The deployment's history says the change came from this sync.
      const web = await admin.read<Named>('GetDeployment', { deployment: 'web' });
      await page.goto(`${monitor.url}/deployments/${web._id.$oid}`);
      await page.getByRole('tab', { name: 'History' }).click();
      // The sync is named once its name is read (one Get per id shown): until then its id shows.
      const origin = page
        .locator('.timeline li')
        .first()
        .locator('[data-origin="ResourceSync"]', { hasText: 'from sync infra' });
      await origin.waitFor();
      expect(await origin.textContent()).toContain('from sync infra');
      await page.goto(`${monitor.url}/resource-syncs/${infra}`);
    },
    SLOW,
  );

  it(
    'asks for the number of deletes typed back before a large delete, and applies one resource alone',
    async () => {
      await setFiles(infra, FILES('localhost/web:3', false), { delete: true });
      await button('Refresh').click();
      const gone = change('Deployment:web');
      await gone.waitFor();
      expect(await gone.getAttribute('data-action')).toBe('Delete');
      // One delete of a scope of two: more than a quarter.
      await page.locator('[data-guard="confirm"]').waitFor();

      await button('Run Sync').click();
      const yes = button('Yes, run sync');
      expect(await yes.isDisabled()).toBe(true);
      await page.getByLabel('deletes to confirm').fill('2');
      expect(await yes.isDisabled()).toBe(true);
      await page.getByLabel('deletes to confirm').fill('1');
      await yes.click();
      await page.getByText('Nothing to change', { exact: false }).waitFor({ timeout: 30_000 });
      const answer = await admin.call('read', 'GetDeployment', { deployment: 'web' });
      expect(answer.status).toBe(404);

      // Files declaring nothing (an emptied file) delete nothing: the deletes are withheld.
      await setFiles(infra, '# everything moved elsewhere\n');
      await button('Refresh').click();
      const withheld = page.locator('[data-guard="withheld"]');
      await withheld.waitFor();
      expect(await withheld.textContent()).toContain('1 delete withheld');
      expect(await summary().textContent()).toMatch(/^Nothing to change/);
      expect(await button('Run Sync').isDisabled()).toBe(true);

      // Two changes pending; only the server's is applied.
      await setFiles(infra, `${FILES('localhost/web:4')}\n[[server]]\nname = "spare"\n`);
      await button('Refresh').click();
      await change('Server:spare').waitFor();
      await change('Deployment:web').waitFor();
      await change('Server:spare').getByRole('button', { name: 'Apply only this' }).click();
      await button('Yes, apply only this').click();
      await change('Server:spare').waitFor({ state: 'detached', timeout: 30_000 });
      expect(await summary().textContent()).toBe('1 to create');
      await admin.read('GetServer', { server: 'spare' });
      expect((await admin.call('read', 'GetDeployment', { deployment: 'web' })).status).toBe(404);
    },
    SLOW,
  );

  it(
    'shows a broken file at file:line:field, with nothing to run; fixed in its editor, the plan follows',
    async () => {
      const broken = await admin.write<Named>('CreateResourceSync', {
        name: 'broken',
        config: {
          file_contents: '[[deployment]]\nname = "x"\n[deployment.config]\nports = 7\n',
        },
      });
      await page.goto(`${monitor.url}/resource-syncs/${broken._id.$oid}`);
      await button('Refresh').click();
      const problem = page.locator('[data-problem="error"]').first();
      await problem.waitFor();
      expect(await problem.textContent()).toMatch(
        /^database file:4:deployment\[x\]\.config\.ports: /,
      );
      expect(await summary().textContent()).toBe('No plan: the files hold errors.');
      expect(await button('Run Sync').isDisabled()).toBe(true);
      expect((await admin.call('read', 'GetDeployment', { deployment: 'x' })).status).toBe(404);

      // The UI file, fixed where it is shown: written, and planned again.
      await button('Edit file').click();
      const editor = page.getByLabel('contents of database file');
      await editor.fill('[[deployment]]\nname = "x"\n[deployment.config]\nports = "8080:80"\n');
      await button('Write file').click();
      await change('Deployment:x').waitFor({ timeout: 30_000 });
      await problem.waitFor({ state: 'detached' });
      expect(await summary().textContent()).toBe('1 to create');
      const saved = await admin.read<Named>('GetResourceSync', { sync: 'broken' });
      expect(saved.config.file_contents).toContain('ports = "8080:80"');
    },
    SLOW,
  );

  it(
    "commits what exists into a managed sync's file: the plan empties, the file says what exists",
    async () => {
      const managed = await admin.write<Named>('CreateResourceSync', {
        name: 'mirror',
        config: {
          managed: true,
          file_contents:
            '[[server]]\nname = "edge"\n[server.config]\naddress = "https://moved:8120"\n',
        },
      });
      await page.goto(`${monitor.url}/resource-syncs/${managed._id.$oid}`);
      await button('Refresh').click();
      const edge = change('Server:edge');
      await edge.waitFor();
      expect(await edge.getAttribute('data-action')).toBe('Update');

      await button('Commit').click();
      await button('Yes, commit').click();
      await page.getByText('Nothing to change', { exact: false }).waitFor({ timeout: 30_000 });
      const file = page.locator('[data-file="database file"] pre');
      await file.filter({ hasText: 'https://edge.local:8120' }).waitFor();
      expect(await file.textContent()).not.toContain('https://moved:8120');

      // Its webhooks, on the Config tab, are the gateway's routes (unsigned: refused, not unknown).
      await page.getByRole('tab', { name: 'Config' }).click();
      for (const action of ['refresh', 'sync']) {
        const url = await page.locator(`[data-webhook="${action}"]`).textContent();
        expect(url).toBe(`${monitor.url}/listener/github/sync/${managed._id.$oid}/${action}`);
        expect((await fetch(url!, { method: 'POST', body: '{}' })).status).not.toBe(404);
      }
    },
    SLOW,
  );

  it(
    "shows a git sync's commit and files; a file edited on the page is committed to its branch and planned",
    async () => {
      const head = await git.createRepo('acme/infra', {
        'sync/servers.toml': '[[server]]\nname = "gitbox"\n',
        'README.md': 'not read',
      });
      const provider = await addGitAccount(admin, git, { username: GIT_USER, token: GIT_TOKEN });
      const created = await admin.write<Named>('CreateResourceSync', {
        name: 'from-git',
        config: { ...gitSource(provider, GIT_USER, 'acme/infra'), resource_path: ['sync'] },
      });
      await page.goto(`${monitor.url}/resource-syncs/${created._id.$oid}`);
      await button('Refresh').click();
      await change('Server:gitbox').waitFor();
      const commit = page.locator(`code[title="${head}"]`);
      await commit.waitFor();
      expect(await commit.textContent()).toBe(head.slice(0, 8));
      const files = await page
        .locator('[data-file]')
        .evaluateAll((all) => all.map((e) => e.getAttribute('data-file')));
      expect(files).toEqual(['sync/servers.toml']);

      await button('Edit file').click();
      await page
        .getByLabel('contents of sync/servers.toml')
        .fill('[[server]]\nname = "gitbox"\n\n[[server]]\nname = "gitbox-2"\n');
      await button('Write file').click();
      await change('Server:gitbox-2').waitFor({ timeout: 30_000 });
      const after = await admin.read<{ info: { pending_commit: string; pending_message: string } }>(
        'GetResourceSync',
        { sync: 'from-git' },
      );
      expect(after.info.pending_commit).not.toBe(head);
      expect(after.info.pending_message).toContain('Commit Resource File');
      await page.locator(`code[title="${after.info.pending_commit}"]`).waitFor();
      expect(await summary().textContent()).toBe('2 to create');
      expect(JSON.stringify(after)).not.toContain(GIT_TOKEN);
    },
    SLOW,
  );
});
