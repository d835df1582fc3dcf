import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import { BusClient, execSubject, querySubject } from '@monitor/bus';
import {
  BatchPatternDto,
  DeploymentActionDto,
  DeployDto,
  GetDeploymentLogDto,
  RollbackDeploymentDto,
  SearchDeploymentLogDto,
} from '@monitor/contracts';
import type { ReadModel } from '@monitor/projections';
import type { WriteResult } from '@monitor/resources';
import { READ_MODEL } from '@monitor/runtime';
import { ApiError } from '../api-error';
import { toKomodoUpdate } from '../komodo-shapes';
import { request, RequestRegistry, type Access, type RequestContext } from '../request-registry';
import { parsePattern } from './name-pattern';

const ACTIONS = [
  'StartDeployment',
  'StopDeployment',
  'RestartDeployment',
  'PauseDeployment',
  'UnpauseDeployment',
  'DestroyDeployment',
];

const onDeployment = (level: 'Read' | 'Execute'): Access<{ deployment: string }> => ({
  type: 'resource',
  level,
  target: ({ deployment }) => ({ kind: 'Deployment', id: deployment }),
});

/** Deployments: executions (each answers an Update at once), batches, logs and stats. */
@Injectable()
export class DeploymentRequests implements OnModuleInit {
  constructor(
    private readonly registry: RequestRegistry,
    private readonly bus: BusClient,
    @Inject(READ_MODEL) private readonly readModel: ReadModel,
  ) {}

  onModuleInit(): void {
    const execute = (name: string, dto: new () => { deployment: string }) =>
      request({
        verb: 'execute',
        name,
        dto,
        access: onDeployment('Execute'),
        handle: (params, context) => this.run(name, params, context),
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
        handle: (p, c) => this.batch('Deploy', p, c),
      }),
      request({
        verb: 'execute',
        name: 'BatchDestroyDeployment',
        dto: BatchPatternDto,
        access: { type: 'user' },
        handle: (p, c) => this.batch('DestroyDeployment', p, c),
      }),
      request({
        verb: 'read',
        name: 'GetDeploymentLog',
        dto: GetDeploymentLogDto,
        access: onDeployment('Read'),
        handle: (params) => this.bus.request(querySubject('GetDeploymentLog'), { params }),
      }),
      request({
        verb: 'read',
        name: 'SearchDeploymentLog',
        dto: SearchDeploymentLogDto,
        access: onDeployment('Read'),
        handle: (params) => this.bus.request(querySubject('SearchDeploymentLog'), { params }),
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

  private async run(name: string, params: object, { meta }: RequestContext) {
    const { id, position } = await this.bus.request<WriteResult>(execSubject('Deployment', name), {
      params,
      meta,
    });
    await this.readModel.waitFor(position);
    return toKomodoUpdate(this.readModel.update(id)!);
  }

  /** Every deployment the pattern names and the user may execute; one answer per deployment. */
  private async batch(name: string, { pattern }: BatchPatternDto, context: RequestContext) {
    let tests: ((name: string) => boolean)[];
    try {
      tests = parsePattern(pattern);
    } catch (error) {
      throw new ApiError(400, `pattern: ${(error as Error).message}`, 'VALIDATION');
    }
    const matched = this.readModel
      .list('Deployment')
      .filter((d) => tests.some((t) => t(d.name)) && context.principal.can(d, 'Execute'));
    return Promise.all(
      matched.map(async (deployment) => {
        try {
          return {
            status: 'Ok',
            data: await this.run(name, { deployment: deployment.id }, context),
          };
        } catch (error) {
          return {
            status: 'Err',
            data: { name: deployment.name, error: (error as Error).message },
          };
        }
      }),
    );
  }
}
