import { Global, Module, type DynamicModule } from '@nestjs/common';
import type { Runtime } from './runtime';
import { CHECKPOINTS, EVENT_STORE, MONITOR_CONFIG, READ_MODEL } from './tokens';

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
    ];
    return { module: RuntimeModule, providers, exports: providers.map((p) => p.provide) };
  }
}
