import { Injectable, type OnModuleInit } from '@nestjs/common';
import { BusClient, querySubject } from '@monitor/bus';
import {
  BatchPatternDto,
  DestroyStackDto,
  GetStackLogDto,
  InspectStackContainerDto,
  SearchStackLogDto,
  StackParamDto,
} from '@monitor/contracts';
import type { SpecificPermission } from '@monitor/domain';
import { ExecutionForwarder } from '../execution-forwarder';
import { request, RequestRegistry, type Access } from '../request-registry';

const EXECUTIONS = [
  'DeployStack',
  'DeployStackIfChanged',
  'RefreshStackCache',
  'StartStack',
  'StopStack',
  'RestartStack',
  'PauseStack',
  'UnpauseStack',
  'PullStack',
];

/** Komodo's batch forms: `Batch<Execution>` over a name pattern. */
const BATCHES = ['DeployStack', 'DeployStackIfChanged', 'PullStack', 'DestroyStack'];

const onStack = (
  level: 'Read' | 'Execute',
  specific: SpecificPermission[] = [],
): Access<{ stack: string }> => ({
  type: 'resource',
  level,
  specific,
  target: ({ stack }) => ({ kind: 'Stack', id: stack }),
});

/** Stacks: compose executions (each answers an Update at once), batches, services, logs, inspect. */
@Injectable()
export class StackRequests implements OnModuleInit {
  constructor(
    private readonly registry: RequestRegistry,
    private readonly bus: BusClient,
    private readonly executions: ExecutionForwarder,
  ) {}

  onModuleInit(): void {
    const execute = (name: string, dto: new () => { stack: string }) =>
      request({
        verb: 'execute',
        name,
        dto,
        access: onStack('Execute'),
        handle: (params, { meta }) => this.executions.run('Stack', name, params, meta),
      });
    const read = (
      name: string,
      dto: new () => { stack: string },
      specific: SpecificPermission[] = [],
    ) =>
      request({
        verb: 'read',
        name,
        dto,
        access: onStack('Read', specific),
        handle: (params) => this.bus.request(querySubject(name), { params }),
      });
    this.registry.add(
      ...EXECUTIONS.map((name) => execute(name, StackParamDto)),
      execute('DestroyStack', DestroyStackDto),
      ...BATCHES.map((name) =>
        request({
          verb: 'execute',
          name: `Batch${name}`,
          dto: BatchPatternDto,
          access: { type: 'user' },
          handle: (p, context) => this.executions.batch('Stack', name, 'stack', p, context),
        }),
      ),
      read('ListStackServices', StackParamDto),
      read('GetStackLog', GetStackLogDto, ['Logs']),
      read('SearchStackLog', SearchStackLogDto, ['Logs']),
      read('InspectStackContainer', InspectStackContainerDto, ['Inspect']),
    );
  }
}
