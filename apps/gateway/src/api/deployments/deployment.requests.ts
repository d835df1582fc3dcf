import { Injectable, type OnModuleInit } from '@nestjs/common';
import { BusClient, querySubject } from '@monitor/bus';
import { DEPLOYMENT_REQUESTS } from '@monitor/contracts';
import { ExecutionForwarder } from '../execution-forwarder';
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
    private readonly executions: ExecutionForwarder,
  ) {}

  onModuleInit(): void {
    for (const entry of EXECUTIONS) {
      this.registry.handle(entry, (params, { meta }) =>
        this.executions.run('Deployment', entry.name, params, meta),
      );
    }
    for (const [batch, execution] of BATCHES) {
      this.registry.handle(batch, (params, context) =>
        this.executions.batch('Deployment', execution.name, 'deployment', params, context),
      );
    }
    for (const entry of FORWARDED_READS) {
      const query = querySubject(entry.name);
      this.registry.handle(entry, (params) => this.bus.request(query, { params }));
    }
    this.registry.handle(R.GetDeploymentStats, (params) =>
      this.bus.request(querySubject(R.GetDeploymentStats.name), {
        params: { deployment: params.deployment },
      }),
    );
  }
}
