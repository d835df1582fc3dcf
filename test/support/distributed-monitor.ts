import './browser-globals';
import { KomodoClient } from 'komodo_client';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort } from '@monitor/testing';
import { peripheryConfig, startPeriphery, type PeripheryApp } from '../../apps/periphery/src';
import { natsUrl } from '../test-env';
import { api, signUp, type ApiClient } from './api';
import { eventually } from './eventually';
import { startProcess, type MonitorProcess } from './process-monitor';

export type Komodo = ReturnType<typeof KomodoClient>;

/** A write each service answers once it has subscribed: proof that it serves. */
const WARM_UP: Record<string, [request: string, params: object]> = {
  deployer: ['CreateTag', { name: 'warm-up-deployer' }],
  builder: ['CreateBuilder', { name: 'warm-up-builder' }],
  procedures: ['CreateProcedure', { name: 'warm-up-procedure' }],
  alerter: ['CreateAlerter', { name: 'warm-up-alerter' }],
  sync: ['CreateResourceSync', { name: 'warm-up-sync' }],
};

export interface DistributedMonitor {
  /** The env every process of this Monitor shares: one NATS, one JetStream store. */
  env: Record<string, string>;
  gateway: MonitorProcess;
  /** The service processes by app name (a restarted one replaces its entry). */
  services: Map<string, MonitorProcess>;
  admin: ApiClient;
  /** Komodo's own client, signed in with an API key of the admin. */
  komodo: Komodo;
  /** An agent on this machine's Docker, registered as the Server `local`. */
  agent: PeripheryApp;
  /** Starts (again) a service's process, `extra` over the shared env; answers once it serves. */
  start(app: string, extra?: Record<string, string>): Promise<MonitorProcess>;
  stop(): Promise<void>;
}

/**
 * Monitor in distributed mode: the gateway and `apps` each their own process on a real NATS
 * with the JetStream store (a stream of its own), and an agent for the local Docker engine as
 * the Server `local` (the distributed mode has no embedded agent). Each service has answered a
 * write before this resolves.
 */
export async function startDistributed(
  name: string,
  apps: string[],
  extraEnv: Record<string, string> = {},
): Promise<DistributedMonitor> {
  const suffix = `${process.pid}_${Date.now()}`;
  const env = {
    MONITOR_NATS_URL: natsUrl(),
    MONITOR_EVENT_STORE_KIND: 'jetstream',
    MONITOR_EVENT_STORE_STREAM: `${name.toUpperCase()}_${suffix}`,
    MONITOR_EVENT_STORE_SUBJECT_PREFIX: `${name}_${suffix}`,
    ...extraEnv,
  };
  const services = new Map<string, MonitorProcess>();
  const stopped: MonitorProcess[] = [];
  const root = mkdtempSync(join(tmpdir(), `monitor-${name}-agent-`));
  const passkey = randomBytes(16).toString('hex');
  const start = async (app: string, extra: Record<string, string> = {}) => {
    const previous = services.get(app);
    if (previous) stopped.push(previous);
    const started = await startProcess(app, { ...env, ...extra }, { http: false });
    services.set(app, started);
    return started;
  };
  const agent = await startPeriphery(
    peripheryConfig({
      port: await freePort(),
      bind_ip: '127.0.0.1',
      passkeys: [passkey],
      root_directory: root,
    }),
    { logger: false },
  );
  let gateway: MonitorProcess | undefined;
  const stop = async () => {
    const all = [gateway, ...services.values(), ...stopped];
    await Promise.all(all.map((p) => p?.stop().catch(() => undefined)));
    await agent.close();
    rmSync(root, { recursive: true, force: true });
  };
  try {
    gateway = await startProcess('gateway', env);
    await Promise.all(apps.map((app) => start(app)));
    const admin = api(gateway.url, await signUp(gateway.url, 'admin'));
    for (const app of apps) await warmUp(admin, app);
    if (apps.includes('deployer'))
      await admin.write('CreateServer', {
        name: 'local',
        config: { address: agent.url, passkey, enabled: true },
      });
    const { key, secret } = await admin.ok<{ key: string; secret: string }>(
      'auth/manage',
      'CreateApiKey',
      { name: `${name}-komodo-client` },
    );
    const komodo = KomodoClient(gateway.url, { type: 'api-key', params: { key, secret } });
    return { env, gateway, services, admin, komodo, agent, start, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}

/** Waits until the app answers its warm-up write. */
function warmUp(admin: ApiClient, app: string): Promise<void> {
  const [request, params] = WARM_UP[app];
  return eventually(async () => {
    // 409: an earlier attempt that timed out on its way back was done after all.
    const status = (await admin.call('write', request, params)).status;
    if (status !== 200 && status !== 409) throw new Error(`${app} answered ${status}`);
  }, 30_000);
}
