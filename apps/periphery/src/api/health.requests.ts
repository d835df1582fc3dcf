import { Injectable, type OnModuleInit } from '@nestjs/common';
import { EmptyDto } from '@monitor/contracts';
import { PERIPHERY_VERSION } from '../version';
import { request, RequestRegistry } from './request-registry';

/** What the core polls to tell whether the agent is up, and which version it runs. */
@Injectable()
export class HealthRequests implements OnModuleInit {
  constructor(private readonly registry: RequestRegistry) {}

  onModuleInit(): void {
    this.registry.add(
      request({ name: 'GetHealth', dto: EmptyDto, handle: async () => ({}) }),
      request({
        name: 'GetVersion',
        dto: EmptyDto,
        handle: async () => ({ version: PERIPHERY_VERSION }),
      }),
    );
  }
}
