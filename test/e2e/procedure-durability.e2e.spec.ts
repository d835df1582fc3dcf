import Dockerode from 'dockerode';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildVariantImage } from '@monitor/testing';
import { startEmbedded, LOCAL_AGENT_ENV, type EmbeddedMonitor } from '../support/embedded';
import { creations } from '../support/docker-events';
import { eventually } from '../support/eventually';
import { removeContainers } from '../support/leftovers';
import { completed, type UpdateView as Update } from '../support/updates';

describe('a procedure run survives its monitor stopping mid-stage (embedded, same store)', () => {
  const docker = new Dockerode({ socketPath: '/var/run/docker.sock' });
  const suffix = `${process.pid}`;
  const image = `localhost/monitor-procedure-durable-${suffix}:1`;
  const web = `proc-durable-web-${suffix}`;
  const dataDir = mkdtempSync(join(tmpdir(), 'monitor-procedure-durable-'));
  const env = { ...LOCAL_AGENT_ENV, MONITOR_PROCEDURES_LEASE_MS: '1000' };
  let monitor: EmbeddedMonitor | undefined;

  const start = async (extra: Record<string, string> = {}) => {
    monitor = await startEmbedded({ ...env, ...extra }, dataDir);
    return monitor;
  };
  const stop = async () => {
    await monitor?.stop();
    monitor = undefined;
  };
  /** Runs the procedure, and stops the monitor once its Deploy has completed, mid-Sleep. */
  const runAndStopMidStage = async (procedure: string) => {
    const m = await start();
    const run = await m.admin.execute<Update>('RunProcedure', { procedure });
    await eventually(async () => {
      const deploys = await m.admin.read<{ updates: Update[] }>('ListUpdates', {
        query: { operation: 'Deploy' },
      });
      expect(deploys.updates.some((u) => u.status === 'Complete' && u.success)).toBe(true);
    }, 60_000);
    await stop();
    return run;
  };

  beforeAll(async () => {
    await buildVariantImage(docker, image, `durable-${suffix}`);
    const m = await start();
    await m.admin.write('CreateDeployment', {
      name: web,
      config: {
        server_id: 'local',
        image: { type: 'Image', params: { image } },
        command: `/bin/sh -c "trap 'exit 0' TERM; sleep 3600 & wait"`,
        network: 'none',
        termination_timeout: 1,
      },
    });
    await m.admin.write('CreateProcedure', {
      name: `durable-${suffix}`,
      config: {
        stages: [
          {
            name: 'ship',
            enabled: true,
            executions: [
              { execution: { type: 'Deploy', params: { deployment: web } }, enabled: true },
              { execution: { type: 'Sleep', params: { duration_ms: 4000 } }, enabled: true },
            ],
          },
          {
            name: 'after',
            enabled: true,
            executions: [{ execution: { type: 'None', params: {} }, enabled: true }],
          },
        ],
      },
    });
    await stop();
  }, 120_000);

  afterAll(async () => {
    await stop();
    await removeContainers(docker, web);
    await docker
      .getImage(image)
      .remove()
      .catch(() => undefined);
    rmSync(dataDir, { recursive: true, force: true });
  }, 60_000);

  it('resumes where it stood: the Deploy is not run again, the run completes', async () => {
    const since = Math.floor(Date.now() / 1000) - 1;
    const run = await runAndStopMidStage(`durable-${suffix}`);
    const m = await start();
    const done = await completed(m.admin, run, 60_000);
    expect(done.success).toBe(true);
    // Each execution told once, though the Deploy ended before the stop and the Sleep after.
    expect(done.logs.filter((l) => !l.success)).toEqual([]);
    expect(done.logs.map((l) => l.stage).sort()).toEqual([
      `Stage 1 'ship', execution 1: Deploy`,
      `Stage 1 'ship', execution 2: Sleep`,
      `Stage 2 'after', execution 1: None`,
    ]);
    const deploys = await m.admin.read<{ updates: Update[] }>('ListUpdates', {
      query: { operation: 'Deploy' },
    });
    expect(deploys.updates).toHaveLength(1);
    expect(await creations(docker, web, since)).toBe(1);
    await stop();
  }, 180_000);

  it('past the resume window, the run ends interrupted, saying where', async () => {
    const run = await runAndStopMidStage(`durable-${suffix}`);
    // The lease (1 s) runs out, then the window (500 ms) passes with nobody driving the run.
    await new Promise((resolve) => setTimeout(resolve, 2500));
    const m = await start({ MONITOR_PROCEDURES_RESUME_WINDOW_MS: '500' });
    const done = await completed(m.admin, run, 30_000);
    expect(done.success).toBe(false);
    expect(done.logs.at(-1)).toMatchObject({ stage: 'interrupted', success: false });
    expect(done.logs.at(-1)?.stderr).toContain(
      "interrupted at stage 'ship' (1), execution 2 (Sleep)",
    );
    const unfinished = await m.admin.read<{ updates: Update[] }>('ListUpdates', {});
    expect(unfinished.updates.filter((u) => u.status !== 'Complete')).toEqual([]);
  }, 180_000);
});
