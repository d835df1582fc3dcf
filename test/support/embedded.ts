import type { LoggerService } from '@nestjs/common';
import { api, logIn, signUp, type ApiClient } from './api';
import { startFreshMonitor, type FreshMonitor } from './fresh-monitor';

export interface EmbeddedMonitor extends FreshMonitor {
  /** The first user, signed up at start: an admin. */
  adminAuth: { jwt: string };
  /** A client authenticated as the admin. */
  admin: ApiClient;
  /** Closes the app; the data folder stays for a restart. */
  stop(): Promise<void>;
}

/** Env for a Monitor with its local agent on the real Docker engine, on a free port. */
export const LOCAL_AGENT_ENV: Readonly<Record<string, string>> = {
  MONITOR_LOCAL_AGENT_ENABLED: 'true',
  MONITOR_LOCAL_AGENT_PORT: '0',
};

/** A fresh Monitor (see startFreshMonitor) with its admin signed up, or logged in on a restart. */
export async function startEmbedded(
  env: Record<string, string> = {},
  dataDir?: string,
  logger: false | LoggerService = false,
): Promise<EmbeddedMonitor> {
  const monitor = await startFreshMonitor(env, dataDir, logger);
  // A restart on the same data folder logs the admin in again instead.
  const adminAuth = monitor.runtime.readModel.identity.userCount()
    ? await logIn(monitor.url, 'admin')
    : await signUp(monitor.url, 'admin');
  return {
    ...monitor,
    adminAuth,
    admin: api(monitor.url, adminAuth),
    stop: () => monitor.close(),
  };
}
