import type { LoggerService } from '@nestjs/common';
import { loadConfig } from '@monitor/config';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startMonitor, type MonitorApp } from '../../apps/monitor/src/monitor-app';
import { api, logIn, signUp, type ApiClient } from './api';

export interface EmbeddedMonitor extends MonitorApp {
  dataDir: string;
  /** The first user, signed up at start: an admin. */
  adminAuth: { jwt: string };
  /** A client authenticated as the admin. */
  admin: ApiClient;
  /** Closes the app; the data folder stays for a restart. */
  stop(): Promise<void>;
  /** Closes the app and removes its data. */
  destroy(): Promise<void>;
}

/** Monitor in this test process, on loopback and a free port, with its own data folder. */
export async function startEmbedded(
  env: Record<string, string> = {},
  dataDir = mkdtempSync(join(tmpdir(), 'monitor-e2e-')),
  logger: false | LoggerService = false,
): Promise<EmbeddedMonitor> {
  // No local agent and no polling unless a test asks: they write events of their own.
  const config = loadConfig(
    {
      MONITOR_HOST: '127.0.0.1',
      MONITOR_PORT: '0',
      MONITOR_DATA_DIR: dataDir,
      MONITOR_LOCAL_AGENT_ENABLED: 'false',
      MONITOR_MONITORING_ENABLED: 'false',
      ...env,
    },
    undefined,
  );
  const monitor = await startMonitor(config, { logger });
  // A restart on the same data folder logs the admin in again instead.
  const adminAuth = monitor.runtime.readModel.identity.userCount()
    ? await logIn(monitor.url, 'admin')
    : await signUp(monitor.url, 'admin');
  return {
    ...monitor,
    dataDir,
    adminAuth,
    admin: api(monitor.url, adminAuth),
    stop: () => monitor.close(),
    destroy: async () => {
      await monitor.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
