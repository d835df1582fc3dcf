import { Module, type INestApplication, type LoggerService } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { BusModule, busTransport, InProcessBroker } from '@monitor/bus';
import type { MonitorConfig } from '@monitor/config';
import { ResourceCommands } from '@monitor/resources';
import { createRuntime, RuntimeModule, type Runtime } from '@monitor/runtime';
import { AlerterModule } from '../../alerter/src/alerter.module';
import { BuilderModule } from '../../builder/src/builder.module';
import { DeployerModule } from '../../deployer/src/deployer.module';
import { GatewayModule } from '../../gateway/src/gateway.module';
import { setUpGatewayHttp } from '../../gateway/src/http-setup';
import { ProceduresModule } from '../../procedures/src/procedures.module';
import { SyncModule } from '../../sync/src/sync.module';
import { startLocalAgent } from './local-agent';

export interface MonitorApp {
  app: INestApplication;
  runtime: Runtime;
  /** The base URL the gateway answers on. */
  url: string;
  close(): Promise<void>;
}

/**
 * The embedded mode: every service's root module in one process, on an in-process bus, with
 * the event store of the config (SQLite in the data folder by default).
 */
export async function startMonitor(
  config: MonitorConfig,
  options: { logger?: false | LoggerService } = {},
): Promise<MonitorApp> {
  const runtime = await createRuntime(config);
  const broker = new InProcessBroker();

  @Module({
    imports: [
      RuntimeModule.forRoot(runtime),
      BusModule.forInProcess(broker),
      GatewayModule,
      DeployerModule,
      BuilderModule,
      ProceduresModule,
      SyncModule,
      AlerterModule,
    ],
  })
  class MonitorModule {}

  const app = await NestFactory.create(MonitorModule, {
    bodyParser: false,
    // Shutdown must not wait on long requests (live feeds, a container stopping): end them.
    forceCloseConnections: true,
    ...options,
  });
  app.connectMicroservice(busTransport({ transport: 'in-process', broker }), {
    inheritAppConfig: false,
  });
  await app.startAllMicroservices();
  setUpGatewayHttp(app, config);
  await app.listen(config.port, config.host);
  const agent = config.local_agent.enabled
    ? await startLocalAgent(config, runtime, app.get(ResourceCommands), options.logger)
    : undefined;
  const address = app.getHttpServer().address() as { port: number };
  const host = config.host === '0.0.0.0' ? '127.0.0.1' : config.host;
  return {
    app,
    runtime,
    url: `http://${host}:${address.port}`,
    close: async () => {
      await agent?.close();
      await app.close();
      await runtime.close();
    },
  };
}
