import type { Types } from 'komodo_client';
import { defaultServerConfig, serverStatusStream, type DomainEvent } from '@monitor/domain';
import { ReadModelFeed, type Same } from '../../testing/read-model-feed';
import { serverListInfo, type ServerListInfo } from './server-list-info';

function readModelWith(server: { id: string; config: object }, status?: DomainEvent) {
  const feed = new ReadModelFeed().create('Server', server.id, {
    ...defaultServerConfig(),
    ...server.config,
  });
  if (status) feed.apply(serverStatusStream(server.id), status);
  const resource = feed.readModel.resource('Server', server.id);
  if (!resource) throw new Error('no server');
  return { readModel: feed.readModel, resource };
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
