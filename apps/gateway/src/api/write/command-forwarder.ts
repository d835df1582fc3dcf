import { Inject, Injectable } from '@nestjs/common';
import { BusClient, commandSubject } from '@monitor/bus';
import type { ReadModel } from '@monitor/projections';
import type { WriteResult } from '@monitor/resources';
import { READ_MODEL, type CommandEnvelope } from '@monitor/runtime';

/**
 * Sends a write to the service that owns it and answers once this gateway's read model has
 * reached the write's position, so the caller always reads its own write.
 */
@Injectable()
export class CommandForwarder {
  constructor(
    private readonly bus: BusClient,
    @Inject(READ_MODEL) private readonly readModel: ReadModel,
  ) {}

  async send(
    kind: string,
    command: string,
    envelope: CommandEnvelope<object>,
  ): Promise<WriteResult> {
    const result = await this.bus.request<WriteResult>(commandSubject(kind, command), envelope);
    await this.readModel.waitFor(result.position);
    return result;
  }
}
