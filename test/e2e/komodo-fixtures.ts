import { alertStream } from '@monitor/domain';
import { newId } from '@monitor/resources';
import type { EmbeddedMonitor } from '../support/embedded';

/** Opens an alert about a Server, as polling would; answers its id once it is read. */
export async function openAlert(monitor: EmbeddedMonitor, server: string): Promise<string> {
  const id = newId();
  const at = Date.now();
  const serverId = monitor.runtime.readModel.resource('Server', server)!.id;
  const target = { type: 'Server', id: serverId };
  const data = { type: 'ServerUnreachable', data: { id: serverId, name: server } };
  const { position } = await monitor.runtime.store.append(
    alertStream(id),
    [
      {
        id: newId(),
        type: 'AlertOpened',
        data: { id, type: data.type, level: 'CRITICAL', target, data, ts: at },
        metadata: { userId: 'system', via: 'system', correlationId: 'c', causationId: 'c', at },
      },
    ],
    'no_stream',
  );
  await monitor.runtime.readModel.waitFor(position);
  return id;
}
