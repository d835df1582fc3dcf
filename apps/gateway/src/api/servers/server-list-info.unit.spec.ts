import type { Types } from 'komodo_client';
import {
  defaultServerConfig,
  resourceEvent,
  resourceStream,
  serverStatusStream,
  type DomainEvent,
} from '@monitor/domain';
import { ReadModel } from '@monitor/projections';
import { serverListInfo, type ServerListInfo } from './server-list-info';

/** True when A and B are the same type (neither wider). */
type Same<A, B> =
  (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false;

function readModelWith(server: { id: string; config: object }, status?: DomainEvent) {
  const readModel = new ReadModel();
  let position = 0;
  const apply = (stream: string, revision: number, event: DomainEvent) =>
    readModel.apply({
      ...event,
      id: `event-${++position}`,
      stream,
      revision,
      position,
      schemaVersion: 1,
      metadata: { userId: 'admin', via: 'api', correlationId: 'c', causationId: 'c', at: 1 },
    });
  const config = { ...defaultServerConfig(), ...server.config };
  apply(
    resourceStream('Server', server.id),
    0,
    resourceEvent('Server', 'Created', {
      id: server.id,
      name: server.id,
      description: '',
      tags: [],
      config,
    }),
  );
  if (status) apply(serverStatusStream(server.id), 0, status);
  const resource = readModel.resource('Server', server.id);
  if (!resource) throw new Error('no server');
  return { readModel, resource };
}

describe("ListServers' info", () => {
  it("has exactly Komodo's ServerListItemInfo fields and Monitor's `reason`, each of Komodo's type", () => {
    const keys: Same<keyof ServerListInfo, keyof Types.ServerListItemInfo | 'reason'> = true;
    expect(keys).toBe(true);
    const { readModel, resource } = readModelWith({ id: 's1', config: { enabled: true } });
    const { state, ...rest } = serverListInfo(readModel, resource);
    const komodo: Omit<Types.ServerListItemInfo, 'state'> = rest;
    const states: `${Types.ServerState}`[] = ['Ok', 'NotOk', 'Disabled'];
    expect(states).toContain(state);
    expect(komodo.terminals_disabled).toBe(true);
  });

  it('says what polling saw and what the config sets, addresses only when set', () => {
    const { readModel, resource } = readModelWith(
      { id: 's1', config: { enabled: true, address: 'https://10.0.0.2:8120', cpu_warning: 80 } },
      {
        type: 'ServerStatusChanged',
        data: { state: 'NotOk', reason: 'connection refused', version: '' },
      },
    );
    expect(serverListInfo(readModel, resource)).toEqual({
      state: 'NotOk',
      reason: 'connection refused',
      err: { error: 'connection refused', trace: [] },
      alerting_thresholds: {
        cpu_warning: 80,
        cpu_critical: 99,
        mem_warning: 75,
        mem_critical: 95,
        disk_warning: 75,
        disk_critical: 95,
      },
      region: '',
      address: 'https://10.0.0.2:8120',
      send_unreachable_alerts: true,
      send_cpu_alerts: true,
      send_mem_alerts: true,
      send_disk_alerts: true,
      send_version_mismatch_alerts: true,
      terminals_disabled: true,
      container_terminals_disabled: true,
    });
  });

  it('answers an Ok server with its agent version and no error', () => {
    const { readModel, resource } = readModelWith(
      { id: 's2', config: { enabled: true } },
      { type: 'ServerStatusChanged', data: { state: 'Ok', reason: '', version: '2.3.2' } },
    );
    const info = serverListInfo(readModel, resource);
    expect(info).toMatchObject({ state: 'Ok', reason: '', version: '2.3.2' });
    expect(info).not.toHaveProperty('err');
    expect(info).not.toHaveProperty('address');
  });
});
