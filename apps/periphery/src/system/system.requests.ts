import { Injectable, type OnModuleInit } from '@nestjs/common';
import { AGENT, EmptyDto } from '@monitor/contracts';
import { request, RequestRegistry } from '../api/request-registry';
import { StatsSampler } from './stats-sampler';
import { readSystemInformation } from './system-info';
import { readSystemProcesses } from './system-processes';
import type { SystemInformation } from '@monitor/contracts';

/** GetSystemInformation, GetSystemStats and GetSystemProcesses. */
@Injectable()
export class SystemRequests implements OnModuleInit {
  /** The host's identity does not change while the agent runs: read it once. */
  private information?: Promise<SystemInformation>;

  constructor(
    private readonly registry: RequestRegistry,
    private readonly sampler: StatsSampler,
  ) {}

  onModuleInit(): void {
    this.registry.add(
      request(AGENT.GetSystemInformation, EmptyDto, () => {
        this.information ??= readSystemInformation().catch((error: unknown) => {
          this.information = undefined; // a failed read is tried again next time
          throw error;
        });
        return this.information;
      }),
      request(AGENT.GetSystemStats, EmptyDto, () => this.sampler.current()),
      request(AGENT.GetSystemProcesses, EmptyDto, () => readSystemProcesses()),
    );
  }
}
