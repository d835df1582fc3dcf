import { Logger, Module, type INestApplicationContext, type Type } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { MicroserviceOptions } from '@nestjs/microservices';
import { BusModule, busTransport, type BusService } from '@monitor/bus';
import { LevelledLogger, loadConfig, type MonitorConfig } from '@monitor/config';
import { createRuntime, type Runtime } from './runtime';
import { RuntimeModule } from './runtime.module';

/** The modules every process needs around its own: the runtime and a NATS bus. */
export function distributedRoot(
  name: string,
  config: MonitorConfig,
  runtime: Runtime,
  feature: Type,
): Type {
  @Module({
    imports: [
      RuntimeModule.forRoot(runtime),
      BusModule.forNats({ servers: natsServers(config), name }),
      feature,
    ],
  })
  class DistributedRoot {}
  return DistributedRoot;
}

export const natsServers = (config: MonitorConfig) => config.nats.url.split(',');

/** Boots one service alone on NATS (the distributed mode) and stops it cleanly on a signal. */
export async function runService(name: BusService, feature: Type): Promise<void> {
  const config = loadConfig();
  const runtime = await createRuntime(config);
  const root = distributedRoot(name, config, runtime, feature);
  const app = await NestFactory.createMicroservice<MicroserviceOptions>(root, {
    ...busTransport({ transport: 'nats', servers: natsServers(config), name }),
    logger: new LevelledLogger(config.log_level),
  });
  await app.listen();
  stopOnSignal(app, runtime);
  new Logger(name).log(`${name} is serving on NATS ${config.nats.url}`);
}

export function stopOnSignal(app: INestApplicationContext, runtime: Runtime): void {
  const stop = async () => {
    await app.close();
    await runtime.close();
    process.exit(0);
  };
  process.once('SIGTERM', () => void stop());
  process.once('SIGINT', () => void stop());
}
