import Dockerode from 'dockerode';
import type { Browser, Page } from 'playwright-core';
import {
  ensureBusyboxImage,
  removeImageTags,
  startGitHttpServer,
  type GitHttpServer,
} from '@monitor/testing';
import { api, logIn, signUp, type ApiClient } from '../support/api';
import { launchChromium, screenshot, signedUpPage } from '../support/browser';
import { startFreshMonitor } from '../support/fresh-monitor';
import { completed } from '../support/updates';
import { destroyStack, removeComposeProject } from '../support/leftovers';
import { addGitAccount, gitProvider } from '../support/git-accounts';
import { LOCAL_AGENT_ENV } from '../support/embedded';
import { deployIdleStack } from '../support/idle-stack';

/*
 * The pages of issue 13 in Debian's Chromium against a real embedded Monitor with its local
 * agent and the real Docker engine: a running stage's output growing on the Update page, the
 * Builder and Build pages, the Repo page. The tests share one page and run in order.
 */

const SLOW = 60_000;
// Many lines first, so the page is taller than the window and has to follow its bottom; then a
// line, 2 s of silence and another, each saying when the host printed it.
const PRE_DEPLOY =
  "sleep 2; seq -f 'filler-%g' 1 80; echo first-line-at $(date +%s%3N); sleep 2; " +
  'echo second-line-at $(date +%s%3N)';

const GIT_USER = 'web-git';
const GIT_TOKEN = 'web-git-token-2718';

interface BuilderView {
  config: { type: string; params: Record<string, unknown> };
}

