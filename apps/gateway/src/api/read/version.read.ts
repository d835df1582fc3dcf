import { Injectable, type OnModuleInit } from '@nestjs/common';
import { HISTORY_REQUESTS } from '@monitor/contracts';
import { MONITOR_VERSION } from '../../version';
import { RequestRegistry } from '../request-registry';

@Injectable()
export class VersionRead implements OnModuleInit {
  constructor(private readonly registry: RequestRegistry) {}

  onModuleInit(): void {
    this.registry.handle(HISTORY_REQUESTS.GetVersion, async () => ({ version: MONITOR_VERSION }));
  }
}
