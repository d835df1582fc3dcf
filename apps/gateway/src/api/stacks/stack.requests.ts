import { Injectable, type OnModuleInit } from '@nestjs/common';
import { STACK_EXECUTION_FORMS, STACK_REQUESTS } from '@monitor/contracts';
import { KindRequests } from '../kind-requests';

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
  constructor(private readonly kind: KindRequests) {}

  onModuleInit(): void {
    this.kind.executionsOf('Stack', { executions: EXECUTIONS, batches: BATCHES, param: 'stack' });
    this.kind.forwardReads(FORWARDED_READS);
  }
}
