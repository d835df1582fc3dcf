import { freePort } from '@monitor/testing';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { peripheryConfig, startPeriphery, type PeripheryApp } from '../../apps/periphery/src';
import { MONITOR_VERSION } from '../../apps/gateway/src/version';
import { CapturingLogger } from '../support/capturing-logger';
import { startEmbedded, LOCAL_AGENT_ENV, type EmbeddedMonitor } from '../support/embedded';
import { eventually } from '../support/eventually';

/** So long that only the polls at start and on a change can be what a test sees. */
const NO_ROUND_DURING_TEST = { MONITOR_MONITORING_INTERVAL_MS: '600000' };
const WITH_LOCAL_AGENT = {
  ...LOCAL_AGENT_ENV,
  MONITOR_MONITORING_ENABLED: 'true',
  MONITOR_MONITORING_TIMEOUT_MS: '3000',
  ...NO_ROUND_DURING_TEST,
};

type ServerItem = { name: string; info: { state: string } };

async function localServerAsSeen(monitor: EmbeddedMonitor) {
  const [state, list, summary] = await Promise.all([
    monitor.admin.read<{ status: string }>('GetServerState', { server: 'local' }),
    monitor.admin.read<ServerItem[]>('ListServers', {}),
    monitor.admin.read<Record<string, number>>('GetServersSummary', {}),
  ]);
  return { state: state.status, listed: list.find((s) => s.name === 'local')?.info.state, summary };
}

describe('first minutes: the local server is polled before anyone asks', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'monitor-first-minutes-'));
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it('is Ok right after the first start, and right after a restart on a new port', async () => {
    for (const start of ['first', 'restart']) {
      const monitor = await startEmbedded(WITH_LOCAL_AGENT, dataDir);
      try {
        const seen = await localServerAsSeen(monitor);
        expect({ start, ...seen }).toEqual({
          start,
          state: 'Ok',
          listed: 'Ok',
          summary: { total: 1, healthy: 1, warning: 0, unhealthy: 0, disabled: 0 },
        });
      } finally {
        await monitor.stop();
      }
    }
  }, 60_000);
});

describe('first minutes: a server is polled as soon as it is created or moved', () => {
  let monitor: EmbeddedMonitor;
  let agent: PeripheryApp;

  beforeAll(async () => {
    agent = await startPeriphery(
      peripheryConfig({
        port: await freePort(),
        bind_ip: '127.0.0.1',
        passkeys: ['first-minutes-passkey'],
        root_directory: mkdtempSync(join(tmpdir(), 'monitor-first-minutes-agent-')),
      }),
      { logger: false },
    );
    monitor = await startEmbedded({
      MONITOR_MONITORING_ENABLED: 'true',
      MONITOR_MONITORING_TIMEOUT_MS: '3000',
      ...NO_ROUND_DURING_TEST,
    });
  }, 60_000);

  afterAll(async () => {
    await monitor?.destroy();
    await agent?.close();
  });

  const stateOf = async (server: string) =>
    (await monitor.admin.read<{ status: string; reason: string }>('GetServerState', { server }))
      .status;

  it('is Ok within a poll round trip of its creation, without waiting for the interval', async () => {
    await monitor.admin.write('CreateServer', {
      name: 'fresh',
      config: { address: agent.url, passkey: 'first-minutes-passkey', enabled: true },
    });
    await eventually(async () => expect(await stateOf('fresh')).toBe('Ok'), 5_000);
  });

  it('is polled again at once when its address changes', async () => {
    const closed = `http://127.0.0.1:${await freePort()}`;
    await monitor.admin.write('UpdateServer', { id: 'fresh', config: { address: closed } });
    await eventually(async () => expect(await stateOf('fresh')).toBe('NotOk'), 5_000);
    await monitor.admin.write('UpdateServer', { id: 'fresh', config: { address: agent.url } });
    await eventually(async () => expect(await stateOf('fresh')).toBe('Ok'), 5_000);
  });

  it('is Disabled at once when disabled, without a poll, and counts as disabled', async () => {
    await monitor.admin.write('CreateServer', {
      name: 'off',
      config: { address: agent.url, enabled: false },
    });
    expect(await stateOf('off')).toBe('Disabled');
    const summary = await monitor.admin.read<Record<string, number>>('GetServersSummary', {});
    expect(summary).toEqual({ total: 2, healthy: 1, warning: 0, unhealthy: 0, disabled: 1 });
  });
});

describe('first minutes: start-up logs a person reads', () => {
  const startWith = async (env: Record<string, string>) => {
    const logger = new CapturingLogger();
    const monitor = await startEmbedded({ ...WITH_LOCAL_AGENT, ...env }, undefined, logger);
    await monitor.destroy();
    return { lines: logger.lines, url: monitor.url, dataDir: resolve(monitor.dataDir) };
  };
  const NEST_WIRING = /RoutesResolver|RouterExplorer|InstanceLoader/;

  it('at the default level: version and URL, data folder and event store, the local agent', async () => {
    const { lines, url, dataDir } = await startWith({});
    expect(lines).toEqual(
      expect.arrayContaining([
        `log Monitor ${MONITOR_VERSION} is listening on ${url} Monitor`,
        `log data folder ${dataDir}, event store sqlite Monitor`,
        expect.stringMatching(
          /^log local agent on http:\/\/127\.0\.0\.1:\d+, Server 'local' Ok Monitor$/,
        ),
      ]),
    );
    expect(lines.filter((line) => NEST_WIRING.test(line))).toEqual([]);
    expect(lines.filter((line) => line.startsWith('log ')).length).toBeLessThanOrEqual(6);
  }, 60_000);

  it('at debug: also every module Nest loads and route it maps', async () => {
    const { lines } = await startWith({ MONITOR_LOG_LEVEL: 'debug' });
    expect(lines).toEqual(
      expect.arrayContaining([
        'debug Mapped {/user, GET} route RouterExplorer',
        'debug GatewayModule dependencies initialized InstanceLoader',
      ]),
    );
  }, 60_000);
});
