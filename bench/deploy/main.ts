import 'reflect-metadata';
import { loadConfig } from '@monitor/config';
import { ensureBusyboxImage, pushBusyboxImage, startTestRegistry } from '@monitor/testing';
import Dockerode from 'dockerode';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startMonitor } from '../../apps/monitor/src/monitor-app';
import { withDistributed } from '../support/distributed';
import { UpdateWatcher } from './update-watcher';
import { signUp } from '../support/sign-up';
import { median } from '../support/percentiles';

/**
 * `npm run bench:deploy`: time from `Deploy` to its Update's completion as `/ws/update` tells it
 * (embedded Monitor with its local agent; distributed gateway, deployer and agent processes on
 * NATS), beside raw dockerode remove + create + start of the same container in the same run, as
 * a ratio. `DEPLOY_RUNS` runs each (default 20).
 */
const RUNS = Number(process.env.DEPLOY_RUNS ?? 20);
const docker = new Dockerode({ socketPath: '/var/run/docker.sock' });

async function main(): Promise<void> {
  const registry = await startTestRegistry();
  const dataDir = mkdtempSync(join(tmpdir(), 'bench-deploy-'));
  const image = await pushBusyboxImage(docker, registry.address, 'bench-app', '1');
  const config = loadConfig({
    MONITOR_HOST: '127.0.0.1',
    MONITOR_PORT: '0',
    MONITOR_DATA_DIR: dataDir,
    MONITOR_LOCAL_AGENT_PORT: '0',
    MONITOR_MONITORING_ENABLED: 'false',
  });
  const monitor = await startMonitor(config, { logger: false });
  try {
    // Raw runs before and after ours, pooled: the engine slows as a run goes on.
    const rawBefore = await rawRuns(image);
    const embedded = await measureDeploys(monitor.url, 'local', image, await signUp(monitor.url));
    const distributed = await withDistributed(({ url, server, jwt }) =>
      measureDeploys(url, server, image, jwt),
    );
    const raw = [...rawBefore, ...(await rawRuns(image))];
    const r = median(raw);
    console.log(
      `raw dockerode remove+create+start (${raw.length} runs, before and after ours): median ${r.toFixed(1)} ms, p90 ${p90(raw).toFixed(1)} ms`,
    );
    for (const [mode, times] of [
      ['embedded', embedded],
      ['distributed', distributed],
    ] as const) {
      const m = median(times);
      console.log(
        `${mode}: Deploy to Update complete (${RUNS} runs): median ${m.toFixed(1)} ms, p90 ${p90(times).toFixed(1)} ms, ratio ${(m / r).toFixed(2)}`,
      );
    }
  } finally {
    await monitor.close();
    await registry.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

/** Deploys one deployment RUNS times through a gateway, timing each to its Update's completion. */
async function measureDeploys(
  url: string,
  server: string,
  image: string,
  jwt: string,
): Promise<number[]> {
  const call = (verb: string, request: string, params: object) =>
    fetch(`${url}/${verb}/${request}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: jwt },
      body: JSON.stringify(params),
    }).then((r) => r.json() as Promise<Record<string, unknown>>);
  const command = '/bin/sh -c "trap \'exit 0\' TERM; sleep 3600 & wait"';
  const name = `bench-${server}`;
  await call('write', 'CreateDeployment', {
    name,
    config: {
      server_id: server,
      image: { type: 'Image', params: { image } },
      command,
      network: 'none',
      termination_timeout: 1,
    },
  });
  const times: number[] = [];
  const watcher = await UpdateWatcher.open(url, jwt);
  for (let i = 0; i < RUNS + 1; i++) {
    const start = performance.now();
    const update = await call('execute', 'Deploy', { deployment: name });
    if (!update._id) throw new Error(`Deploy refused: ${JSON.stringify(update)}`);
    const id = (update._id as { $oid: string }).$oid;
    await watcher.complete(id);
    if (i > 0) times.push(performance.now() - start);
    const done = await call('read', 'GetUpdate', { id });
    if (!done.success) throw new Error(`Deploy failed: ${JSON.stringify(done.logs)}`);
  }
  watcher.close();
  await call('execute', 'DestroyDeployment', { deployment: name });
  return times;
}

/** What a deploy must do at the least: replace the container and start the new one. */
async function rawRuns(image: string): Promise<number[]> {
  await ensureBusyboxImage(docker);
  const times: number[] = [];
  const cmd = ['/bin/sh', '-c', "trap 'exit 0' TERM; sleep 3600 & wait"];
  for (let i = 0; i < RUNS + 1; i++) {
    const start = performance.now();
    await docker
      .getContainer('bench-raw')
      .remove({ force: true })
      .catch(() => undefined);
    const container = await docker.createContainer({
      name: 'bench-raw',
      Image: image,
      Cmd: cmd,
      HostConfig: { NetworkMode: 'none' },
    });
    await container.start();
    if (i > 0) times.push(performance.now() - start);
  }
  await docker.getContainer('bench-raw').remove({ force: true });
  return times;
}

const p90 = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length * 0.9)];

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
