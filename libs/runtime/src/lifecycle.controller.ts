import { Module, type DynamicModule } from '@nestjs/common';
import { BusController, commandSubject, QUEUE_GROUPS, type BusService } from '@monitor/bus';
import type { ResourceKind } from '@monitor/domain';
import { ResourceCommands } from '@monitor/resources';
import { lifecycleHandler, updateMetaHandler } from './lifecycle.handlers';
import {
  LIFECYCLE_WRITES,
  lifecycleRequest,
  UPDATE_META,
  type CommandEnvelope,
} from './lifecycle-requests';
import { registerMessageHandlers } from './message-handlers';

/**
 * The lifecycle commands (`cmd.<kind>.Create<Kind>`, ...) of the kinds a service owns: each
 * service imports this once with its kinds, so a kind's writes have exactly one owner.
 */
@Module({})
export class ResourceLifecycleModule {
  static forKinds(service: BusService, kinds: ResourceKind[]): DynamicModule {
    @BusController()
    class ResourceLifecycleController {
      constructor(readonly commands: ResourceCommands) {}
    }
    Object.defineProperty(ResourceLifecycleController, 'name', {
      value: `${service}LifecycleController`,
    });
    const queue = QUEUE_GROUPS[service];
    registerMessageHandlers(
      ResourceLifecycleController,
      kinds.flatMap((kind) => [
        ...LIFECYCLE_WRITES.map((op) => ({
          method: lifecycleRequest(op, kind),
          subject: commandSubject(kind, lifecycleRequest(op, kind)),
          queue,
          run(this: ResourceLifecycleController, envelope: CommandEnvelope) {
            return lifecycleHandler(this.commands, kind, op)(envelope);
          },
        })),
        {
          method: `${UPDATE_META}${kind}`,
          subject: commandSubject(kind, UPDATE_META),
          queue,
          run(this: ResourceLifecycleController, envelope: CommandEnvelope) {
            return updateMetaHandler(this.commands)(envelope);
          },
        },
      ]),
    );
    // A module class of its own per service, so that several services in one process
    // (the embedded mode) each keep their controller.
    class LifecycleModule {}
    Object.defineProperty(LifecycleModule, 'name', { value: `${service}LifecycleModule` });
    return { module: LifecycleModule, controllers: [ResourceLifecycleController] };
  }
}
