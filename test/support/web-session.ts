import type { Browser, Page } from 'playwright-core';
import { api, logIn, type ApiClient } from './api';
import { launchChromium, signedUpPage } from './browser';
import { startFreshMonitor, type FreshMonitor } from './fresh-monitor';
import { completed, type UpdateView } from './updates';

/** What a browser spec's tests share: a Monitor, Chromium, a page signed up as the admin. */
export interface WebSession {
  monitor: FreshMonitor;
  browser: Browser;
  page: Page;
  /** The admin's API client, to set up and check what the page does. */
  admin: ApiClient;
}

type Env = Record<string, string>;

/**
 * For a describe whose tests share one page, in order: before them, a fresh embedded Monitor
 * (sign-ups on, `env` over its settings, or what `env` answers when it is a function), Chromium,
 * and a page where the admin signed up; after them, all closed. The session's fields are set in
 * beforeAll: read them inside the tests.
 */
export function sharedWebSession(
  env: Env | (() => Promise<Env>) = {},
  timeout = 60_000,
): WebSession {
  const session = {} as WebSession;
  beforeAll(async () => {
    const settings = typeof env === 'function' ? await env() : env;
    session.monitor = await startFreshMonitor({ MONITOR_AUTH_ALLOW_SIGNUPS: 'true', ...settings });
    session.browser = await launchChromium();
    session.page = await signedUpPage(session.browser, session.monitor.url);
    session.admin = api(session.monitor.url, await logIn(session.monitor.url, 'admin'));
  }, timeout);
  afterAll(async () => {
    await session.browser?.close();
    await session.monitor?.destroy();
  }, timeout);
  return session;
}

/**
 * After Run on a Procedure or Action page: follows the link to the run's Update and answers
 * the Update once the run is over.
 */
export async function followRun({ page, admin }: WebSession): Promise<UpdateView> {
  const follow = page.getByRole('link', { name: /Follow the run/ });
  const id = (await follow.getAttribute('href'))!.split('/').pop()!;
  await follow.click();
  return completed(admin, { _id: { $oid: id } } as UpdateView);
}
