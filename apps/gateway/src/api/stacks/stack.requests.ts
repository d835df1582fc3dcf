import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import { BusClient, execSubject, querySubject } from '@monitor/bus';
import { DestroyStackDto, GetStackLogDto, StackParamDto } from '@monitor/contracts';
import type { ReadModel } from '@monitor/projections';
import type { WriteResult } from '@monitor/resources';
import { READ_MODEL } from '@monitor/runtime';
import { toKomodoUpdate } from '../komodo-shapes';
import { request, RequestRegistry, type Access, type RequestContext } from '../request-registry';

const ACTIONS = [
  'StartStack',
  'StopStack',
  'RestartStack',
  'PauseStack',
  'UnpauseStack',
  'PullStack',
];

const onStack = (level: 'Read' | 'Execute'): Access<{ stack: string }> => ({
  type: 'resource',
  level,
  target: ({ stack }) => ({ kind: 'Stack', id: stack }),
});

/** Stacks: compose executions (each answers an Update at once), services and logs. */
@Injectable()
export class StackRequests implements OnModuleInit {
  constructor(
    private readonly registry: RequestRegistry,
    private readonly bus: BusClient,
    @Inject(READ_MODEL) private readonly readModel: ReadModel,
  ) {}

  onModuleInit(): void {
    const execute = (name: string, dto: new () => { stack: string }) =>
      request({
        verb: 'execute',
        name,
        dto,
        access: onStack('Execute'),
        handle: (params, context) => this.run(name, params, context),
      });
    this.registry.add(
      execute('DeployStack', StackParamDto),
      execute('DestroyStack', DestroyStackDto),
      ...ACTIONS.map((name) => execute(name, StackParamDto)),
      request({
        verb: 'read',
        name: 'ListStackServices',
        dto: StackParamDto,
        access: onStack('Read'),
        handle: (params) => this.bus.request(querySubject('ListStackServices'), { params }),
      }),
      request({
        verb: 'read',
        name: 'GetStackLog',
        dto: GetStackLogDto,
        access: onStack('Read'),
        handle: (params) => this.bus.request(querySubject('GetStackLog'), { params }),
      }),
    );
  }

  private async run(name: string, params: object, { meta }: RequestContext) {
    const { id, position } = await this.bus.request<WriteResult>(execSubject('Stack', name), {
      params,
      meta,
    });
    await this.readModel.waitFor(position);
    return toKomodoUpdate(this.readModel.update(id)!);
  }
}
