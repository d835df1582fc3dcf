import { Inject, Injectable } from '@nestjs/common';
import { BusClient, execSubject } from '@monitor/bus';
import type { ResourceKind } from '@monitor/domain';
import type { ReadModel } from '@monitor/projections';
import type { CommandMeta, WriteResult } from '@monitor/resources';
import { READ_MODEL } from '@monitor/runtime';
import type { Principal } from '../auth/principal';
import { ApiError } from './api-error';
import { parsePattern } from './name-pattern';
import { toKomodoUpdate } from './komodo-shapes';

/**
 * Sends an execution to the service that runs it and answers its Update as Komodo does: at
 * once, status `Queued` or `InProgress`, already visible to the caller's next read.
 */
@Injectable()
export class ExecutionForwarder {
  constructor(
    private readonly bus: BusClient,
    @Inject(READ_MODEL) private readonly readModel: ReadModel,
  ) {}

  async run(kind: ResourceKind, name: string, params: object, meta: CommandMeta) {
    const { id, position } = await this.bus.request<WriteResult>(execSubject(kind, name), {
      params,
      meta,
    });
    await this.readModel.waitFor(position);
    return toKomodoUpdate(this.readModel.update(id)!);
  }

  /**
   * Komodo's `Batch...`: the execution on every resource of `kind` whose name the pattern
   * matches (wildcards, `\regex\`) and the user may execute; one answer per resource.
   */
  async batch(
    kind: ResourceKind,
    name: string,
    param: string,
    pattern: string,
    context: { principal: Principal; meta: CommandMeta },
  ) {
    let tests: ((name: string) => boolean)[];
    try {
      tests = parsePattern(pattern);
    } catch (error) {
      throw new ApiError(400, `pattern: ${(error as Error).message}`, 'VALIDATION');
    }
    const matched = this.readModel
      .list(kind)
      .filter((r) => tests.some((t) => t(r.name)) && context.principal.can(r, 'Execute'));
    return Promise.all(
      matched.map(async (resource) => {
        try {
          return {
            status: 'Ok',
            data: await this.run(kind, name, { [param]: resource.id }, context.meta),
          };
        } catch (error) {
          return { status: 'Err', data: { name: resource.name, error: (error as Error).message } };
        }
      }),
    );
  }
}
