import { Injectable, type OnModuleInit } from '@nestjs/common';
import { BusClient, querySubject } from '@monitor/bus';
import {
  BatchPatternDto,
  DeploymentActionDto,
  DeployDto,
  GetDeploymentLogDto,
  InspectDeploymentContainerDto,
  RollbackDeploymentDto,
  SearchDeploymentLogDto,
} from '@monitor/contracts';
import type { SpecificPermission } from '@monitor/domain';
import { ExecutionForwarder } from '../execution-forwarder';
import { request, RequestRegistry, type Access } from '../request-registry';

const ACTIONS = [
  'StartDeployment',
  'StopDeployment',
  'RestartDeployment',
  'PauseDeployment',
  'UnpauseDeployment',
  'DestroyDeployment',
];

const onDeployment = (
  level: 'Read' | 'Execute',
  specific: SpecificPermission[] = [],
): Access<{ deployment: string }> => ({
  type: 'resource',
  level,
  specific,
  target: ({ deployment }) => ({ kind: 'Deployment', id: deployment }),
});

/** Deployments: executions (each answers an Update at once), batches, logs, inspect and stats. */
@Injectable()
export class DeploymentRequests implements OnModuleInit {
  constructor(
    private readonly registry: RequestRegistry,
    private readonly bus: BusClient,
    private readonly executions: ExecutionForwarder,
  ) {}

  onModuleInit(): void {
    const execute = (name: string, dto: new () => { deployment: string }) =>
      request({
        verb: 'execute',
        name,
        dto,
        access: onDeployment('Execute'),
        handle: (params, { meta }) => this.executions.run('Deployment', name, params, meta),
      });
    this.registry.add(
      execute('Deploy', DeployDto),
      execute('RollbackDeployment', RollbackDeploymentDto),
      ...ACTIONS.map((name) => execute(name, DeploymentActionDto)),
      request({
        verb: 'execute',
        name: 'BatchDeploy',
        dto: BatchPatternDto,
        access: { type: 'user' },
        handle: (p, c) => this.executions.batch('Deployment', 'Deploy', 'deployment', p, c),
      }),
      request({
        verb: 'execute',
        name: 'BatchDestroyDeployment',
        dto: BatchPatternDto,
        access: { type: 'user' },
        handle: (p, c) =>
          this.executions.batch('Deployment', 'DestroyDeployment', 'deployment', p, c),
      }),
      request({
        verb: 'read',
        name: 'GetDeploymentLog',
        dto: GetDeploymentLogDto,
        access: onDeployment('Read', ['Logs']),
        handle: (params) => this.bus.request(querySubject('GetDeploymentLog'), { params }),
      }),
      request({
        verb: 'read',
        name: 'SearchDeploymentLog',
        dto: SearchDeploymentLogDto,
        access: onDeployment('Read', ['Logs']),
        handle: (params) => this.bus.request(querySubject('SearchDeploymentLog'), { params }),
      }),
      request({
        verb: 'read',
        name: 'InspectDeploymentContainer',
        dto: InspectDeploymentContainerDto,
        access: onDeployment('Read', ['Inspect']),
        handle: (params) =>
          this.bus.request(querySubject('InspectDeploymentContainer'), { params }),
      }),
      request({
        verb: 'read',
        name: 'GetDeploymentStats',
        dto: DeployDto,
        access: onDeployment('Read'),
        handle: (params) =>
          this.bus.request(querySubject('GetDeploymentStats'), {
            params: { deployment: params.deployment },
          }),
      }),
    );
  }
}
