import type { Browser, Page } from 'playwright-core';
import { api, logIn } from '../support/api';
import { launchChromium, signedUpPage } from '../support/browser';
import { startFreshMonitor } from '../support/fresh-monitor';

/*
 * The Action page's editor in Debian's Chromium against a real embedded Monitor: what it knows of
 * the script's clients. A request name is completed from the catalogue as it is typed, and a
 * name Monitor does not answer is marked, with a fix that puts the right one in.
 */

const SLOW = 60_000;

describe('web UI: the Action editor knows the requests', () => {
  let monitor: Awaited<ReturnType<typeof startFreshMonitor>>;
  let browser: Browser;
  let page: Page;

  beforeAll(async () => {
    monitor = await startFreshMonitor({ MONITOR_AUTH_ALLOW_SIGNUPS: 'true' });
    browser = await launchChromium();
    page = await signedUpPage(browser, monitor.url);
    const admin = api(monitor.url, await logIn(monitor.url, 'admin'));
    const created = await admin.write<{ _id: { $oid: string } }>('CreateAction', {
      name: 'hinted',
    });
    await page.goto(`${monitor.url}/actions/${created._id.$oid}`);
    await page.locator('.cm-content').waitFor();
  }, SLOW);

  afterAll(async () => {
    await browser?.close();
    await monitor?.destroy();
  }, SLOW);

  const editor = () => page.locator('.cm-content');

  it(
    "typing komodo.execute('Dep offers Deploy with its params, and Enter takes it",
    async () => {
      await editor().click();
      await page.keyboard.type("await komodo.execute('Dep");
      const deploy = page.locator('.cm-tooltip-autocomplete li', {
        has: page.locator('.cm-completionLabel', { hasText: /^Deploy$/ }),
      });
      await deploy.waitFor();
      expect(await deploy.locator('.cm-completionDetail').textContent()).toBe(
        '{ deployment, stop_signal?, stop_time? }',
      );
      // Only execute requests are offered there.
      const labels = await page.locator('.cm-completionLabel').allTextContents();
      expect(labels.length).toBeGreaterThan(0);
      expect(labels).not.toContain('GetDeployment');

      await deploy.click();
      await page.keyboard.press('End');
      expect(await editor().textContent()).toBe("await komodo.execute('Deploy')");

      // After `komodo.` the client's members.
      await page.keyboard.press('Enter');
      await page.keyboard.type('komodo.execute_and');
      await page.locator('.cm-completionLabel', { hasText: /^execute_and_poll$/ }).waitFor();
      await page.keyboard.press('Escape');
    },
    SLOW,
  );

  it(
    'marks an unknown request name with a did-you-mean, and its fix puts the name in',
    async () => {
      await editor().fill("await komodo.read('GetStak', {});\nawait monitor.read('Deploy', {});");
      const unknown = page.locator('.cm-lintRange-error', { hasText: 'GetStak' });
      const wrongVerb = page.locator('.cm-lintRange-error', { hasText: 'Deploy' });
      await unknown.waitFor();
      await wrongVerb.waitFor();

      await unknown.hover();
      const tooltip = page.locator('.cm-tooltip-lint');
      await tooltip.waitFor();
      expect(await tooltip.textContent()).toContain(
        "Monitor answers no read request 'GetStak': did you mean 'GetStack'?",
      );
      await tooltip.getByText("Use 'GetStack'").click();
      await unknown.waitFor({ state: 'detached' });
      expect(await editor().textContent()).toContain("komodo.read('GetStack', {})");

      await wrongVerb.hover();
      await page.locator('.cm-tooltip-lint', { hasText: 'is an execute request' }).waitFor();
      await page.locator('.cm-tooltip-lint').getByText('Use monitor.execute').click();
      await wrongVerb.waitFor({ state: 'detached' });
      expect(await editor().textContent()).toContain("monitor.execute('Deploy', {})");
      expect(await page.locator('.cm-lintRange-error').count()).toBe(0);
    },
    SLOW,
  );
});
