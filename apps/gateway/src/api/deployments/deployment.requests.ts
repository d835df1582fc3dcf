import { Injectable, type OnModuleInit } from '@nestjs/common';
import { BusClient, querySubject } from '@monitor/bus';
import { DEPLOYMENT_REQUESTS } from '@monitor/contracts';
import { KindRequests } from '../kind-requests';
import { RequestRegistry } from '../request-registry';

const R = DEPLOYMENT_REQUESTS;

/** Executions: each answers an Update at once. */
const EXECUTIONS = [
  R.Deploy,
  R.RollbackDeployment,
  R.StartDeployment,
  R.StopDeployment,
  R.RestartDeployment,
  R.PauseDeployment,
  R.UnpauseDeployment,
  R.DestroyDeployment,
];

/** Komodo's batch forms, each with the execution it runs on every resource it picks. */
const BATCHES = [
  [R.BatchDeploy, R.Deploy],
  [R.BatchDestroyDeployment, R.DestroyDeployment],
] as const;

/** Reads the deployer answers (it talks to the agents). */
const FORWARDED_READS = [R.GetDeploymentLog, R.SearchDeploymentLog, R.InspectDeploymentContainer];

/** Deployments: executions (each answers an Update at once), batches, logs, inspect and stats. */
@Injectable()
export class DeploymentRequests implements OnModuleInit {
  constructor(
    private readonly registry: RequestRegistry,
    private readonly bus: BusClient,
    private readonly kind: KindRequests,
  ) {}

  onModuleInit(): void {
    this.kind.executionsOf('Deployment', {
      executions: EXECUTIONS,
      batches: BATCHES,
      param: 'deployment',
    });
    this.kind.forwardReads(FORWARDED_READS);
    this.registry.handle(R.GetDeploymentStats, (params) =>
      this.bus.request(querySubject(R.GetDeploymentStats.name), {
        params: { deployment: params.deployment },
      }),
    );
  }
}
