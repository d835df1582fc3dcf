import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';

export { CHROMIUM, launchChromium } from '../../bench/web/chromium';

const SCREENSHOTS = join(__dirname, '../../docs/screenshots');

/** A picture of the page for the README, kept in docs/screenshots. */
export async function screenshot(page: Page, name: string): Promise<void> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  await page.screenshot({ path: join(SCREENSHOTS, `${name}.png`), fullPage: false });
}
