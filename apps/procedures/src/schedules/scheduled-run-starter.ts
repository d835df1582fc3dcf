import { Inject, Injectable } from '@nestjs/common';
import { BusClient } from '@monitor/bus';
import {
  alertStream,
  decideAlert,
  scheduleRunAlert,
  type Resource,
  type ScheduledKind,
} from '@monitor/domain';
import { WrongExpectedRevisionError, type EventStore } from '@monitor/eventstore';
import { startExecution, updateStarted } from '@monitor/executions';
import type { ReadModel, UpdateRecord } from '@monitor/projections';
import { newId, toNewEvents, type CommandMeta } from '@monitor/resources';
import { EVENT_STORE, READ_MODEL } from '@monitor/runtime';

/** The execution that runs each scheduled kind, and the param naming the resource. */
const RUNS: Record<string, { execution: string; param: string }> = {
  Procedure: { execution: 'RunProcedure', param: 'procedure' },
  Action: { execution: 'RunAction', param: 'action' },
};

/** The run a claim names: its Update's id, and its ScheduleRun alert's when it tells one. */
export interface NamedRun {
  updateId: string;
  alertId?: string;
}

/**
 * Starts the run a claim names, as Komodo's schedule executor does: its `ScheduleRun` alert
 * first (when given an alert id), then the run itself, sent over the bus as the gateway sends it.
 * Both are created with expected `no_stream` under the claim's ids, so starting a claim's run
 * again (a replica taking over) tells and runs nothing twice. The run acts as the user who last
 * wrote the resource's config, with that user's rights (Komodo runs it as an admin, which would
 * let Execute on a procedure do anything).
 */
@Injectable()
export class ScheduledRunStarter {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(READ_MODEL) private readonly readModel: ReadModel,
    private readonly bus: BusClient,
  ) {}

  async start(resource: Resource<ScheduledKind>, run: NamedRun): Promise<UpdateRecord> {
    const meta: CommandMeta = {
      userId: resource.configWriter,
      via: 'system',
      correlationId: newId(),
      updateId: run.updateId,
    };
    if (run.alertId) await this.raiseScheduleRun(resource, run.alertId, meta);
    const { execution, param } = RUNS[resource.kind];
    return startExecution(
      { bus: this.bus, readModel: this.readModel },
      { kind: resource.kind, execution, params: { [param]: resource.id }, meta },
    );
  }

  /** Whether the run's Update exists: some replica started it. */
  started(run: NamedRun): Promise<boolean> {
    return updateStarted(this.store, this.readModel, run.updateId);
  }

  private async raiseScheduleRun(
    resource: Resource<ScheduledKind>,
    alertId: string,
    meta: CommandMeta,
  ): Promise<void> {
    const alert = scheduleRunAlert(alertId, resource, Date.now());
    const events = decideAlert({ status: 'Empty' }, { type: 'Raise', ...alert });
    try {
      await this.store.append(alertStream(alert.id), toNewEvents(events, meta), 'no_stream');
    } catch (error) {
      // Told already, by the replica that claimed the tick before it stopped.
      if (!(error instanceof WrongExpectedRevisionError)) throw error;
    }
  }
}