describe('web UI: Builds, Builders, Repos and live output', () => {
  const docker = new Dockerode({ socketPath: '/var/run/docker.sock' });
  const stack = `web-builds-stack-${process.pid}`;
  let monitor: Awaited<ReturnType<typeof startFreshMonitor>>;
  let browser: Browser;
  let page: Page;
  let admin: ApiClient;
  let git: GitHttpServer;

  const nav = (label: string) =>
    page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: label, exact: true });
  const button = (name: string) => page.getByRole('button', { name, exact: true });
  const heading = (text: string | RegExp) => page.getByRole('heading', { level: 1, name: text });
  /** Saves the reviewed changes; a refusal fails the test with the gateway's message. */
  const save = async (label: string) => {
    await button(label).click();
    const refusal = page.locator('.review [role="alert"]');
    await Promise.race([button('Review changes').waitFor(), refusal.waitFor()]).catch(
      async (e: Error) => {
        const shown = await page.locator('main').innerText();
        throw new Error(`${label}: ${e.message}\n${shown.slice(0, 2000)}`);
      },
    );
    if (await refusal.isVisible()) throw new Error(`${label}: ${await refusal.textContent()}`);
  };
  const atBottom = () =>
    page.evaluate(
      () =>
        window.innerHeight + window.scrollY >= document.documentElement.scrollHeight - 60 &&
        document.documentElement.scrollHeight > window.innerHeight,
    );

  beforeAll(async () => {
    await ensureBusyboxImage(docker);
    git = await startGitHttpServer({ username: GIT_USER, password: GIT_TOKEN });
    await git.createRepo('acme/site', { 'README.md': 'site v1\n' });
    monitor = await startFreshMonitor({
      ...LOCAL_AGENT_ENV,
      MONITOR_AUTH_ALLOW_SIGNUPS: 'true',
    });
    browser = await launchChromium();
    page = await signedUpPage(browser, monitor.url);
    admin = api(monitor.url, await logIn(monitor.url, 'admin'));
    await addGitAccount(admin, git, { username: GIT_USER, token: GIT_TOKEN });
  }, SLOW);

  afterAll(async () => {
    await browser?.close();
    await destroyStack(admin, stack);
    await monitor?.destroy();
    await git?.stop();
    await removeImageTags(
      docker,
      ['latest', '0.0.1', '0.0', '0'].map((tag) => `web-build-image:${tag}`),
    );
    await removeComposeProject(docker, stack);
  }, SLOW);

  it(
    "shows a running stage's first line before the second is printed, following the bottom",
    async () => {
      const started = await deployIdleStack(admin, { name: stack }, PRE_DEPLOY);
      await page.goto(`${monitor.url}/updates/${started._id.$oid}`);
      const running = page.locator('[data-stage="pre deploy"][data-running]');
      await running.locator('pre.stdout', { hasText: 'first-line' }).waitFor({ timeout: 30_000 });
      const firstSeenAt = Date.now();
      expect(await running.locator('pre.stdout').textContent()).not.toContain('second-line');
      await running.getByRole('status').getByText('running').waitFor();
      expect(await atBottom()).toBe(true);
      await screenshot(page, 'update-running');

      const done = page.locator('[data-stage="pre deploy"]:not([data-running])');
      await done.locator('pre.stdout', { hasText: 'second-line' }).waitFor({ timeout: 30_000 });
      const update = await completed(admin, started);
      const stdout = update.logs.find((l) => l.stage === 'pre deploy')!.stdout;
      const secondAt = Number(/second-line-at (\d+)/.exec(stdout)?.[1]);
      expect(firstSeenAt).toBeLessThan(secondAt);
      const firstAt = Number(/first-line-at (\d+)/.exec(stdout)?.[1]);
      console.log(
        `first line on the page ${firstSeenAt - firstAt} ms after it was printed, ` +
          `${secondAt - firstSeenAt} ms before the second was printed`,
      );
      // The page hears of the end too: no stage is marked running any more.
      await page.locator('[data-running]').waitFor({ state: 'detached' });
      expect(await atBottom()).toBe(true);
    },
    SLOW,
  );

  it(
    'creates a Server builder and an Url builder, and saves an Url builder turned Aws',
    async () => {
      await page.goto(`${monitor.url}/builders`);
      await button('New Builder').click();
      await page.locator('#new-name').fill('local-builder');
      await page.locator('#new-builder-type').selectOption('Server');
      await page.locator('#new-builder-server').selectOption({ label: 'local' });
      await button('Create').click();
      await heading(/local-builder/).waitFor();
      expect(await page.locator('#config-type').inputValue()).toBe('Server');
      await page
        .locator('#config-params-server_ids')
        .getByLabel('local', { exact: true })
        .isChecked()
        .then((checked) => expect(checked).toBe(true));

      // An Aws builder is created bare, its instance set on its page from the defaults.
      await nav('Builders').click();
      await button('New Builder').click();
      await page.locator('#new-name').fill('aws-builder');
      await page.locator('#new-builder-type').selectOption('Aws');
      await button('Create').click();
      await heading(/aws-builder/).waitFor();
      expect(await page.locator('#config-params-region').inputValue()).toBe('us-east-1');
      await button('Delete').click();
      await button('Yes, delete').click();
      await page.getByRole('heading', { level: 1, name: 'Builders' }).waitFor();

      await button('New Builder').click();
      await page.locator('#new-name').fill('url-builder');
      await page.locator('#new-builder-type').selectOption('Url');
      await page.locator('#new-builder-address').fill('http://127.0.0.1:8120');
      await page.locator('#new-builder-passkey').fill('builder-passkey-web-0123');
      await button('Create').click();
      await heading(/url-builder/).waitFor();
      expect(await page.locator('#config-params-passkey').getAttribute('type')).toBe('password');
      await page.locator('#config-params-address').fill('http://127.0.0.1:9120');
      await button('Review 1 change').click();
      await save('Save 1 change');
      // Only the changed param was sent: the passkey, answered masked, is kept.
      const url = await admin.read<BuilderView>('GetBuilder', { builder: 'url-builder' });
      expect(url.config.params).toMatchObject({
        address: 'http://127.0.0.1:9120',
        passkey: '*****',
      });
      expect(await page.content()).not.toContain('builder-passkey-web-0123');

      await page.locator('#config-type').selectOption('Aws');
      await page.locator('#config-params-region').fill('eu-west-1');
      await page.locator('#config-params-ami_id').fill('ami-0123456789abcdef0');
      await page.locator('#config-params-instance_type').fill('t3.small');
      await page.locator('#config-params-subnet_id').fill('subnet-0a1b2c3d');
      await page
        .locator('#config-params-security_group_ids')
        .fill('sg-0123456789abcdef0\nsg-01234567');
      await page.locator('#config-params-key_pair_name').fill('builds');
      await page.locator('#config-params-volume_gb').fill('30');
      await page.locator('#config-params-user_data').fill('#!/bin/sh\necho ready');
      await button('Review 2 changes').click();
      await save('Save 2 changes');
      const aws = await admin.read<BuilderView>('GetBuilder', { builder: 'url-builder' });
      expect(aws.config).toMatchObject({
        type: 'Aws',
        params: {
          region: 'eu-west-1',
          ami_id: 'ami-0123456789abcdef0',
          instance_type: 't3.small',
          subnet_id: 'subnet-0a1b2c3d',
          security_group_ids: ['sg-0123456789abcdef0', 'sg-01234567'],
          key_pair_name: 'builds',
          volume_gb: 30,
          user_data: '#!/bin/sh\necho ready',
        },
      });
    },
    SLOW,
  );

  it(
    'offers New Builder to admins only; the gateway refuses anyone else (403)',
    async () => {
      await signUp(monitor.url, 'bob');
      const { _id } = await admin.read<{ _id: { $oid: string } }>('FindUser', { user: 'bob' });
      await admin.write('UpdateUserBasePermissions', { user_id: _id.$oid, enabled: true });
      const bob = await logIn(monitor.url, 'bob');
      const context = await browser.newContext();
      try {
        const bobs = await context.newPage();
        await bobs.goto(monitor.url);
        await bobs.evaluate((jwt) => localStorage.setItem('monitor.jwt', jwt), bob.jwt);
        await bobs.goto(`${monitor.url}/repos`);
        await bobs.getByRole('button', { name: 'New Repo', exact: true }).waitFor();
        await bobs.goto(`${monitor.url}/builders`);
        await bobs.getByRole('heading', { level: 1, name: 'Builders' }).waitFor();
        await bobs.getByRole('link', { name: 'local-builder', exact: true }).waitFor({
          state: 'detached',
        });
        expect(await bobs.getByRole('button', { name: 'New Builder' }).count()).toBe(0);
      } finally {
        await context.close();
      }
      const refused = await api(monitor.url, bob).call('write', 'CreateBuilder', {
        name: 'bobs-builder',
        config: { type: 'Server', params: { server_ids: [] } },
      });
      expect(refused.status).toBe(403);
      expect((await admin.read<unknown[]>('ListBuilders')).length).toBe(2);
    },
    SLOW,
  );

  it(
    'writes a Build with its Dockerfile on the Server builder and shows its info, buttons and versions',
    async () => {
      await nav('Builds').click();
      await button('New Build').click();
      await page.locator('#new-name').fill('web-build');
      await button('Create').click();
      await heading(/web-build/).waitFor();
      await page.locator('#config-builder_id').selectOption({ label: 'local-builder' });
      await page.locator('#config-image_name').fill('web-build-image');
      await page.locator('#config-dockerfile').fill('FROM scratch\nLABEL made=web\n');
      await page.locator('#config-secret_args').fill('TOKEN=never-on-the-page');
      expect(await page.locator('#config-secret_args').getAttribute('class')).toBe('secret-text');
      await button('Review 4 changes').click();
      await save('Save 4 changes');
      const build = await admin.read<{ config: Record<string, unknown> }>('GetBuild', {
        build: 'web-build',
      });
      expect(build.config).toMatchObject({
        builder_id: expect.stringMatching(/\w/),
        dockerfile: 'FROM scratch\nLABEL made=web\n',
        secret_args: '*****',
      });
      expect(await page.content()).not.toContain('never-on-the-page');

      const facts = page.getByLabel('Build', { exact: true });
      expect(await facts.locator('[data-fact="version"]').textContent()).toBe('0.0.0');
      await facts.getByText('Dockerfile written here').waitFor();
      const executions = page.getByLabel('Executions');
      expect(await executions.getByRole('button', { name: 'Run Build' }).isEnabled()).toBe(true);
      expect(await executions.getByRole('button', { name: 'Cancel build' }).isDisabled()).toBe(
        true,
      );
      const hook = await page.locator('[data-webhook="build"]').textContent();
      expect(hook).toMatch(new RegExp(`^${monitor.url}/listener/github/build/\\w+$`));
      expect((await fetch(hook!, { method: 'POST', body: '{}' })).status).not.toBe(404);
      await screenshot(page, 'build');
      await page.getByRole('tab', { name: 'Versions' }).click();
      await page.getByText('Nothing built yet.').waitFor();

      await executions.getByRole('button', { name: 'Run Build' }).click();
      // Built, versioned and listed without a reload: the page follows the build's Updates.
      await facts
        .locator('[data-fact="version"]', { hasText: '0.0.1' })
        .waitFor({ timeout: 90_000 });
      await page.locator('h1 [data-state="Ok"]').waitFor();
      await page.locator('[aria-label="Versions"] [data-version="0.0.1"]').waitFor();
      expect(await facts.locator('[data-fact="last-built"] time').count()).toBe(1);
      await executions.getByRole('link', { name: /Follow Run Build/ }).click();
      await heading(/RunBuild/).waitFor();
      await page.locator('[data-stage="Docker Build"]').waitFor();
      expect(await page.locator('.stage-failed').count()).toBe(0);
      expect(await page.content()).not.toContain('never-on-the-page');
    },
    SLOW,
  );

  it(
    'picks git and registry accounts from those configured, shows one no longer configured, and saves the picks',
    async () => {
      const registry = '127.0.0.1:5999';
      const provider = gitProvider(git);
      await admin.write('CreateImageRegistryAccount', {
        account: { domain: registry, username: 'web-pusher', token: 'web-registry-token-1' },
      });
      await admin.write('CreateBuild', {
        name: 'web-picked',
        config: { git_account: 'gone-user' },
      });
      await nav('Builds').click();
      await page.getByRole('link', { name: 'web-picked', exact: true }).click();
      await heading(/web-picked/).waitFor();
      const options = (id: string) => page.locator(`#${id} option`).allTextContents();
      const account = page.locator('#config-git_account');
      expect(await account.inputValue()).toBe('gone-user');
      expect(await options('config-git_account')).toContain('gone-user (not configured)');

      await page.locator('#config-git_provider').selectOption(provider);
      expect(await options('config-git_account')).toEqual(['(none)', GIT_USER, 'other…']);
      await account.selectOption(GIT_USER);
      await button('Add registry').click();
      await page.locator('#config-image_registry-0-domain').selectOption(registry);
      expect(await options('config-image_registry-0-account')).toEqual([
        '(none)',
        'web-pusher',
        'other…',
      ]);
      await page.locator('#config-image_registry-0-account').selectOption('web-pusher');
      await page.locator('#config-image_registry-0-organization').selectOption('other…');
      await page.locator('#config-image_registry-0-organization').fill('team');
      await button('Review 3 changes').click();
      await save('Save 3 changes');
      const build = await admin.read<{ config: Record<string, unknown> }>('GetBuild', {
        build: 'web-picked',
      });
      expect(build.config).toMatchObject({
        git_provider: provider,
        git_account: GIT_USER,
        image_registry: [{ domain: registry, account: 'web-pusher', organization: 'team' }],
      });
      await page.locator('#config-image_registry-0-account').waitFor();
      expect(await page.locator('#config-image_registry-0-account').inputValue()).toBe(
        'web-pusher',
      );
    },
    SLOW,
  );

  it(
    'cancels a running build from its page: Cancel build offered while it builds, nothing built',
    async () => {
      // An agent that does not answer: the build waits for it, Building, until cancelled.
      await admin.write('CreateBuilder', {
        name: 'silent-builder',
        config: { type: 'Url', params: { address: 'http://127.0.0.1:1', passkey: 'unused-0123' } },
      });
      await admin.write('CreateBuild', {
        name: 'web-cancel',
        config: {
          builder_id: 'silent-builder',
          image_name: 'web-cancel-image',
          dockerfile: 'FROM scratch\nLABEL made=web\n',
        },
      });
      await nav('Builds').click();
      await page.getByRole('link', { name: 'web-cancel', exact: true }).click();
      await heading(/web-cancel/).waitFor();
      const executions = page.getByLabel('Executions');
      await executions.getByRole('button', { name: 'Run Build' }).click();
      await page.locator('h1 [data-state="Building"]').waitFor();
      expect(await executions.getByRole('button', { name: 'Run Build' }).isDisabled()).toBe(true);
      await executions.getByRole('button', { name: 'Cancel build' }).click();
      await button('Yes, cancel build').click();
      await page.locator('h1 [data-state="Building"]').waitFor({ state: 'detached' });
      expect(
        await page
          .getByLabel('Build', { exact: true })
          .locator('[data-fact="version"]')
          .textContent(),
      ).toBe('0.0.0');
      await executions.getByRole('link', { name: /Follow Cancel build/ }).click();
      await heading(/CancelBuild/).waitFor();
      await page.locator('[data-stage="cancelled"]').getByText('nothing was pushed').waitFor();
    },
    SLOW,
  );

  it(
    'shows a Repo with its buttons and webhooks, then clones it on its server and builds it on its builder',
    async () => {
      await nav('Repos').click();
      await button('New Repo').click();
      await page.locator('#new-name').fill('web-repo');
      await button('Create').click();
      await heading(/web-repo/).waitFor();
      const executions = page.getByLabel('Executions');
      for (const name of ['Clone', 'Pull', 'Refresh', 'Build']) {
        await executions.getByRole('button', { name, exact: true }).waitFor();
      }
      // Disabled once the Repo's state has loaded (not building): waited for, not read at once.
      await executions.getByRole('button', { name: 'Cancel build', disabled: true }).waitFor();
      await page.getByText('Not cloned yet').waitFor();
      // The webhook URLs shown are the gateway's routes (unsigned: refused, but not unknown).
      await page.getByLabel('Git provider').selectOption('gitlab');
      for (const action of ['clone', 'pull', 'build']) {
        const url = await page.locator(`[data-webhook="${action}"]`).textContent();
        expect(url).toMatch(new RegExp(`^${monitor.url}/listener/gitlab/repo/\\w+/${action}$`));
        expect((await fetch(url!, { method: 'POST', body: '{}' })).status).not.toBe(404);
      }
      await page.locator('#config-server_id').selectOption({ label: 'local' });
      await page.locator('#config-builder_id').selectOption({ label: 'local-builder' });
      await page.locator('#config-git_provider').selectOption(gitProvider(git));
      await page.locator('#config-git_https').uncheck();
      await page.locator('#config-git_account').selectOption(GIT_USER);
      await page.locator('#config-repo').fill('acme/site');
      await button('Review 6 changes').click();
      await save('Save 6 changes');

      await executions.getByRole('button', { name: 'Clone', exact: true }).click();
      await button('Yes, clone').click();
      const commits = page.getByLabel('Commits');
      await commits.getByText(/^Cloned: \w{8}/).waitFor({ timeout: 30_000 });
      await commits.getByText(/Last pulled/).waitFor();
      await executions.getByRole('button', { name: 'Build', exact: true }).click();
      await button('Yes, build').click();
      await commits.getByText(/^Built: \w{8}/).waitFor({ timeout: 30_000 });
      await commits.getByText(/Last built/).waitFor();
    },
    SLOW,
  );
});
