import { Injectable } from '@nestjs/common';
import { BusClient, querySubject } from '@monitor/bus';
import type { CatalogueEntry } from '@monitor/contracts';
import type { ResourceKind } from '@monitor/domain';
import type { BatchSelection } from '@monitor/executions';
import { ExecutionForwarder } from './execution-forwarder';
import { RequestRegistry } from './request-registry';

/** A catalogue entry whose params select resources as Komodo's `Batch...` requests do. */
type BatchEntry = Extract<CatalogueEntry, { dto: new () => BatchSelection }>;

/** A kind's executions as the gateway answers them, declared as lists of catalogue entries. */
export interface KindExecutionList {
  /** Executions: each answers an Update at once. */
  executions: readonly CatalogueEntry[];
  /** Komodo's batch forms, each with the execution it runs on every resource it picks. */
  batches?: readonly (readonly [BatchEntry, CatalogueEntry])[];
  /** The parameter that names the resource in the execution (`deployment`, `stack`, ...). */
  param: string;
}

/**
 * Registers the requests every kind answers the same way: executions sent to the service that
 * runs them, batches fanned out by the execution forwarder, and reads forwarded as they are to
 * the service that answers them (it talks to the agents).
 */
@Injectable()
export class KindRequests {
  constructor(
    private readonly registry: RequestRegistry,
    private readonly bus: BusClient,
    private readonly executions: ExecutionForwarder,
  ) {}

  executionsOf(kind: ResourceKind, list: KindExecutionList): void {
    for (const entry of list.executions) {
      this.registry.handle(entry, (params, { meta }) =>
        this.executions.run(kind, entry.name, params, meta),
      );
    }
    for (const [batch, execution] of list.batches ?? []) {
      this.registry.handle(batch, (params, context) =>
        this.executions.batch(kind, execution.name, list.param, params, context),
      );
    }
  }

  /** Each read answered by the service subscribed to its query subject. */
  forwardReads(entries: readonly CatalogueEntry[]): void {
    for (const entry of entries) {
      const query = querySubject(entry.name);
      this.registry.handle(entry, (params) => this.bus.request(query, { params }));
    }
  }
}
