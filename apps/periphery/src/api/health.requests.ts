import { Injectable, type OnModuleInit } from '@nestjs/common';
import { AGENT, EmptyDto } from '@monitor/contracts';
import { PERIPHERY_VERSION } from '../version';
import { request, RequestRegistry } from './request-registry';

/** What the core polls to tell whether the agent is up, and which version it runs. */
@Injectable()
export class HealthRequests implements OnModuleInit {
  constructor(private readonly registry: RequestRegistry) {}

  onModuleInit(): void {
    this.registry.add(
      request(AGENT.GetHealth, EmptyDto, async () => ({})),
      request(AGENT.GetVersion, EmptyDto, async () => ({ version: PERIPHERY_VERSION })),
    );
  }
}
