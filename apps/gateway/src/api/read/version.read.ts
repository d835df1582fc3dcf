import { Injectable, type OnModuleInit } from '@nestjs/common';
import { EmptyDto } from '@monitor/contracts';
import { MONITOR_VERSION } from '../../version';
import { request, RequestRegistry } from '../request-registry';

@Injectable()
export class VersionRead implements OnModuleInit {
  constructor(private readonly registry: RequestRegistry) {}

  onModuleInit(): void {
    this.registry.add(
      request({
        verb: 'read',
        name: 'GetVersion',
        dto: EmptyDto,
        access: { type: 'user' },
        handle: async () => ({ version: MONITOR_VERSION }),
      }),
    );
  }
}
