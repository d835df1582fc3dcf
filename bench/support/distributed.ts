import { callAgent } from '@monitor/agent-client';
import { freePort, startNatsServer } from '@monitor/testing';
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { signUp } from '../support/sign-up';

const DIST = join(__dirname, '..', '..');
const PASSKEY = 'bench-distributed-passkey';

/** What a benchmark gets of the distributed Monitor it runs against. */
export interface Distributed {
  /** The gateway's URL. */
  url: string;
  /** The name of the Server the agent is registered as. */
  server: string;
  /** An admin's login token. */
  jwt: string;
  /** The env the Monitor's processes share (its store, its NATS): a reader of the same store. */
  env: Record<string, string>;
  /** The process id of the agent, each service and the gateway, by name. */
  processes: Record<string, number>;
}

export interface DistributedOptions {
  /** The services started beside the gateway. Default: the deployer. */
  apps?: string[];
  /** More of the agent's env (PERIPHERY_...). */
  agentEnv?: Record<string, string>;
}

/**
 * The distributed mode for a benchmark: a nats-server, an agent, the services and the gateway as
 * processes of their own (JetStream store), and a Server `agent` registered.
 */
export async function withDistributed<T>(
  run: (monitor: Distributed) => Promise<T>,
  { apps = ['deployer'], agentEnv = {} }: DistributedOptions = {},
): Promise<T> {
  const nats = await startNatsServer();
  const dir = mkdtempSync(join(tmpdir(), 'bench-distributed-'));
  const [agentPort, gatewayPort] = [await freePort(), await freePort()];
  const shared = {
    MONITOR_NATS_URL: nats.url,
    MONITOR_EVENT_STORE_KIND: 'jetstream',
    MONITOR_DATA_DIR: dir,
    MONITOR_MONITORING_ENABLED: 'false',
    MONITOR_LOCAL_AGENT_ENABLED: 'false',
  };
  const env = { ...process.env, ...shared };
  const children: ChildProcess[] = [
    start('periphery', {
      ...process.env,
      PERIPHERY_PORT: String(agentPort),
      PERIPHERY_BIND_IP: '127.0.0.1',
      PERIPHERY_PASSKEYS: PASSKEY,
      PERIPHERY_ROOT_DIRECTORY: join(dir, 'agent'),
      ...agentEnv,
    }),
    ...apps.map((app) => start(app, env)),
    start('gateway', { ...env, MONITOR_HOST: '127.0.0.1', MONITOR_PORT: String(gatewayPort) }),
  ];
  try {
    const url = `http://127.0.0.1:${gatewayPort}`;
    await waitFor(url);
    // The first Deploy must not find the agent still starting.
    await retry(async () => {
      const agent = {
        address: `http://127.0.0.1:${agentPort}`,
        passkey: PASSKEY,
        insecureTls: false,
      };
      await callAgent(agent, 'GetVersion', {}, 2000);
    });
    const jwt = await signUp(url);
    await retry(async () => {
      const response = await fetch(`${url}/write/CreateServer`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: jwt },
        body: JSON.stringify({
          name: 'agent',
          config: { address: `http://127.0.0.1:${agentPort}`, passkey: PASSKEY, enabled: true },
        }),
      });
      if (response.status !== 200)
        throw new Error(`CreateServer: ${response.status} ${await response.text()}`);
    });
    const names = ['agent', ...apps, 'gateway'];
    const processes = Object.fromEntries(children.map((child, i) => [names[i], child.pid!]));
    return await run({ url, server: 'agent', jwt, env: shared, processes });
  } finally {
    // Each stops while NATS still serves its last writes; one that hangs is killed.
    await Promise.all(children.map((child) => stopProcess(child)));
    await nats.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}

function start(app: string, env: NodeJS.ProcessEnv): ChildProcess {
  return spawn(process.execPath, [join(DIST, 'apps', app, 'src', 'main.js')], {
    env,
    stdio: 'ignore',
  });
}

/** SIGTERM, then SIGKILL should the process not have exited within `graceMs`. */
async function stopProcess(child: ChildProcess, graceMs = 10_000): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.kill();
  const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
  await exited;
  clearTimeout(timer);
}

async function waitFor(url: string): Promise<void> {
  await retry(async () => void (await fetch(`${url}/read/GetVersion`, { method: 'POST' })));
}

async function retry(attempt: () => Promise<void>, ms = 30_000): Promise<void> {
  const deadline = Date.now() + ms;
  for (;;) {
    try {
      return await attempt();
    } catch (error) {
      if (Date.now() > deadline) throw error;
      await new Promise((r) => setTimeout(r, 200));
    }
  }
}
