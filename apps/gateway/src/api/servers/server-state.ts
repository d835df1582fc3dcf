import { unknownServerStatus, type Resource, type ServerStatus } from '@monitor/domain';
import type { ReadModel } from '@monitor/projections';

/**
 * A server's state as answered: Disabled from its config (known without a poll), else what the
 * last poll recorded. Before its first poll Komodo's states have no "unknown": it is NotOk with
 * the reason "not polled yet", as Komodo's default state is; Monitor polls a server as soon as
 * it is created or changed and at start, so this lasts one poll's round trip. `polled` says
 * which it is (summaries count a server not polled yet as neither healthy nor unhealthy).
 */
export function serverState(
  readModel: ReadModel,
  server: Resource<'Server'>,
): ServerStatus & { polled: boolean } {
  const status = readModel.serverStatus.status(server.id);
  if (!server.config.enabled) {
    return { state: 'Disabled', reason: '', version: status?.version ?? '', polled: true };
  }
  return { ...(status ?? unknownServerStatus()), polled: Boolean(status) };
}
