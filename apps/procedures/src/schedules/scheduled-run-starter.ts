import { Inject, Injectable } from '@nestjs/common';
import { BusClient } from '@monitor/bus';
import {
  alertStream,
  decideAlert,
  EVENT_UPCASTING,
  scheduleRunAlert,
  type Resource,
  type ScheduledKind,
} from '@monitor/domain';
import type { EventStore } from '@monitor/eventstore';
import { startExecution } from '@monitor/executions';
import type { ReadModel, UpdateRecord } from '@monitor/projections';
import { eventMetadata, newId, type CommandMeta } from '@monitor/resources';
import { EVENT_STORE, READ_MODEL } from '@monitor/runtime';

/** The execution that runs each scheduled kind, and the param naming the resource. */
const RUNS: Record<string, { execution: string; param: string }> = {
  Procedure: { execution: 'RunProcedure', param: 'procedure' },
  Action: { execution: 'RunAction', param: 'action' },
};

/**
 * Starts the run of a claimed tick, as Komodo's schedule executor does: its `ScheduleRun` alert
 * first (when `schedule_alert`), then the run itself, sent over the bus as the gateway sends it.
 * The run acts as the user who last wrote the resource's config, with that user's rights
 * (Komodo runs it as an admin, which would let Execute on a procedure do anything).
 */
@Injectable()
export class ScheduledRunStarter {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(READ_MODEL) private readonly readModel: ReadModel,
    private readonly bus: BusClient,
  ) {}

  async start(resource: Resource<ScheduledKind>, claimId: string): Promise<UpdateRecord> {
    const meta: CommandMeta = {
      userId: resource.configWriter,
      via: 'system',
      correlationId: newId(),
      causationId: claimId,
    };
    if (resource.config.schedule_alert) await this.raiseScheduleRun(resource, meta);
    const { execution, param } = RUNS[resource.kind];
    return startExecution(
      { bus: this.bus, readModel: this.readModel },
      { kind: resource.kind, execution, params: { [param]: resource.id }, meta },
    );
  }

  private async raiseScheduleRun(
    resource: Resource<ScheduledKind>,
    meta: CommandMeta,
  ): Promise<void> {
    const alert = scheduleRunAlert(newId(), resource, Date.now());
    const events = decideAlert({ status: 'Empty' }, { type: 'Raise', ...alert });
    const metadata = eventMetadata(meta);
    await this.store.append(
      alertStream(alert.id),
      events.map((e) => ({
        id: newId(),
        type: e.type,
        data: e.data,
        metadata,
        schemaVersion: EVENT_UPCASTING.version(e.type),
      })),
      'no_stream',
    );
  }
}
