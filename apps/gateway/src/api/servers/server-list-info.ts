import type { Types } from 'komodo_client';
import type { Resource } from '@monitor/domain';
import type { ReadModel } from '@monitor/projections';
import { serverState } from './server-state';

/**
 * Komodo's ServerListItemInfo as Monitor answers it, field for field (its ServerState enum as
 * the enum's values), and Monitor's one extra, `reason`: why the server is NotOk, in words.
 */
export type ServerListInfo = Omit<Types.ServerListItemInfo, 'state'> & {
  state: `${Types.ServerState}`;
  reason: string;
};

/**
 * A server's list `info`, as Komodo's core makes it: the state polling last saw, the config's
 * alerting fields, addresses only when set. Monitor's agent has no terminals, so they are
 * disabled (as Komodo answers for an agent it knows nothing of); the optional fields Monitor
 * does not know (stats, core counts, public ip and keys) are left out.
 */
export function serverListInfo(readModel: ReadModel, server: Resource<'Server'>): ServerListInfo {
  const { config } = server;
  const { state, reason, version } = serverState(readModel, server);
  return {
    state,
    reason,
    ...(state === 'NotOk' && reason ? { err: { error: reason, trace: [] } } : {}),
    alerting_thresholds: {
      cpu_warning: config.cpu_warning,
      cpu_critical: config.cpu_critical,
      mem_warning: config.mem_warning,
      mem_critical: config.mem_critical,
      disk_warning: config.disk_warning,
      disk_critical: config.disk_critical,
    },
    region: config.region,
    ...(config.address ? { address: config.address } : {}),
    ...(config.external_address ? { external_address: config.external_address } : {}),
    send_unreachable_alerts: config.send_unreachable_alerts,
    send_cpu_alerts: config.send_cpu_alerts,
    send_mem_alerts: config.send_mem_alerts,
    send_disk_alerts: config.send_disk_alerts,
    send_version_mismatch_alerts: config.send_version_mismatch_alerts,
    ...(version ? { version } : {}),
    terminals_disabled: true,
    container_terminals_disabled: true,
  };
}
