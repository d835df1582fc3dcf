import type { Browser, Page } from 'playwright-core';
import { natsUrl } from '../test-env';
import { api, logIn, TEST_PASSWORD } from '../support/api';
import { launchChromium } from '../support/browser';
import { startProcess, type MonitorProcess } from '../support/process-monitor';

/*
 * The web UI from the built gateway of the distributed mode (its own process, `dist/web` found
 * beside the compiled code), with the deployer as another process on a real NATS.
 */
describe('web UI in the distributed mode', () => {
  const suffix = `${process.pid}_${Date.now()}`;
  const env = {
    MONITOR_NATS_URL: natsUrl(),
    MONITOR_EVENT_STORE_KIND: 'jetstream',
    MONITOR_EVENT_STORE_STREAM: `WEB_${suffix}`,
    MONITOR_EVENT_STORE_SUBJECT_PREFIX: `web_${suffix}`,
  };
  const processes: MonitorProcess[] = [];
  let gateway: MonitorProcess;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    processes.push(await startProcess('deployer', env, { http: false }));
    gateway = await startProcess('gateway', env);
    processes.push(gateway);
    browser = await launchChromium();
    page = await browser.newPage();
    page.setDefaultTimeout(15_000);
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    await Promise.all(processes.map((p) => p.stop()));
  });

  it('signs up, creates a server through the deployer, and lists another one live', async () => {
    await page.goto(`${gateway.url}/servers`);
    await page.locator('#username').fill('admin');
    await page.locator('#password').fill(TEST_PASSWORD);
    await page.getByRole('button', { name: 'Sign up', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: 'Servers' }).waitFor();

    await page.getByRole('button', { name: 'New Server' }).click();
    await page.locator('#new-name').fill('remote-1');
    await page.locator('#new-enabled').uncheck();
    await page.getByRole('button', { name: 'Create', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: /remote-1/ }).waitFor();

    await page
      .getByRole('navigation', { name: 'Main' })
      .getByRole('link', { name: 'Servers' })
      .click();
    await page.locator('[data-resource="remote-1"]').waitFor();
    const admin = api(gateway.url, await logIn(gateway.url, 'admin'));
    await admin.write('CreateServer', { name: 'remote-2' });
    await page.locator('[data-resource="remote-2"]').waitFor();
  }, 60_000);
});
