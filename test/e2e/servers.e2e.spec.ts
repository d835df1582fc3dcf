import Dockerode from 'dockerode';
import {
  BUSYBOX_TEST_IMAGE,
  copyImage,
  ensureBusyboxImage,
  freePort,
  removeContainers,
  startPrivateDockerEngine,
  startTestContainer,
} from '@monitor/testing';
import { peripheryConfig, startPeriphery, type PeripheryApp } from '../../apps/periphery/src';
import { CapturingLogger } from '../support/capturing-logger';
import { startEmbedded, LOCAL_AGENT_ENV, type EmbeddedMonitor } from '../support/embedded';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { eventually } from '../support/eventually';

const INTERVAL = 400;
const RUN = { 'monitor-test-run': `servers-${process.pid}` };

/** Polls until the check passes or the time is up (then the last failure is thrown). */

describe('servers: agents polled for state, stats and alerts', () => {
  const docker = new Dockerode({ socketPath: '/var/run/docker.sock' });
  let monitor: EmbeddedMonitor;
  let remote: PeripheryApp | undefined;
  let remotePort: number;
  const remoteLogger = new CapturingLogger();
  const startRemote = () =>
    startPeriphery(
      peripheryConfig({
        port: remotePort,
        bind_ip: '127.0.0.1',
        passkeys: ['remote-passkey-1'],
        root_directory: mkdtempSync(join(tmpdir(), 'monitor-remote-agent-')),
        stats_polling_rate_ms: 200,
      }),
      { logger: remoteLogger },
    );

  beforeAll(async () => {
    await ensureBusyboxImage(docker);
    await startTestContainer(docker, {
      name: `monitor-e2e-logger-${process.pid}`,
      cmd: ['/bin/busybox', 'sh', '-c', 'echo hello-from-container; echo trouble >&2; sleep 3600'],
      labels: RUN,
    });
    remotePort = await freePort();
    remote = await startRemote();
    monitor = await startEmbedded({
      ...LOCAL_AGENT_ENV,
      MONITOR_MONITORING_ENABLED: 'true',
      MONITOR_MONITORING_INTERVAL_MS: String(INTERVAL),
      MONITOR_MONITORING_TIMEOUT_MS: '300',
    });
  }, 60_000);

  afterAll(async () => {
    await monitor?.destroy();
    await remote?.close();
    await removeContainers(docker, RUN);
  });

  it('registers the local agent as Server local, and sees it Ok with stats', async () => {
    const state = await eventually(async () => {
      const answer = await monitor.admin.read<{ status: string }>('GetServerState', {
        server: 'local',
      });
      expect(answer.status).toBe('Ok');
      return answer;
    });
    expect(state.status).toBe('Ok');
    const stats = await monitor.admin.read<{
      cpu_perc: number;
      mem_total_gb: number;
      disks: unknown[];
    }>('GetSystemStats', { server: 'local' });
    expect(stats.mem_total_gb).toBeGreaterThan(0);
    expect(stats.cpu_perc).toBeGreaterThanOrEqual(0);
    expect(stats.cpu_perc).toBeLessThanOrEqual(100);
    const info = await monitor.admin.read<{ logical_core_count: number }>('GetSystemInformation', {
      server: 'local',
    });
    expect(info.logical_core_count).toBeGreaterThan(0);
    const list =
      await monitor.admin.read<{ name: string; info: { state: string } }[]>('ListServers');
    expect(list.find((s) => s.name === 'local')?.info.state).toBe('Ok');
    const history = await eventually(async () => {
      const page = await monitor.admin.read<{ stats: { sid: string }[] }>(
        'GetHistoricalServerStats',
        { server: 'local', granularity: '15-sec' },
      );
      expect(page.stats.length).toBeGreaterThan(0);
      return page;
    });
    expect(history.stats[0].sid).toBeDefined();
  });

  it('lists containers and reads their logs through the agent', async () => {
    const name = `monitor-e2e-logger-${process.pid}`;
    const containers = await monitor.admin.read<
      { name: string; state: string; server_name: string }[]
    >('ListDockerContainers', { server: 'local' });
    expect(containers.find((c) => c.name === name)).toMatchObject({
      state: 'running',
      server_name: 'local',
    });
    const log = await eventually(async () => {
      const l = await monitor.admin.read<{ stdout: string; stderr: string }>('GetContainerLog', {
        server: 'local',
        container: name,
        tail: 10,
      });
      expect(l.stdout).toContain('hello-from-container');
      return l;
    });
    expect(log.stderr).toContain('trouble');
    const found = await monitor.admin.read<{ stdout: string }>('SearchContainerLog', {
      server: 'local',
      container: name,
      terms: ['hello'],
    });
    expect(found.stdout).toContain('hello-from-container');
    const missing = await monitor.admin.call<{ error: string }>('read', 'GetContainerLog', {
      server: 'local',
      container: 'x; rm -rf /',
      tail: 5,
    });
    expect(missing.status).toBe(404);
  });

  it('prunes as an execution that answers an Update at once', async () => {
    // A prune without filters takes every stopped container of its engine: this one is private.
    const engine = await startPrivateDockerEngine();
    const agentPort = await freePort();
    const agent = await startPeriphery(
      peripheryConfig({
        port: agentPort,
        bind_ip: '127.0.0.1',
        passkeys: ['prune-passkey'],
        root_directory: mkdtempSync(join(tmpdir(), 'monitor-prune-agent-')),
        docker_socket: engine.socketPath,
      }),
      { logger: new CapturingLogger() },
    );
    try {
      await copyImage(docker, engine.docker, BUSYBOX_TEST_IMAGE);
      const stopped = await engine.docker.createContainer({ Image: BUSYBOX_TEST_IMAGE });
      await monitor.admin.write('CreateServer', {
        name: 'private-engine',
        config: { address: agent.url, passkey: 'prune-passkey', enabled: true },
      });
      const update = await monitor.admin.execute<{ _id: { $oid: string }; operation: string }>(
        'PruneContainers',
        { server: 'private-engine' },
      );
      expect(update.operation).toBe('PruneContainers');
      const done = await eventually(async () => {
        const u = await monitor.admin.read<{
          status: string;
          success: boolean;
          logs: { stage: string; stdout: string }[];
        }>('GetUpdate', { id: update._id.$oid });
        expect(u.status).toBe('Complete');
        return u;
      });
      expect(done.success).toBe(true);
      expect(done.logs[0].stage).toBe('prune containers');
      expect(done.logs[0].stdout).toContain(stopped.id);
      expect(await engine.docker.listContainers({ all: true })).toEqual([]);
    } finally {
      await agent.close();
      await engine.stop();
    }
  }, 60_000);

  it('says NotOk with the reason for a wrong passkey, and the agent logs no passkey', async () => {
    await monitor.admin.write('CreateServer', {
      name: 'wrong-key',
      config: { address: remote!.url, passkey: 'not-the-passkey', enabled: true },
    });
    const state = await eventually(async () => {
      const answer = await monitor.admin.read<{ status: string; reason: string }>(
        'GetServerState',
        { server: 'wrong-key' },
      );
      expect(answer.reason).toContain('refused the passkey');
      return answer;
    });
    expect(state.status).toBe('NotOk');
    const logs = remoteLogger.lines.join('\n');
    expect(logs).toMatch(/passkey/i);
    expect(logs).not.toContain('not-the-passkey');
    expect(logs).not.toContain('remote-passkey-1');
  });

  it('goes NotOk and opens an unreachable alert when the agent stops, and resolves it when it is back', async () => {
    await monitor.admin.write('CreateServer', {
      name: 'remote',
      config: { address: remote!.url, passkey: 'remote-passkey-1', enabled: true },
    });
    await eventually(async () =>
      expect(
        (await monitor.admin.read<{ status: string }>('GetServerState', { server: 'remote' }))
          .status,
      ).toBe('Ok'),
    );
    const { _id } = await monitor.admin.read<{ _id: { $oid: string } }>('GetServer', {
      server: 'remote',
    });
    await remote!.close();
    remote = undefined;
    const stoppedAt = Date.now();
    await eventually(async () =>
      expect(
        (await monitor.admin.read<{ status: string }>('GetServerState', { server: 'remote' }))
          .status,
      ).toBe('NotOk'),
    );
    expect(Date.now() - stoppedAt).toBeLessThan(3 * INTERVAL + 1000);
    type Alerts = {
      alerts: {
        _id: { $oid: string };
        ts: number;
        resolved: boolean;
        data: { type: string };
        level: string;
      }[];
    };
    // The alerts the stop opened: a poll that timed out on a loaded machine before it may have
    // opened and resolved one of its own.
    const sinceStop = async () => {
      const { alerts } = await monitor.admin.read<Alerts>('ListAlerts', {
        query: { 'target.id': _id.$oid, 'data.type': 'ServerUnreachable' },
      });
      return alerts.filter((a) => a.ts >= stoppedAt);
    };
    const opened = await eventually(async () => {
      const alerts = await sinceStop();
      expect(alerts.map((a) => [a.data.type, a.resolved])).toEqual([['ServerUnreachable', false]]);
      return alerts[0];
    });
    expect(opened.level).toBe('CRITICAL');
    remote = await startRemote();
    await eventually(async () => {
      const alerts = await sinceStop();
      expect(alerts.map((a) => [a.data.type, a.resolved])).toEqual([['ServerUnreachable', true]]);
    });
    expect(
      (await monitor.admin.read<{ status: string }>('GetServerState', { server: 'remote' })).status,
    ).toBe('Ok');
  });
});
