import { evolveAlert, type Alert } from '@monitor/domain';
import type { StoredEvent } from '@monitor/eventstore';

/** Every alert, open and resolved: `ListAlerts`, and what evaluators compare against. */
export class AlertsModel {
  private readonly alerts = new Map<string, Alert>();
  private readonly listeners = new Set<(alert: Alert) => void>();

  readonly categories = ['alert'];

  apply(event: StoredEvent): void {
    const id = event.stream.slice('alert-'.length);
    const current = this.alerts.get(id);
    const before = current
      ? { status: current.resolved ? ('Resolved' as const) : ('Open' as const), alert: current }
      : { status: 'Empty' as const };
    const state = evolveAlert(before, event);
    if (state.status === 'Empty') return;
    this.alerts.set(id, state.alert);
    for (const listener of this.listeners) listener(state.alert);
  }

  /** Calls the listener with each alert opened, changed or resolved from now on. */
  onChange(listener: (alert: Alert) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  alert(id: string): Alert | undefined {
    return this.alerts.get(id);
  }

  /** Newest first: ties in reverse log order (ids are random; the sort is stable). */
  list(filter: (alert: Alert) => boolean = () => true): Alert[] {
    return [...this.alerts.values()]
      .reverse()
      .filter(filter)
      .sort((a, b) => b.ts - a.ts);
  }

  openFor(targetType: string, targetId: string): Alert[] {
    return this.list(
      (a) => !a.resolved && a.target.type === targetType && a.target.id === targetId,
    );
  }
}
