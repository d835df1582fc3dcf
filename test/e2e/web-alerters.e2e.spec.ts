import type { Browser, Page } from 'playwright-core';
import { startHttpReceiver, type HttpReceiver } from '@monitor/testing';
import { api, logIn, type ApiClient } from '../support/api';
import { launchChromium, screenshot, signedUpPage } from '../support/browser';
import { eventually } from '../support/eventually';
import { startFreshMonitor } from '../support/fresh-monitor';

/*
 * The Alerter page in Debian's Chromium against a real embedded Monitor and a receiver on
 * 127.0.0.1: configured through the form, tested with its Test button, its deliveries listed,
 * its health shown and its given-up deliveries retried. The tests share one page, in order.
 */

const SLOW = 60_000;
const NAME = 'team-hook';

describe('web UI: Alerters', () => {
  let monitor: Awaited<ReturnType<typeof startFreshMonitor>>;
  let browser: Browser;
  let page: Page;
  let admin: ApiClient;
  let receiver: HttpReceiver;

  const button = (name: string | RegExp) => page.getByRole('button', { name, exact: true });
  const heading = (text: string | RegExp) => page.getByRole('heading', { level: 1, name: text });
  const deliveries = () => page.locator('[aria-label="Deliveries"] tbody tr');
  const sendAlert = (message: string) => admin.execute('SendAlert', { message, alerters: [NAME] });

  beforeAll(async () => {
    receiver = await startHttpReceiver();
    monitor = await startFreshMonitor({ MONITOR_AUTH_ALLOW_SIGNUPS: 'true' });
    browser = await launchChromium();
    page = await signedUpPage(browser, monitor.url, { width: 1280, height: 900 });
    admin = api(monitor.url, await logIn(monitor.url, 'admin'));
  }, SLOW);

  afterAll(async () => {
    await browser?.close();
    await monitor?.destroy();
    await receiver?.close();
  }, SLOW);

  it(
    'configures a Custom alerter in the form and tests it: the receiver gets the Test alert',
    async () => {
      await page.goto(`${monitor.url}/alerters`);
      await button('New Alerter').click();
      await page.locator('#new-name').fill(NAME);
      await button('Create').click();
      await heading(new RegExp(NAME)).waitFor();

      // Every endpoint type offers its own fields.
      const type = page.locator('#config-endpoint-type');
      await type.selectOption('Telegram');
      await page.locator('#config-endpoint-bot_token').waitFor();
      expect(await page.locator('#config-endpoint-bot_token').getAttribute('type')).toBe(
        'password',
      );
      await page.locator('#config-endpoint-chat_id').waitFor();
      await type.selectOption('Email');
      for (const field of ['host', 'port', 'security', 'username', 'password', 'from', 'to'])
        await page.locator(`#config-endpoint-${field}`).waitFor();
      await type.selectOption('Ntfy');
      await page.locator('#config-endpoint-email').waitFor();
      await type.selectOption('Custom');
      await page.locator('#config-endpoint-url').fill(`${receiver.url}/hook`);

      await page.locator('#config-enabled').check();
      const types = page.locator('#config-alert_types');
      await types.getByRole('group', { name: 'Outcomes' }).getByLabel('DeploymentDeployed').check();
      await types.getByRole('group', { name: 'Other' }).getByLabel('Custom').check();
      await button('Add window').click();
      await page.locator('#config-maintenance_windows-0-name').fill('nightly');
      await page.locator('#config-maintenance_windows-0-schedule_type').selectOption('Weekly');
      await page.locator('#config-maintenance_windows-0-day_of_week').selectOption('Sunday');
      await page.locator('#config-maintenance_windows-0-timezone').fill('Europe/Berlin');
      // Disabled, so it holds nothing while the test runs.
      await page.locator('#config-maintenance_windows-0-enabled').uncheck();
      const except = page.locator('#config-except_resources');
      await except.getByLabel('Kind').selectOption('Alerter');
      await except.getByLabel('Resource').selectOption({ label: NAME });
      await except.getByRole('button', { name: 'Add' }).click();
      await except.getByText(`Alerter: ${NAME}`).waitFor();
      await button('Review 5 changes').click();
      await button('Save 5 changes').click();
      await button('Review changes').waitFor();
      await screenshot(page, 'alerter-config');

      const saved = await admin.read<{ config: Record<string, unknown> }>('GetAlerter', {
        alerter: NAME,
      });
      expect(saved.config).toMatchObject({
        enabled: true,
        endpoint: { type: 'Custom', params: { url: '*****' } },
        alert_types: ['DeploymentDeployed', 'Custom'],
        except_resources: [{ type: 'Alerter', id: expect.stringMatching(/\w/) }],
        maintenance_windows: [
          {
            name: 'nightly',
            schedule_type: 'Weekly',
            day_of_week: 'Sunday',
            timezone: 'Europe/Berlin',
            enabled: false,
          },
        ],
      });

      const executions = page.getByLabel('Executions');
      await executions.getByRole('button', { name: 'Test' }).click();
      const [request] = await receiver.waitFor(1);
      expect(request.path).toBe('/hook');
      expect(request.json).toMatchObject({ data: { type: 'Test', data: { name: NAME } } });
      await executions.getByRole('link', { name: /Follow Test as it runs/ }).click();
      await heading(/TestAlerter/).waitFor();
      await page
        .locator('[data-stage="Test Alerter"]')
        .getByText('Alert sent successfully. It should be visible at your alerting destination.')
        .waitFor();
      expect(await page.locator('.stage-failed').count()).toBe(0);
    },
    SLOW,
  );

  it(
    'lists a delivery after SendAlert; five refused show Failing, and Retry delivers them',
    async () => {
      await page.goBack();
      await heading(new RegExp(NAME)).waitFor();
      await page.getByRole('tab', { name: 'Deliveries' }).click();
      await sendAlert('from the web test');
      await deliveries()
        .filter({ hasText: 'Custom' })
        .locator('[data-state="Delivered"]')
        .waitFor();
      expect(await page.locator('h1 [data-state="Ok"]').count()).toBe(1);
      await screenshot(page, 'alerter');

      // A 404 is not retried: each delivery gives up at once, five in a row make it Failing.
      receiver.answer(...Array.from({ length: 5 }, () => ({ status: 404, body: 'gone away' })));
      for (let i = 0; i < 5; i++) {
        const seen = receiver.requests.length;
        await sendAlert(`refused ${i}`);
        await receiver.waitFor(seen + 1);
      }
      await page.locator('[data-state="GivenUp"]').first().waitFor({ timeout: 20_000 });
      // Health moves without an Update: the page shows it when read again.
      await eventually(async () => {
        await page.reload();
        await page.locator('h1 [data-state="Failing"]').waitFor({ timeout: 2_000 });
      }, 20_000);
      await page.getByRole('tab', { name: 'Deliveries' }).click();
      await deliveries().filter({ hasText: '404' }).first().waitFor();
      await page.goto(`${monitor.url}/alerters`);
      await page.locator('[data-state="Failing"]').waitFor();
      await page.goBack();
      await page.getByRole('tab', { name: 'Deliveries' }).click();

      await button('Retry 5 given up').click();
      await eventually(async () => {
        const items = await admin.read<{ state: string }[]>('ListAlertDeliveries', {
          alerter: NAME,
        });
        expect(items.filter((d) => d.state === 'Delivered')).toHaveLength(6);
      }, 20_000);
      await page.reload();
      await page.locator('h1 [data-state="Ok"]').waitFor();
      await page.getByRole('tab', { name: 'Deliveries' }).click();
      await deliveries().first().waitFor();
      expect(await button(/^Retry/).count()).toBe(0);
    },
    SLOW,
  );
});
