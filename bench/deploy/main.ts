import 'reflect-metadata';
import { loadConfig } from '@monitor/config';
import { ensureBusyboxImage, pushBusyboxImage, startTestRegistry } from '@monitor/testing';
import Dockerode from 'dockerode';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startMonitor } from '../../apps/monitor/src/monitor-app';

/**
 * `npm run bench:deploy`: time from `Deploy` to its Update's completion (embedded Monitor, local
 * agent, real Docker), beside raw dockerode remove + create + start of the same container in the
 * same run, as a ratio. `DEPLOY_RUNS` runs each (default 20).
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
    const jwt = await signUp(monitor.url);
    const call = (verb: string, request: string, params: object) =>
      fetch(`${monitor.url}/${verb}/${request}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: jwt },
        body: JSON.stringify(params),
      }).then((r) => r.json() as Promise<Record<string, unknown>>);
    const command = '/bin/sh -c "trap \'exit 0\' TERM; sleep 3600 & wait"';
    await call('write', 'CreateDeployment', {
      name: 'bench-ours',
      config: {
        server_id: 'local',
        image: { type: 'Image', params: { image } },
        command,
        network: 'none',
        termination_timeout: 1,
      },
    });
    const ours: number[] = [];
    for (let i = 0; i < RUNS + 1; i++) {
      const start = performance.now();
      const update = await call('execute', 'Deploy', { deployment: 'bench-ours' });
      if (!update._id) throw new Error(`Deploy refused: ${JSON.stringify(update)}`);
      const id = (update._id as { $oid: string }).$oid;
      for (;;) {
        const current = await call('read', 'GetUpdate', { id });
        if (current.status === 'Complete') {
          if (!current.success) throw new Error(`Deploy failed: ${JSON.stringify(current.logs)}`);
          if (process.env.DEPLOY_STAGES) {
            const logs = current.logs as { stage: string; start_ts: number; end_ts: number }[];
            console.log(
              logs.map((l) => `${l.stage} ${l.end_ts - l.start_ts}ms`).join(', '),
              `total ${Date.now() - (current.start_ts as number)}ms`,
            );
          }
          break;
        }
        await new Promise((r) => setTimeout(r, 2));
      }
      if (i > 0) ours.push(performance.now() - start);
    }
    await call('execute', 'DestroyDeployment', { deployment: 'bench-ours' });
    const raw = await rawRuns(image);
    const m = median(ours);
    const r = median(raw);
    console.log(
      `Deploy to Update complete (embedded, ${RUNS} runs): median ${m.toFixed(1)} ms, p90 ${p90(ours).toFixed(1)} ms`,
    );
    console.log(
      `raw dockerode remove+create+start (${RUNS} runs): median ${r.toFixed(1)} ms, p90 ${p90(raw).toFixed(1)} ms`,
    );
    console.log(`ratio (median): ${(m / r).toFixed(2)}`);
  } finally {
    await monitor.close();
    await registry.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
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

async function signUp(url: string): Promise<string> {
  const response = await fetch(`${url}/auth/login/SignUpLocalUser`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: 'benchmarker', password: 'a long secret passphrase' }),
  });
  const body = (await response.json()) as { jwt?: string };
  if (!body.jwt) throw new Error(`sign-up refused: ${JSON.stringify(body)}`);
  return body.jwt;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const p90 = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length * 0.9)];

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
