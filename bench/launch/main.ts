import 'reflect-metadata';
import { mkdtempSync, rmSync } from 'node:fs';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { Ec2Instances, HetznerClient, type WaitOptions } from '@monitor/cloud';
import { loadConfig } from '@monitor/config';
import { completeServerTemplateConfig, type ServerTemplateConfig } from '@monitor/domain';
import { completion } from '@monitor/executions';
import { newId } from '@monitor/resources';
import { freePort } from '@monitor/testing';
import { startMonitor } from '../../apps/monitor/src/monitor-app';
import { median, percentile } from '../support/percentiles';
import { SelfTime } from '../procedure/self-time';
import { signUp } from '../support/sign-up';
import { startBenchClouds, type BenchClouds } from './bench-clouds';
import { rawAwsLaunch, rawBoot, rawHetznerLaunch } from './raw-launch';

/**
 * `npm run bench:launch`: LaunchServer through the HTTP API of an embedded Monitor (SQLite),
 * from the request to its Update complete (the Server created), against FakeEc2 and
 * FakeHetzner on 127.0.0.1, beside the raw calls such a launch makes against the same fakes in
 * the same run: the create (RunInstances / POST servers, the same body), the same Describe /
 * GET at the same interval until running, the agent's GetVersion over the pinned connection
 * (https: a real agent booted from the user data, in a process of its own, agent-host.ts), and
 * RotatePasskey. Machines are removed and agents stopped after each half, outside the timing.
 * Per provider `WARMUP` (10) uncounted pairs (the JIT, the SDK's lazy loads, the first
 * connections), then `ROUNDS` (20) pairs, the half going first alternating: the ratio of the
 * medians (aim: under 1.5), of the CPU time this process spent in each half (the fakes run
 * in it too, equally for both; the agents do not), and the load average. The boot delay (`BOOT_MS`,
 * 80) and the poll interval (`POLL_MS`, 20, the `[launch]` interval and its cap) are the same
 * for both halves, so the difference is Monitor's own work. `PROFILE=1`: the self time of the
 * functions each half ran over the counted rounds, by provider and half (SelfTime).
 */
const ROUNDS = Number(process.env.ROUNDS ?? 20);
const WARMUP = Number(process.env.WARMUP ?? 10);
const BOOT_MS = Number(process.env.BOOT_MS ?? 80);
const POLL_MS = Math.max(10, Number(process.env.POLL_MS ?? 20));
const AIM = 1.5;
const PROFILE = process.env.PROFILE === '1';
const USER_DATA = '#!/bin/sh\necho launched-by-the-bench\n';

const templates = async (): Promise<Record<'Aws' | 'Hetzner', ServerTemplateConfig>> => ({
  Aws: {
    type: 'Aws',
    params: {
      region: 'eu-west-3',
      instance_type: 't3.medium',
      ami_id: 'ami-0123456789abcdef0',
      subnet_id: 'subnet-0aaa1111',
      security_group_ids: ['sg-0bbb2222'],
      volumes: [
        { device_name: '/dev/sda1', size_gb: 30, volume_type: 'gp3', iops: 0, throughput: 0 },
      ],
      use_https: true,
      port: await freePort(),
      user_data: USER_DATA,
    },
  } as ServerTemplateConfig,
  Hetzner: {
    type: 'Hetzner',
    params: {
      datacenter: 'Falkenstein1Dc14',
      server_type: 'cx22',
      private_network_ids: [7],
      use_https: true,
      port: await freePort(),
      user_data: USER_DATA,
    },
  } as ServerTemplateConfig,
});

interface Half {
  ms: number;
  cpu: number;
  /** The calls the fakes received during the half: both halves should make the same. */
  calls: number;
  /** Of `ms`, the agent's own start in this process: the same work on both halves. */
  agentBootMs: number;
}

async function timed(clouds: BenchClouds, run: () => Promise<unknown>): Promise<Half> {
  const callsBefore = clouds.callCount();
  const bootBefore = clouds.agentBootMs();
  const start = performance.now();
  const cpuStart = process.cpuUsage();
  await run();
  const ms = performance.now() - start;
  const cpu = process.cpuUsage(cpuStart);
  return {
    ms,
    cpu: (cpu.user + cpu.system) / 1000,
    calls: clouds.callCount() - callsBefore,
    agentBootMs: clouds.agentBootMs() - bootBefore,
  };
}

