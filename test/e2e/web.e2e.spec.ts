import Dockerode from 'dockerode';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { BUSYBOX_TEST_IMAGE, ensureBusyboxImage } from '@monitor/testing';
import { peripheryConfig, startPeriphery, type PeripheryApp } from '../../apps/periphery/src';
import { api, logIn, signUp, TEST_PASSWORD } from '../support/api';
import { launchChromium, screenshot } from '../support/browser';
import { startFreshMonitor } from '../support/fresh-monitor';
import { eventually } from '../support/eventually';

/*
 * The web UI in Debian's Chromium against a real embedded Monitor, a real agent and a real
 * Docker engine: what a user does on their first day, in the order they do it. The tests share
 * one browser page and run in order.
 */

const PASSKEY = 'web-e2e-agent-passkey';
const SLOW = 60_000;

describe('web UI: a first day in the browser', () => {
  const docker = new Dockerode({ socketPath: '/var/run/docker.sock' });
  const deployment = `web-e2e-${process.pid}`;
  const stack = `web-e2e-stack-${process.pid}`;
  let monitor: Awaited<ReturnType<typeof startFreshMonitor>>;
  let agent: PeripheryApp;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;

  const nav = (label: string) =>
    page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: label, exact: true });
  const button = (name: string) => page.getByRole('button', { name, exact: true });
  const heading = (text: string | RegExp) => page.getByRole('heading', { level: 1, name: text });
  /** Set before a live change is awaited; a page reload would clear it. */
  const markPage = () =>
    page.evaluate(() => ((window as { unreloaded?: boolean }).unreloaded = true));
  const pageWasNotReloaded = () =>
    page.evaluate(() => (window as { unreloaded?: boolean }).unreloaded === true);

  /** As a browser does when the tab goes to the background or comes back. */
  const setVisibility = (state: 'hidden' | 'visible') =>
    page.evaluate((visibility) => {
      Object.defineProperty(document, 'visibilityState', {
        value: visibility,
        configurable: true,
      });
      document.dispatchEvent(new Event('visibilitychange'));
    }, state);
  /** What the page sent on its `/ws/update` sockets, in order. */
  const feedFramesSent: string[] = [];
  /** The names of the `/read/<Request>`s the page makes from now until `stop`. */
  const recordReads = () => {
    const made: string[] = [];
    const record = (request: { url(): string }) => {
      const path = new URL(request.url()).pathname;
      if (path.startsWith('/read/')) made.push(path.slice('/read/'.length));
    };
    page.on('request', record);
    return { made, stop: () => page.off('request', record) };
  };

  beforeAll(async () => {
    await ensureBusyboxImage(docker);
    agent = await startPeriphery(
      peripheryConfig({
        port: 0,
        bind_ip: '127.0.0.1',
        passkeys: [PASSKEY],
        root_directory: mkdtempSync(join(tmpdir(), 'monitor-web-agent-')),
      }),
      { logger: false },
    );
    monitor = await startFreshMonitor({
      MONITOR_MONITORING_ENABLED: 'true',
      MONITOR_MONITORING_INTERVAL_MS: '500',
      MONITOR_AUTH_ALLOW_SIGNUPS: 'true',
    });
    browser = await launchChromium();
    context = await browser.newContext({ viewport: { width: 1280, height: 860 } });
    page = await context.newPage();
    page.setDefaultTimeout(15_000);
    page.on('websocket', (socket) => {
      if (!socket.url().endsWith('/ws/update')) return;
      socket.on('framesent', (frame) => feedFramesSent.push(String(frame.payload)));
    });
  }, SLOW);

  afterAll(async () => {
    await browser?.close();
    await monitor?.destroy();
    await agent?.close();
    await docker
      .getContainer(deployment)
      .remove({ force: true })
      .catch(() => undefined);
    await docker
      .getVolume(deployment)
      .remove()
      .catch(() => undefined);
    const stackContainers = await docker.listContainers({
      all: true,
      filters: { label: [`com.docker.compose.project=${stack}`] },
    });
    await Promise.all(
      stackContainers.map((c) => docker.getContainer(c.Id).remove({ force: true })),
    );
    const stackNetworks = await docker.listNetworks({
      filters: { label: [`com.docker.compose.project=${stack}`] },
    });
    await Promise.all(stackNetworks.map((n) => docker.getNetwork(n.Id).remove()));
  }, SLOW);

  it('serves the UI at / and at any page path, and leaves the API alone', async () => {
    for (const path of ['/', '/deployments/anything']) {
      const response = await fetch(`${monitor.url}${path}`);
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toContain('text/html');
      expect(await response.text()).toContain('<div id="root">');
    }
    const user = await fetch(`${monitor.url}/user`);
    expect(user.status).toBe(401);
    expect(user.headers.get('content-type')).toContain('application/json');
    expect((await fetch(`${monitor.url}/assets/missing-file.js`)).status).toBe(404);
    expect((await api(monitor.url).call('read', 'GetVersion')).status).toBe(401);
  });

  it(
    'signs the first user up and shows the dashboard',
    async () => {
      await page.goto(monitor.url);
      await page.locator('#username').fill('admin');
      await page.locator('#password').fill(TEST_PASSWORD);
      await screenshot(page, 'sign-in');
      await button('Sign up').click();
      await heading('Dashboard').waitFor();
      await page.locator('.live-live').waitFor();
      await page.locator('[data-kind="Server"]:text-is("0")').waitFor();
    },
    SLOW,
  );

  it(
    'adds a server pointed at a real agent and sees it turn Ok without reload',
    async () => {
      await nav('Servers').click();
      await button('New Server').click();
      await page.locator('#new-name').fill('agent-1');
      await page.locator('#new-address').fill(agent.url);
      await page.locator('#new-passkey').fill(PASSKEY);
      await markPage();
      await button('Create').click();
      await heading(/agent-1/).waitFor();
      await page.locator('h1 [data-state="Ok"]').waitFor({ timeout: 20_000 });
      expect(await pageWasNotReloaded()).toBe(true);
    },
    SLOW,
  );

  it(
    'shows the alert of a server that cannot be reached, open, on the alerts page and the dashboard',
    async () => {
      const admin = api(monitor.url, await logIn(monitor.url, 'admin'));
      await admin.write('CreateServer', {
        name: 'unreachable-1',
        config: { address: 'http://127.0.0.1:1', enabled: true },
      });
      await nav('Alerts').click();
      // A busy machine may rightly open CPU alerts of its own: look only at this one.
      const alert = page.locator('[data-alert="ServerUnreachable"]', {
        hasText: 'Server unreachable-1',
      });
      await alert.waitFor({ timeout: 30_000 });
      await page.getByLabel('Level').selectOption('CRITICAL');
      await page.getByLabel('Kind').selectOption('Server');
      await alert.waitFor();
      await screenshot(page, 'alerts');
      await page.getByLabel('Open or resolved').selectOption('resolved');
      await alert.waitFor({ state: 'detached' });
      await nav('Dashboard').click();
      await page.locator('[data-kind="alerts"]', { hasText: /^[1-9]/ }).waitFor();
    },
    SLOW,
  );

  it(
    'creates a deployment, reviews a config change as a diff, saves it, and sees it in the timeline',
    async () => {
      await nav('Deployments').click();
      await button('New Deployment').click();
      await page.locator('#new-name').fill(deployment);
      await page.locator('#new-server').selectOption({ label: 'agent-1' });
      await page.locator('#new-image').fill(BUSYBOX_TEST_IMAGE);
      await button('Create').click();
      await heading(new RegExp(deployment)).waitFor();

      await page
        .locator('#config-command')
        .fill(`sh -c "echo hello-from-web; trap 'exit 0' TERM; sleep 3600 & wait"`);
      await page.locator('#config-network').fill('none');
      await page.locator('#config-termination_timeout').fill('2');
      await button('Review 3 changes').click();
      const rows = page.locator('table.diff tbody tr');
      const fields = await rows.evaluateAll((trs) =>
        trs.map((tr) => tr.getAttribute('data-field')),
      );
      expect(fields.sort()).toEqual(['command', 'network', 'termination_timeout']);
      expect(await page.locator('[data-field="network"] td.removed').textContent()).toBe('host');
      expect(await page.locator('[data-field="network"] td.added').textContent()).toBe('none');
      await screenshot(page, 'deployment-review');
      await button('Save 3 changes').click();
      await button('Review changes').waitFor();
      expect(await page.locator('#config-network').inputValue()).toBe('none');

      await page.getByRole('tab', { name: 'History' }).click();
      const newest = page.locator('.timeline li').first();
      await newest.locator('text=DeploymentConfigUpdated').waitFor();
      await newest.getByText('by admin via ui').waitFor();
      expect(await newest.locator('[data-field="command"] td.added').textContent()).toContain(
        'sleep 3600',
      );
      expect(await page.locator('.timeline li').count()).toBe(2);
    },
    SLOW,
  );

  it(
    'opens an old revision read-only, diffed against now',
    async () => {
      await button('View revision 0').click();
      const revision = page.getByRole('region', { name: 'Revision 0' });
      await revision.locator('#config-network').waitFor();
      expect(await revision.locator('#config-network').inputValue()).toBe('host');
      expect(await revision.locator('#config-network').getAttribute('readonly')).not.toBeNull();
      expect(await revision.locator('[data-field="network"] td.added').textContent()).toBe('none');
      await screenshot(page, 'deployment-history');
      await revision.getByRole('button', { name: 'Close' }).click();
    },
    SLOW,
  );

  it(
    'shows the API error where the user saved, and saves nothing',
    async () => {
      await page.getByRole('tab', { name: 'Config' }).click();
      await page.locator('#config-ports').fill('abc:80');
      await button('Review 1 change').click();
      await button('Save 1 change').click();
      const error = page.locator('.review [role="alert"]');
      await error.waitFor();
      expect(await error.textContent()).toContain('ports line 1');
      await button('Back to editing').click();
      await button('Discard').click();
      expect(await page.locator('#config-ports').inputValue()).toBe('');
    },
    SLOW,
  );

  it(
    'deploys after a confirmation and sees the container running without reload',
    async () => {
      await markPage();
      // Without a container there is nothing to start or stop yet, once polling has said so
      // (until then the state is unknown and every button is offered: a busy machine polls late).
      await page.locator('button[title="Not while not deployed"]', { hasText: 'Stop' }).waitFor();
      expect(await button('Start').isDisabled()).toBe(true);
      expect(await button('Stop').getAttribute('title')).toBe('Not while not deployed');
      await button('Deploy').click();
      await page.getByRole('dialog').getByText('A running container is replaced').waitFor();
      await button('Yes, deploy').click();
      await page.locator('h1 [data-state="running"]').waitFor({ timeout: 30_000 });
      expect(await pageWasNotReloaded()).toBe(true);
      expect((await docker.getContainer(deployment).inspect()).State.Running).toBe(true);
      expect(await button('Stop').isEnabled()).toBe(true);
      expect(await button('Start').isDisabled()).toBe(true);
      expect(await button('Unpause').isDisabled()).toBe(true);
      await screenshot(page, 'deployment');

      await page.getByRole('tab', { name: 'Log' }).click();
      const stdout = page.getByLabel('stdout');
      await page.getByText('hello-from-web').waitFor();
      await page.getByLabel('Search the log').fill('no-such-line');
      await page.getByText('(no output)').waitFor();
      await page.getByLabel('Search the log').fill('hello');
      await stdout.getByText('hello-from-web').waitFor();
      const fullLog = page.waitForResponse((r) => r.url().endsWith('/read/GetDeploymentLog'));
      await page.getByLabel('Search the log').fill('');
      await fullLog;
      // A line the container writes later, as its main process would: not shown until followed.
      const exec = await docker.getContainer(deployment).exec({
        Cmd: ['sh', '-c', 'echo followed-line-7 > /proc/1/fd/1'],
      });
      await exec.start({ Detach: true });
      await new Promise((r) => setTimeout(r, 2500));
      expect(await stdout.textContent()).not.toContain('followed-line-7');
      await page.getByLabel('Follow').check();
      await stdout.getByText('followed-line-7').waitFor();
      expect(await pageWasNotReloaded()).toBe(true);
      await page.getByLabel('Follow').uncheck();

      // The container as Docker inspects it (an admin holds every specific permission, Inspect too).
      await page.getByRole('tab', { name: 'Inspect' }).click();
      await page.getByLabel('Container inspect').getByText(`"Name": "/${deployment}"`).waitFor();

      await page.getByRole('tab', { name: 'Updates' }).click();
      await page.getByRole('link', { name: 'Deploy', exact: true }).click();
      await page.locator('[data-stage="start container"]').waitFor();
      await heading(/Deploy/)
        .locator('[data-state="Complete"]')
        .waitFor();
      await screenshot(page, 'update');
    },
    SLOW,
  );

  it(
    'writes a stack, deploys it, and sees its service running and its log',
    async () => {
      await nav('Stacks').click();
      await button('New Stack').click();
      await page.locator('#new-name').fill(stack);
      await page.locator('#new-server').selectOption({ label: 'agent-1' });
      await button('Create').click();
      await heading(new RegExp(stack)).waitFor();
      await page
        .locator('#config-file_contents')
        .fill(
          [
            'services:',
            '  app:',
            `    image: ${BUSYBOX_TEST_IMAGE}`,
            `    command: ["/bin/sh", "-c", "trap 'exit 0' TERM; echo stack says hi; sleep 3600 & wait"]`,
            '',
          ].join('\n'),
        );
      // The image is local only: nothing may be pulled from outside.
      await page.locator('#config-auto_pull').uncheck();
      // An object field is a field of fields, not JSON.
      await page.locator('#config-pre_deploy-command').fill('echo before-the-deploy');
      await button('Review 3 changes').click();
      await button('Save 3 changes').click();
      await button('Review changes').waitFor();
      await button('Deploy').click();
      await button('Yes, deploy').click();
      await page.getByRole('tab', { name: 'Services' }).click();
      await page
        .locator('[data-service="app"] [data-state="running"]')
        .waitFor({ timeout: 45_000 });
      await page.getByRole('tab', { name: 'Log' }).click();
      await page.getByLabel('stdout').getByText('stack says hi').waitFor();
      const admin = api(monitor.url, await logIn(monitor.url, 'admin'));
      const { updates } = await admin.read<{ updates: { id: string; operation: string }[] }>(
        'ListUpdates',
        {},
      );
      const deploy = updates.find((u) => u.operation === 'DeployStack')!;
      const detail = await admin.read<{ logs: { stage: string; stdout: string }[] }>('GetUpdate', {
        id: deploy.id,
      });
      expect(detail.logs.find((l) => l.stage === 'pre deploy')?.stdout).toContain(
        'before-the-deploy',
      );
    },
    SLOW,
  );

  it(
    "shows the server's last stats, its containers (the deployment's among them), images, networks and volumes",
    async () => {
      await nav('Servers').click();
      await page.getByRole('link', { name: 'agent-1', exact: true }).click();
      await page.getByRole('tab', { name: 'Stats' }).click();
      expect(await page.locator('[data-stat="cpu"]').textContent()).toMatch(/^\d+(\.\d)? %$/);
      // Two 15-second buckets of history, read again every five seconds: up to 35 s.
      await page.getByLabel('Granularity').selectOption('15-sec');
      await page.getByRole('img', { name: 'CPU' }).waitFor({ timeout: 40_000 });
      for (const chart of ['CPU', 'Memory', 'Disk', 'Network']) {
        const line = page.getByRole('img', { name: chart }).locator('polyline').first();
        await line.waitFor({ state: 'attached' });
        const points = ((await line.getAttribute('points')) ?? '').split(' ');
        expect(points.length).toBeGreaterThanOrEqual(2);
        for (const point of points) expect(point).toMatch(/^\d+(\.\d)?,\d+(\.\d)?$/);
      }
      await screenshot(page, 'server-stats');
      await page.getByRole('tab', { name: 'Containers' }).click();
      await page.locator(`[data-container="${deployment}"] [data-state="running"]`).waitFor();
      await screenshot(page, 'server');
      await page.getByRole('tab', { name: 'Images' }).click();
      await page
        .locator('[data-objects="images"] tr', { hasText: BUSYBOX_TEST_IMAGE })
        .getByText('in use')
        .waitFor();
      await page.getByRole('tab', { name: 'Networks' }).click();
      await page.locator('[data-objects="networks"] [data-row="bridge"]').waitFor();
      await docker.createVolume({ Name: deployment });
      await page.getByRole('tab', { name: 'Volumes' }).click();
      await page
        .locator(`[data-objects="volumes"] [data-row="${deployment}"]`)
        .getByText('unused')
        .waitFor();
    },
    SLOW,
  );

  it(
    'lists the deployments, filtered by tag, and the dashboard with live state',
    async () => {
      const admin = api(monitor.url, await logIn(monitor.url, 'admin'));
      await admin.write('CreateTag', { name: 'frontend' });
      await admin.write('CreateDeployment', { name: `${deployment}-other` });
      await admin.write('UpdateTagsOnResource', {
        target: { type: 'Deployment', id: deployment },
        tags: ['frontend'],
      });
      await nav('Deployments').click();
      await page.locator(`[data-resource="${deployment}"] [data-state="running"]`).waitFor();
      await page.locator(`[data-resource="${deployment}-other"]`).waitFor();
      await page.getByLabel('Tag').selectOption({ label: 'frontend' });
      await page.locator(`[data-resource="${deployment}-other"]`).waitFor({ state: 'detached' });
      expect(await page.locator(`[data-resource="${deployment}"] td`).last().textContent()).toBe(
        'frontend',
      );
      await screenshot(page, 'deployments');
      const reads = recordReads();
      await nav('Dashboard').click();
      await page.locator('[data-kind="Deployment"]:text-is("2")').waitFor();
      const deploymentsCard = page.locator('.card', {
        has: page.locator('[data-kind="Deployment"]'),
      });
      await deploymentsCard.getByText('1 running · 1 unknown').waitFor();
      expect(reads.made).toContain('GetDeploymentsSummary');
      expect(reads.made).not.toContain('ListDeployments');
      reads.stop();
      // The recent Updates come after the summaries, their targets named by a Get each.
      await page.locator('table.updates >> text=Deploy').first().waitFor({ timeout: 30_000 });
      // Update targets are named, though no page reads the deployments' list any more.
      const namedTarget = page
        .locator('main table.updates')
        .getByRole('link', { name: `Deployment ${deployment}`, exact: true })
        .first();
      await namedTarget.waitFor();
      await screenshot(page, 'dashboard');
      await nav('Updates').click();
      await heading('Updates').waitFor();
      await namedTarget.waitFor();
      await nav('Dashboard').click();
    },
    SLOW,
  );

  it(
    'renames, describes and tags a deployment, each change in its timeline',
    async () => {
      await nav('Deployments').click();
      await page.getByRole('link', { name: `${deployment}-other`, exact: true }).click();
      await button('Rename, describe, tag').click();
      const dialog = page.getByRole('dialog');
      await dialog.getByLabel('Name').fill(`${deployment}-renamed`);
      await dialog.getByLabel('Description').fill('The other front end');
      await dialog.getByLabel('frontend').check();
      await dialog.getByRole('button', { name: 'Save' }).click();
      await dialog.waitFor({ state: 'detached' });
      await heading(new RegExp(`${deployment}-renamed`)).waitFor();
      await page.locator('.description', { hasText: 'The other front end' }).waitFor();
      await page.locator('.tag-list', { hasText: 'frontend' }).waitFor();
      await page.getByRole('tab', { name: 'History' }).click();
      for (const type of [
        'DeploymentRenamed',
        'DeploymentDescriptionUpdated',
        'DeploymentTagsUpdated',
      ])
        await page.locator('.timeline li', { hasText: type }).waitFor();
    },
    SLOW,
  );

  it(
    'keeps settings: a tag and its colour, a secret variable and a git account, their secrets never shown',
    async () => {
      await nav('Settings').click();
      await page.locator('[data-tag="frontend"]').waitFor();
      await page.locator('#new-tag').fill('backend');
      await page.getByLabel('New tag colour').selectOption('Red');
      await button('Create tag').click();
      await page.locator('[data-tag="backend"] [data-tag-color="Red"]').waitFor();
      await page.getByLabel('frontend colour').selectOption('DarkTeal');
      await page.locator('[data-tag="frontend"] [data-tag-color="DarkTeal"]').waitFor();
      await page.getByRole('tab', { name: 'Variables' }).click();
      const form = page.getByRole('form', { name: 'New variable' });
      await form.getByLabel('Name').fill('DB_PASSWORD');
      await form.getByLabel('Value').fill('hunter2-but-longer');
      await form.getByLabel('secret').check();
      await button('Create variable').click();
      const row = page.locator('[data-variable="DB_PASSWORD"]');
      await row.waitFor();
      expect(await row.locator('td').nth(1).textContent()).toBe('*****');
      expect(await page.content()).not.toContain('hunter2-but-longer');
      await form.getByLabel('Name').fill('bad name');
      await button('Create variable').click();
      await form.getByRole('alert').waitFor();
      await screenshot(page, 'settings-variables');

      await page.getByRole('tab', { name: 'Git accounts' }).click();
      const account = page.getByRole('form', { name: 'New account' });
      await account.getByLabel('Domain').fill('git.example.com');
      await account.getByLabel('Username').fill('deploy-bot');
      await account.getByLabel('Token').fill('token-never-shown-again');
      await button('Create account').click();
      const accountRow = page.locator('[data-account="deploy-bot@git.example.com"]');
      await accountRow.waitFor();
      expect(await accountRow.locator('code').textContent()).toBe('*****');
      expect(await page.content()).not.toContain('token-never-shown-again');
    },
    SLOW,
  );

  it(
    'enables a waiting user with Read on deployments, who sees no write buttons, and the API refuses them anyway',
    async () => {
      const readerAuth = await signUp(monitor.url, 'reader');
      await nav('Settings').click();
      await page.getByRole('tab', { name: 'Users' }).click();
      const readerRow = page.locator('[data-user="reader"]');
      await readerRow.getByText('waiting').waitFor();
      await readerRow.getByRole('button', { name: 'Enable' }).click();
      await readerRow.getByText('enabled').waitFor();
      await readerRow.getByRole('button', { name: 'Permissions' }).click();
      await page.getByLabel('Deployment permission').selectOption('Read');
      await button('Done').click();
      await readerRow.getByText('Read every Deployment').waitFor();

      const readerContext = await browser.newContext();
      const readerPage = await readerContext.newPage();
      try {
        await readerPage.goto(`${monitor.url}/deployments/${deployment}`);
        await readerPage.getByRole('button', { name: 'I have a user: sign in' }).click();
        await readerPage.locator('#username').fill('reader');
        await readerPage.locator('#password').fill(TEST_PASSWORD);
        await readerPage.getByRole('button', { name: 'Sign in', exact: true }).click();
        await readerPage.getByRole('heading', { level: 1, name: new RegExp(deployment) }).waitFor();
        await readerPage.locator('#config-command').waitFor();
        for (const name of ['Deploy', 'Stop', 'Destroy', 'Delete', 'Review changes', 'Discard'])
          expect(await readerPage.getByRole('button', { name, exact: true }).count()).toBe(0);
        expect(await readerPage.locator('#config-command').getAttribute('readonly')).not.toBeNull();
        const readerNav = readerPage.getByRole('navigation', { name: 'Main' });
        await readerNav.getByRole('link', { name: 'Servers', exact: true }).click();
        await readerPage.getByRole('heading', { level: 1, name: 'Servers' }).waitFor();
        expect(await readerPage.getByRole('button', { name: 'New Server' }).count()).toBe(0);
      } finally {
        await readerContext.close();
      }

      const readerApi = api(monitor.url, readerAuth);
      const update = await readerApi.call('write', 'UpdateDeployment', {
        id: deployment,
        config: { network: 'host' },
      });
      expect(update.status).toBe(403);
      expect((await readerApi.call('execute', 'StopDeployment', { deployment })).status).toBe(403);
    },
    SLOW,
  );

  it(
    'puts the reader in a group that may execute every stack, and grants them one deployment',
    async () => {
      await nav('Settings').click();
      await page.getByRole('tab', { name: 'Groups' }).click();
      await page.locator('#new-group').fill('operators');
      await button('Create group').click();
      const groupRow = page.locator('[data-group="operators"]');
      await groupRow.getByRole('button', { name: 'Members' }).click();
      await page.getByRole('dialog').getByLabel('reader').check();
      await button('Save members').click();
      await groupRow.getByRole('cell', { name: 'reader', exact: true }).waitFor();
      await groupRow.getByRole('button', { name: 'Permissions' }).click();
      await page.getByLabel('Stack permission').selectOption('Execute');
      await button('Done').click();
      await groupRow.getByText('Execute every Stack').waitFor();

      await nav('Deployments').click();
      await page.getByRole('link', { name: deployment, exact: true }).click();
      await page.getByRole('tab', { name: 'Permissions' }).click();
      await page.locator('[data-grantee="operators"]').waitFor();
      const reader = page.locator('[data-grantee="reader"]');
      expect(await reader.getByRole('cell').last().textContent()).toBe('Read');
      await reader.getByLabel('reader permission').selectOption('Execute');
      await page.reload();
      await page.getByRole('tab', { name: 'Permissions' }).click();
      expect(await reader.getByLabel('reader permission').inputValue()).toBe('Execute');

      // Checked once the grant is saved and read back: the box shows what the API holds.
      await reader.getByLabel('reader Logs').click();
      await reader.locator('input[aria-label="reader Logs"]:checked').waitFor();
      await page.reload();
      await page.getByRole('tab', { name: 'Permissions' }).click();
      expect(await reader.getByLabel('reader Logs').isChecked()).toBe(true);
      expect(await reader.getByLabel('reader permission').inputValue()).toBe('Execute');

      await nav('Settings').click();
      await page.getByRole('tab', { name: 'Variables' }).click();
      await page
        .locator('[data-variable="DB_PASSWORD"]')
        .getByRole('button', { name: 'Who may use' })
        .click();
      await page.getByLabel('reader may use DB_PASSWORD').click();
      await page.locator('input[aria-label="reader may use DB_PASSWORD"]:checked').waitFor();
      await button('Done').click();
      const admin = api(monitor.url, await logIn(monitor.url, 'admin'));
      const grants = await admin.read<{ users: { name: string }[] }>('GetVariablePermissions', {
        name: 'DB_PASSWORD',
      });
      expect(grants.users.map((u) => u.name)).toEqual(['reader']);

      const readerApi = api(monitor.url, await logIn(monitor.url, 'reader'));
      const target = { type: 'Deployment', id: deployment };
      const permission = await readerApi.read<{ level: string; specific: string[] }>(
        'GetPermission',
        { target },
      );
      expect(permission).toEqual({ level: 'Execute', specific: ['Logs'] });
    },
    SLOW,
  );

  it(
    'creates an API key on the account page, shows its secret once, and the API takes it',
    async () => {
      await page.getByRole('link', { name: /^admin/ }).click();
      await heading('admin').waitFor();
      await page.locator('#api-key-name').fill('ci');
      await button('Create API key').click();
      const shown = page.locator('.secret-once');
      await shown.waitFor();
      const [key, secret] = await shown.locator('code').allTextContents();
      const answer = await api(monitor.url, { key, secret }).call('read', 'ListDeployments');
      expect(answer.status).toBe(200);
      await page.locator('[data-key="ci"]').waitFor();
      await page.locator('[data-key="ci"]').getByRole('button', { name: 'Delete' }).click();
      await button('Yes, delete').click();
      await page.locator('[data-key="ci"]').waitFor({ state: 'detached' });
      expect((await api(monitor.url, { key, secret }).call('read', 'ListDeployments')).status).toBe(
        401,
      );
    },
    SLOW,
  );

  it(
    'sees a container stopped and started outside Monitor without reload or timer polling',
    async () => {
      await nav('Deployments').click();
      await page.getByRole('link', { name: deployment, exact: true }).click();
      await page.locator('h1 [data-state="running"]').waitFor();
      await markPage();
      const reads = recordReads();
      // The old pages read their state again every 3 s; now nothing is read until it changes.
      await page.waitForTimeout(7000);
      expect(reads.made).toEqual([]);
      await docker.getContainer(deployment).stop({ t: 1 });
      await page.locator('h1 [data-state="exited"]').waitFor({ timeout: 20_000 });
      expect(reads.made).toContain('ListDeployments');
      await docker.getContainer(deployment).start();
      await page.locator('h1 [data-state="running"]').waitFor({ timeout: 20_000 });
      reads.stop();
      expect(await pageWasNotReloaded()).toBe(true);
    },
    SLOW,
  );

  it(
    'closes the observed stream while the tab is hidden, and reads again when it is shown',
    async () => {
      const from = feedFramesSent.length;
      await setVisibility('hidden');
      const stopped = JSON.stringify({ type: 'Observe', params: { streams: [] } });
      await eventually(async () => expect(feedFramesSent.slice(from)).toContain(stopped));
      await docker.getContainer(deployment).stop({ t: 1 });
      // Long enough for the poll to record the exit, which this tab does not hear of.
      await page.waitForTimeout(3000);
      expect(await page.locator('h1 [data-state="running"]').count()).toBe(1);
      await setVisibility('visible');
      await page.locator('h1 [data-state="exited"]').waitFor({ timeout: 20_000 });
      await docker.getContainer(deployment).start();
      await page.locator('h1 [data-state="running"]').waitFor({ timeout: 20_000 });
      expect(await pageWasNotReloaded()).toBe(true);
    },
    SLOW,
  );

  it(
    'stops the deployment after a confirmation and sees it exited without reload',
    async () => {
      await nav('Deployments').click();
      await page.getByRole('link', { name: deployment, exact: true }).click();
      await page.locator('h1 [data-state="running"]').waitFor();
      await markPage();
      await button('Stop').click();
      await button('Yes, stop').click();
      await page.locator('h1 [data-state="exited"]').waitFor({ timeout: 30_000 });
      expect(await pageWasNotReloaded()).toBe(true);
      expect((await docker.getContainer(deployment).inspect()).State.Running).toBe(false);
      expect(await button('Start').isEnabled()).toBe(true);
      expect(await button('Stop').isDisabled()).toBe(true);
      await nav('Dashboard').click();
    },
    SLOW,
  );

  it(
    'switches to the dark theme, keeps it, and signs out',
    async () => {
      await button('Dark theme').click();
      expect(await page.evaluate(() => document.documentElement.dataset.theme)).toBe('dark');
      await page.reload();
      await heading('Dashboard').waitFor();
      expect(await page.evaluate(() => document.documentElement.dataset.theme)).toBe('dark');
      await screenshot(page, 'dashboard-dark');
      const token = await page.evaluate(() => localStorage.getItem('monitor.jwt'));
      expect((await api(monitor.url, { jwt: token! }).call('read', 'ListServers')).status).toBe(
        200,
      );
      await button('Sign out').click();
      await page.locator('#username').waitFor();
      expect(await page.evaluate(() => localStorage.getItem('monitor.jwt'))).toBeNull();
      // Signing out ends the token at the gateway too, not only in this browser.
      expect((await api(monitor.url, { jwt: token! }).call('read', 'ListServers')).status).toBe(
        401,
      );
    },
    SLOW,
  );

  it(
    'changes a password on the account page: the session ends and the sign-in page says to sign in again',
    async () => {
      const newPassword = 'renewed-secret-4711';
      const readerContext = await browser.newContext();
      const readerPage = await readerContext.newPage();
      const signInAsReader = async (password: string) => {
        await readerPage.getByRole('button', { name: 'I have a user: sign in' }).click();
        await readerPage.locator('#username').fill('reader');
        await readerPage.locator('#password').fill(password);
        await readerPage.getByRole('button', { name: 'Sign in', exact: true }).click();
        await readerPage.getByRole('heading', { level: 1, name: 'reader' }).waitFor();
      };
      try {
        await readerPage.goto(`${monitor.url}/account`);
        await signInAsReader(TEST_PASSWORD);
        const token = await readerPage.evaluate(() => localStorage.getItem('monitor.jwt'));
        await readerPage.locator('#new-password').fill(newPassword);
        await readerPage.getByRole('button', { name: 'Change password', exact: true }).click();

        await readerPage
          .getByRole('status')
          .filter({ hasText: 'Password changed — sign in again' })
          .waitFor();
        await readerPage.locator('#username').waitFor();
        expect(await readerPage.evaluate(() => localStorage.getItem('monitor.jwt'))).toBeNull();
        // The gateway revoked the token: the page says so instead of failing on the next read.
        expect((await api(monitor.url, { jwt: token! }).call('read', 'ListServers')).status).toBe(
          401,
        );
        await signInAsReader(newPassword);
        expect(await readerPage.getByText('Password changed — sign in again').count()).toBe(0);
      } finally {
        await readerContext.close();
      }
    },
    SLOW,
  );
});
