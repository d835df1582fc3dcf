import { Global, Module, type DynamicModule } from '@nestjs/common';
import { ExecutionRunner } from '@monitor/executions';
import { ConfigSecrets, ResourceCommands } from '@monitor/resources';
import type { Runtime } from './runtime';
import { CHECKPOINTS, EVENT_STORE, KEYRING, MONITOR_CONFIG, READ_MODEL } from './tokens';

/** Hands one process's runtime to every module in it. */
@Global()
@Module({})
export class RuntimeModule {
  static forRoot(runtime: Runtime): DynamicModule {
    const providers = [
      { provide: MONITOR_CONFIG, useValue: runtime.config },
      { provide: EVENT_STORE, useValue: runtime.store },
      { provide: CHECKPOINTS, useValue: runtime.checkpoints },
      { provide: READ_MODEL, useValue: runtime.readModel },
      { provide: KEYRING, useValue: runtime.keyring },
      { provide: ExecutionRunner, useValue: new ExecutionRunner(runtime.store, runtime.readModel) },
      {
        provide: ResourceCommands,
        useValue: new ResourceCommands(
          runtime.store,
          runtime.readModel,
          new ConfigSecrets(runtime.keyring),
        ),
      },
    ];
    return { module: RuntimeModule, providers, exports: providers.map((p) => p.provide) };
  }
}
