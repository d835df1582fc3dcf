import { Inject, Injectable } from '@nestjs/common';
import { BusClient } from '@monitor/bus';
import type { ResourceKind } from '@monitor/domain';
import { batchTargets, runBatch, startExecution, type BatchSelection } from '@monitor/executions';
import type { ReadModel } from '@monitor/projections';
import type { CommandMeta } from '@monitor/resources';
import { READ_MODEL } from '@monitor/runtime';
import type { Principal } from '../auth/principal';
import { toKomodoUpdate } from './komodo-shapes';

/**
 * Sends an execution to the service that runs it and answers its Update as Komodo does: at
 * once, status `Queued` or `InProgress`, already visible to the caller's next read.
 */
@Injectable()
export class ExecutionForwarder {
  constructor(
    private readonly bus: BusClient,
    @Inject(READ_MODEL) private readonly readModel: ReadModel,
  ) {}

  async run(kind: ResourceKind, execution: string, params: object, meta: CommandMeta) {
    const update = await startExecution(
      { bus: this.bus, readModel: this.readModel },
      { kind, execution, params, meta },
    );
    return toKomodoUpdate(update);
  }

  /**
   * Komodo's `Batch...`: the execution on every resource of `kind` the selection picks (name
   * pattern, tags) and the user may execute, passed as `param`; one answer per resource.
   */
  async batch(
    kind: ResourceKind,
    execution: string,
    param: string,
    selection: BatchSelection,
    context: { principal: Principal; meta: CommandMeta },
  ) {
    const targets = batchTargets(this.readModel, kind, selection, (resource) =>
      context.principal.can(resource, 'Execute'),
    );
    return runBatch(targets, (resource) =>
      this.run(kind, execution, { [param]: resource.id }, context.meta),
    );
  }
}