async function main(): Promise<void> {
  const dataDir = mkdtempSync(join(tmpdir(), 'bench-launch-'));
  const clouds = await startBenchClouds(BOOT_MS);
  const monitor = await startMonitor(
    loadConfig({
      MONITOR_HOST: '127.0.0.1',
      MONITOR_PORT: '0',
      MONITOR_DATA_DIR: dataDir,
      MONITOR_MONITORING_ENABLED: 'false',
      // Its sampler's child processes would block either half at random: a launch needs none.
      MONITOR_LOCAL_AGENT_ENABLED: 'false',
      MONITOR_LAUNCH_INSTANCE_TIMEOUT_MS: '10000',
      MONITOR_LAUNCH_AGENT_TIMEOUT_MS: '10000',
      MONITOR_LAUNCH_POLL_INTERVAL_MS: String(POLL_MS),
      MONITOR_LAUNCH_MAX_POLL_INTERVAL_MS: String(POLL_MS),
      ...clouds.env,
    }),
    { logger: false },
  );
  const ec2 = await Ec2Instances.connect(clouds.awsAccount, 'eu-west-3');
  const hetzner = new HetznerClient(clouds.hetznerAccount);
  try {
    const jwt = await signUp(monitor.url);
    const call = async <T>(path: string, body: object): Promise<T> => {
      const res = await fetch(`${monitor.url}/${path}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: jwt },
        body: JSON.stringify(body),
      });
      if (!res.ok) throw new Error(`${path}: ${res.status} ${await res.text()}`);
      return (await res.json()) as T;
    };
    const configs = await templates();
    for (const [type, config] of Object.entries(configs))
      await call('write/CreateServerTemplate', { name: `bench-${type}`, config });
    const wait: WaitOptions = { timeoutMs: 10_000, intervalMs: POLL_MS, maxIntervalMs: POLL_MS };

    const launchServer = async (type: string, name: string) => {
      const started = await call<{ _id: { $oid: string } }>('execute/LaunchServer', {
        name,
        server_template: `bench-${type}`,
      });
      const done = await completion(monitor.runtime.readModel, started._id.$oid, 30_000);
      if (!done.success)
        throw new Error(`LaunchServer ${name} failed: ${JSON.stringify(done.logs)}`);
    };
    const raw = async (type: 'Aws' | 'Hetzner', name: string) => {
      const config = completeServerTemplateConfig(configs[type]);
      const boot = await rawBoot(type, config.params, name);
      return () =>
        config.type === 'Aws'
          ? rawAwsLaunch(ec2, config.params, name, newId(), boot, wait)
          : rawHetznerLaunch(hetzner, config.params, name, newId(), boot, wait);
    };
    /** Outside the timing: the machines terminated, their agents stopped, the Server deleted. */
    const clean = async (clouds: BenchClouds, server?: string) => {
      if (server) await call('write/DeleteServer', { id: server });
      for (const instance of clouds.ec2.runningInstances()) await ec2.terminate(instance.id);
      for (const server of clouds.hetzner.runningServers()) await hetzner.deleteServer(server.id);
      await clouds.closeAgents();
    };

    const profile = PROFILE ? new SelfTime() : undefined;
    await profile?.start();
    const measured = (half: string, counted: boolean, run: () => Promise<unknown>) =>
      profile && counted ? profile.during(half, () => timed(clouds, run)) : timed(clouds, run);
    const summaries: string[] = [];
    for (const type of ['Aws', 'Hetzner'] as const) {
      const halves = { monitor: [] as Half[], raw: [] as Half[] };
      for (let round = -WARMUP; round < ROUNDS; round++) {
        const name = `bench-${type.toLowerCase()}-${round + WARMUP}`;
        const rawLaunch = await raw(type, `${name}-raw`);
        const measureMonitor = async () => {
          const half = await measured(`${type} LaunchServer`, round >= 0, () =>
            launchServer(type, name),
          );
          await clean(clouds, name);
          return half;
        };
        const measureRaw = async () => {
          const half = await measured(`${type} raw`, round >= 0, rawLaunch);
          await clean(clouds);
          return half;
        };
        const monitorFirst = round % 2 === 0;
        const first = monitorFirst ? await measureMonitor() : await measureRaw();
        const second = monitorFirst ? await measureRaw() : await measureMonitor();
        if (round < 0) continue;
        const [m, r] = monitorFirst ? [first, second] : [second, first];
        halves.monitor.push(m);
        halves.raw.push(r);
        console.log(
          `${type} round ${round + 1}: LaunchServer ${m.ms.toFixed(0)} ms (cpu ${m.cpu.toFixed(0)}), raw ${r.ms.toFixed(0)} ms (cpu ${r.cpu.toFixed(0)})`,
        );
      }
      summaries.push(summary(type, halves.monitor, halves.raw));
    }
    if (profile) console.log(profile.report());
    for (const line of summaries) console.log(line);
    console.log(
      `boot ${BOOT_MS} ms, poll ${POLL_MS} ms, ${ROUNDS} rounds after ${WARMUP} warm-up; load average ${loadavg()
        .map((l) => l.toFixed(1))
        .join(' ')} on ${availableParallelism()} cores`,
    );
  } finally {
    ec2.close();
    await monitor.close();
    await clouds.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

/** Medians, p10-p90 spreads, the ratio of the medians (the aim's) and of the CPU medians. */
function summary(type: string, monitor: Half[], raw: Half[]): string {
  const stats = (xs: number[]) =>
    `median ${median(xs).toFixed(0)} ms (p10-p90 ${percentile(xs, 0.1).toFixed(0)}-${percentile(xs, 0.9).toFixed(0)})`;
  const ms = (h: Half[]) => h.map((x) => x.ms);
  const cpu = (h: Half[]) => h.map((x) => x.cpu);
  const ratio = median(ms(monitor)) / median(ms(raw));
  const cpuRatio = median(cpu(monitor)) / median(cpu(raw));
  const lessBoot = (h: Half[]) => h.map((x) => x.ms - x.agentBootMs);
  const bootShare = median([...monitor, ...raw].map((x) => x.agentBootMs));
  return [
    `${type}: LaunchServer ${stats(ms(monitor))}, cpu ${stats(cpu(monitor))}`,
    `${' '.repeat(type.length)}  raw calls    ${stats(ms(raw))}, cpu ${stats(cpu(raw))}`,
    `${' '.repeat(type.length)}  provider calls per launch (median): LaunchServer ${median(monitor.map((h) => h.calls))}, raw ${median(raw.map((h) => h.calls))}; Monitor's own time ${(median(ms(monitor)) - median(ms(raw))).toFixed(0)} ms`,
    `${' '.repeat(type.length)}  ratio of medians ${ratio.toFixed(2)} (aim: under ${AIM}${ratio < AIM ? ', met' : ', NOT met'}), of CPU medians ${cpuRatio.toFixed(2)}`,
    `${' '.repeat(type.length)}  the agent's start (in its own process): median ${bootShare.toFixed(0)} ms of each half; without it, the ratio of medians is ${(median(lessBoot(monitor)) / median(lessBoot(raw))).toFixed(2)}`,
  ].join('\n');
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
