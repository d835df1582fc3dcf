import { alertStream, evolveAlert, type Alert, type AlertState } from '@monitor/domain';
import type { EventStore, StoredEvent } from '@monitor/eventstore';

/** The alert as one of its events left it, and the alerters it is addressed to, if any. */
export interface AlertAt {
  alert: Alert;
  alerters?: string[];
  /** Whether a later event of the stream resolved it. */
  resolvedSince: boolean;
}

/** Folds the alert's stream up to `revision`; undefined when the stream holds no alert there. */
export function alertAt(events: readonly StoredEvent[], revision: number): AlertAt | undefined {
  let state: AlertState = { status: 'Empty' };
  for (const event of events) {
    if (event.revision > revision) break;
    state = evolveAlert(state, event);
  }
  if (state.status === 'Empty') return undefined;
  const first = events[0]?.data as { alerters?: string[] } | undefined;
  const resolvedSince =
    !state.alert.resolved &&
    events.some((e) => e.revision > revision && e.type === 'AlertResolved');
  return { alert: state.alert, alerters: first?.alerters, resolvedSince };
}

export async function readAlertAt(
  store: EventStore,
  alertId: string,
  revision: number,
): Promise<AlertAt | undefined> {
  return alertAt(await store.readStream(alertStream(alertId)), revision);
}
