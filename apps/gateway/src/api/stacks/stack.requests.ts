import { Injectable, type OnModuleInit } from '@nestjs/common';
import { BusClient, querySubject } from '@monitor/bus';
import { STACK_EXECUTION_FORMS, STACK_REQUESTS } from '@monitor/contracts';
import { ExecutionForwarder } from '../execution-forwarder';
import { RequestRegistry } from '../request-registry';

const R = STACK_REQUESTS;

/** Executions: each answers an Update at once. */
const EXECUTIONS = [
  R.DeployStack,
  R.DeployStackIfChanged,
  STACK_EXECUTION_FORMS.RefreshStackCache,
  R.StartStack,
  R.StopStack,
  R.RestartStack,
  R.PauseStack,
  R.UnpauseStack,
  R.PullStack,
  R.DestroyStack,
];

/** Komodo's batch forms, each with the execution it runs on every resource it picks. */
const BATCHES = [
  [R.BatchDeployStack, R.DeployStack],
  [R.BatchDeployStackIfChanged, R.DeployStackIfChanged],
  [R.BatchPullStack, R.PullStack],
  [R.BatchDestroyStack, R.DestroyStack],
] as const;

/** Reads the deployer answers (it talks to the agents). */
const FORWARDED_READS = [
  R.ListStackServices,
  R.GetStackLog,
  R.SearchStackLog,
  R.InspectStackContainer,
];

/** Stacks: compose executions (each answers an Update at once), batches, services, logs, inspect. */
@Injectable()
export class StackRequests implements OnModuleInit {
  constructor(
    private readonly registry: RequestRegistry,
    private readonly bus: BusClient,
    private readonly executions: ExecutionForwarder,
  ) {}

  onModuleInit(): void {
    for (const entry of EXECUTIONS) {
      this.registry.handle(entry, (params, { meta }) =>
        this.executions.run('Stack', entry.name, params, meta),
      );
    }
    for (const [batch, execution] of BATCHES) {
      this.registry.handle(batch, (params, context) =>
        this.executions.batch('Stack', execution.name, 'stack', params, context),
      );
    }
    for (const entry of FORWARDED_READS) {
      const query = querySubject(entry.name);
      this.registry.handle(entry, (params) => this.bus.request(query, { params }));
    }
  }
}
