import { callAgent } from '@monitor/agent-client';
import { freePort, startNatsServer } from '@monitor/testing';
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { signUp } from '../support/sign-up';

const DIST = join(__dirname, '..', '..');
const PASSKEY = 'bench-distributed-passkey';

/**
 * The distributed mode for a benchmark: a nats-server, an agent, the deployer and the gateway as
 * processes of their own (JetStream store), and a Server `agent` registered; `run` gets the
 * gateway's URL, the server's name and an admin's login token.
 */
export async function withDistributed<T>(
  run: (url: string, server: string, jwt: string) => Promise<T>,
): Promise<T> {
  const nats = await startNatsServer();
  const dir = mkdtempSync(join(tmpdir(), 'bench-distributed-'));
  const [agentPort, gatewayPort] = [await freePort(), await freePort()];
  const env = {
    ...process.env,
    MONITOR_NATS_URL: nats.url,
    MONITOR_EVENT_STORE_KIND: 'jetstream',
    MONITOR_DATA_DIR: dir,
    MONITOR_MONITORING_ENABLED: 'false',
    MONITOR_LOCAL_AGENT_ENABLED: 'false',
  };
  const children: ChildProcess[] = [
    start('periphery', {
      ...process.env,
      PERIPHERY_PORT: String(agentPort),
      PERIPHERY_BIND_IP: '127.0.0.1',
      PERIPHERY_PASSKEYS: PASSKEY,
      PERIPHERY_ROOT_DIRECTORY: join(dir, 'agent'),
    }),
    start('deployer', env),
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
    return await run(url, 'agent', jwt);
  } finally {
    for (const child of children) child.kill();
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
