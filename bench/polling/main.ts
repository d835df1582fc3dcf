import 'reflect-metadata';
import { callAgent } from '@monitor/agent-client';
import { loadConfig } from '@monitor/config';
import { MemoryEventStore } from '@monitor/eventstore';
import { ReadModel } from '@monitor/projections';
import { ServerAgents } from '@monitor/executions';
import { ConfigSecrets, ResourceCommands, systemMeta } from '@monitor/resources';
import { Keyring } from '@monitor/secrets';
import { MemoryStatsHistory } from '@monitor/stats';
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { createInterface } from 'node:readline';
import { join } from 'node:path';
import { ServerObservations } from '../../apps/deployer/src/servers/server-observations';
import { ServerPoller } from '../../apps/deployer/src/servers/server-poller';
import { DeploymentObserver } from '../../apps/deployer/src/deployments/deployment-observer';
import { StackObserver } from '../../apps/deployer/src/stacks/stack-observer';
import { ContainerObservers } from '../../apps/deployer/src/observation/container-observers';
import { StateChangeAlerts } from '../../apps/deployer/src/observation/state-change-alerts';

/**
 * `npm run bench:polling`: CPU time and p99 latency of one poll round of 50, 200 and 500
 * simulated agents, beside raw HTTP polling of the same agents in the same run. `POLL_TICKS`
 * rounds per size (default 5); sizes from `POLL_SIZES` (default 50,200,500).
 */
const PASSKEY = 'bench-passkey';
const TICKS = Number(process.env.POLL_TICKS ?? 5);
const SIZES = (process.env.POLL_SIZES ?? '50,200,500').split(',').map(Number);
const INTERVAL_MS = 10_000;

async function main(): Promise<void> {
  console.log(
    `poll round of N servers (${TICKS} rounds each), at a ${INTERVAL_MS / 1000} s interval`,
  );
  console.log(
    'N\tours cpu ms/round\traw cpu ms/round\tratio\tours cores@10s\tours p99 ms\traw p99 ms',
  );
  for (const size of SIZES) {
    const { child, ports } = await startAgents(size);
    try {
      const ours = await measureOurs(ports);
      const raw = await measureRaw(ports);
      console.log(
        [
          size,
          ours.cpu.toFixed(1),
          raw.cpu.toFixed(1),
          (ours.cpu / raw.cpu).toFixed(2),
          (ours.cpu / INTERVAL_MS).toFixed(4),
          ours.p99.toFixed(1),
          raw.p99.toFixed(1),
        ].join('\t'),
      );
    } finally {
      child.kill();
    }
  }
}

async function measureOurs(ports: number[]) {
  const config = loadConfig({ MONITOR_MONITORING_TIMEOUT_MS: '5000' });
  const store = new MemoryEventStore();
  const readModel = new ReadModel();
  readModel.start(store);
  const keyring = Keyring.fromBase64(randomBytes(32).toString('base64'));
  const commands = new ResourceCommands(store, readModel, new ConfigSecrets(keyring));
  for (const [i, port] of ports.entries()) {
    const server = { address: `http://127.0.0.1:${port}`, passkey: PASSKEY, enabled: true };
    await commands.create('Server', { name: `bench-${i}`, config: server }, systemMeta());
  }
  await readModel.waitFor(await store.headPosition());
  const agents = new ServerAgents(readModel, keyring);
  const observations = new ServerObservations(store, readModel, new MemoryStatsHistory());
  const alerts = new StateChangeAlerts(store, readModel, config);
  const observers = new ContainerObservers();
  observers.add(new DeploymentObserver(store, readModel, alerts));
  observers.add(new StackObserver(store, readModel, alerts));
  const poller = new ServerPoller(config, readModel, store, agents, observations, observers);
  await poller.tick();
  const result = await rounds(() => poller.tick());
  await readModel.stop();
  return result;
}

async function measureRaw(ports: number[]) {
  const poll = async (port: number) => {
    const start = performance.now();
    const agent = { address: `http://127.0.0.1:${port}`, passkey: PASSKEY, insecureTls: false };
    await callAgent(agent, 'GetVersion', {}, 5000);
    await callAgent(agent, 'GetSystemStats', {}, 5000);
    return performance.now() - start;
  };
  await Promise.all(ports.map(poll));
  return rounds(() => Promise.all(ports.map(poll)));
}

/** CPU per round (user+system of this process) and the p99 of every poll's latency. */
async function rounds(round: () => Promise<number[]>) {
  const latencies: number[] = [];
  const before = process.cpuUsage();
  for (let i = 0; i < TICKS; i++) latencies.push(...(await round()));
  const used = process.cpuUsage(before);
  latencies.sort((a, b) => a - b);
  return {
    cpu: (used.user + used.system) / 1000 / TICKS,
    p99: latencies[Math.floor(latencies.length * 0.99)] ?? 0,
  };
}

function startAgents(count: number): Promise<{ child: ChildProcess; ports: number[] }> {
  const child = spawn(
    process.execPath,
    [join(__dirname, 'fake-agents.js'), String(count), PASSKEY],
    {
      stdio: ['ignore', 'pipe', 'inherit'],
    },
  );
  return new Promise((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`fake agents exited with ${code}`)));
    createInterface({ input: child.stdout! }).once('line', (line) =>
      resolve({ child, ports: JSON.parse(line) as number[] }),
    );
  });
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
