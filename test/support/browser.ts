import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { TEST_PASSWORD } from './api';

export { CHROMIUM, launchChromium } from '../../bench/web/chromium';

const SCREENSHOTS = join(__dirname, '../../docs/screenshots');

/** A picture of the page for the README, kept in docs/screenshots. */
export async function screenshot(page: Page, name: string): Promise<void> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  await page.screenshot({ path: join(SCREENSHOTS, `${name}.png`), fullPage: false });
}

/**
 * A page in a context of its own at `url`, where the first user, the admin, signs up in the form
 * as on a new installation (startFreshMonitor); answered once the Dashboard shows.
 */
export async function signedUpPage(
  browser: Browser,
  url: string,
  viewport = { width: 1280, height: 860 },
): Promise<Page> {
  const context = await browser.newContext({ viewport });
  const page = await context.newPage();
  page.setDefaultTimeout(15_000);
  await page.goto(url);
  await page.locator('#username').fill('admin');
  await page.locator('#password').fill(TEST_PASSWORD);
  await page.getByRole('button', { name: 'Sign up', exact: true }).click();
  await page.getByRole('heading', { level: 1, name: 'Dashboard' }).waitFor();
  return page;
}
