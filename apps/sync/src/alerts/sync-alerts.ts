import { createHash } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import {
  alertDecider,
  alertStream,
  type Alert,
  type AlertCommand,
  type AlertData,
  type AlertState,
  type AlertTarget,
  type OpenLevel,
} from '@monitor/domain';
import type { EventStore } from '@monitor/eventstore';
import type { ReadModel } from '@monitor/projections';
import { handleCommand, systemMeta } from '@monitor/resources';
import { EVENT_STORE, READ_MODEL } from '@monitor/runtime';

/**
 * 24 hex digits (Komodo's alert ids) derived from what names the alert (a sync's pending period,
 * a held plan): replicas that decide the same alert name the same stream, and one opens it.
 */
export function derivedAlertId(key: string): string {
  return createHash('sha256').update(key).digest('hex').slice(0, 24);
}

/** Opening an alert that exists, or resolving one not open, changes nothing. */
const onceDecider = {
  ...alertDecider,
  decide: (state: AlertState, command: AlertCommand) => {
    if (command.type === 'Open' && state.status !== 'Empty') return [];
    if (command.type === 'Resolve' && state.status !== 'Open') return [];
    return alertDecider.decide(state, command);
  },
};

/** The sync service's alerts (`alert-<id>`), written as the system, each change once. */
@Injectable()
export class SyncAlerts {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(READ_MODEL) private readonly readModel: ReadModel,
  ) {}

  async open(
    id: string,
    alert: { target: AlertTarget; data: AlertData },
    ts: number,
    level: OpenLevel = 'WARNING',
  ): Promise<void> {
    const command = { type: 'Open' as const, id, level, ...alert, ts };
    await handleCommand(this.store, alertStream(id), onceDecider, command, systemMeta());
  }

  async resolve(id: string, ts: number): Promise<void> {
    const command = { type: 'Resolve' as const, ts };
    await handleCommand(this.store, alertStream(id), onceDecider, command, systemMeta());
  }

  /** The sync's open alerts of `type`, as the read model knows them. */
  openOf(syncId: string, type: AlertData['type']): Alert[] {
    return this.readModel.alerts
      .openFor('ResourceSync', syncId)
      .filter((a) => a.data.type === type);
  }
}
