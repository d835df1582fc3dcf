import { alertDecider, alertStream, type AlertData, type AlertTarget } from '@monitor/domain';
import type { EventStore } from '@monitor/eventstore';
import type { ReadModel } from '@monitor/projections';
import { newId } from './ids';
import { systemMeta } from './command-meta';
import { handleCommand } from './stream-handler';

/** An alert the system opens on what it saw (not raised by a user): its stream, then the read model. */
export async function openSystemAlert(
  store: EventStore,
  readModel: ReadModel,
  alert: { level: string; target: AlertTarget; data: AlertData },
): Promise<string> {
  const id = newId();
  const command = { type: 'Open' as const, id, ...alert, ts: Date.now() };
  const { position } = await handleCommand(
    store,
    alertStream(id),
    alertDecider,
    command,
    systemMeta(),
  );
  await readModel.waitFor(position);
  return id;
}

/** Resolves an alert the system opened, once the read model has it resolved. */
export async function resolveSystemAlert(
  store: EventStore,
  readModel: ReadModel,
  alertId: string,
): Promise<void> {
  const { position } = await handleCommand(
    store,
    alertStream(alertId),
    alertDecider,
    { type: 'Resolve' as const, ts: Date.now() },
    systemMeta(),
  );
  await readModel.waitFor(position);
}
