import { Module, type INestApplication, type LoggerService } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { BusModule, busTransport, InProcessBroker } from '@monitor/bus';
import { LevelledLogger, type MonitorConfig } from '@monitor/config';
import { ResourceCommands } from '@monitor/resources';
import { createRuntime, RuntimeModule, type Runtime } from '@monitor/runtime';
import { AlerterModule } from '../../alerter/src/alerter.module';
import { BuilderModule } from '../../builder/src/builder.module';
import { DeployerModule } from '../../deployer/src/deployer.module';
import { ServerPoller } from '../../deployer/src/servers/server-poller';
import { GatewayModule } from '../../gateway/src/gateway.module';
import { setUpGatewayHttp } from '../../gateway/src/http-setup';
import { ProceduresModule } from '../../procedures/src/procedures.module';
import { SyncModule } from '../../sync/src/sync.module';
import { startLocalAgent } from './local-agent';
import { logStart } from './start-up-log';

export interface MonitorApp {
  app: INestApplication;
  runtime: Runtime;
  /** The base URL the gateway answers on. */
  url: string;
  close(): Promise<void>;
}

/**
 * The embedded mode: every service's root module in one process, on an in-process bus, with
 * the event store of the config (SQLite in the data folder by default). `logger` is where lines
 * go (the console by default), as many as the `log_level` setting lets through.
 */
export async function startMonitor(
  config: MonitorConfig,
  options: { logger?: false | LoggerService } = {},
): Promise<MonitorApp> {
  const runtime = await createRuntime(config);
  const broker = new InProcessBroker();
  const logger =
    options.logger === false ? false : new LevelledLogger(config.log_level, options.logger);

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
    logger,
  });
  let local: Awaited<ReturnType<typeof startLocalAgent>> | undefined;
  const close = async () => {
    await local?.agent.close();
    await app.close();
    await runtime.close();
  };
  try {
    app.connectMicroservice(busTransport({ transport: 'in-process', broker }), {
      inheritAppConfig: false,
    });
    // Registered (or moved to its new address) before the first polling round, which then
    // polls it where it now is.
    if (config.local_agent.enabled) {
      local = await startLocalAgent(config, runtime, app.get(ResourceCommands), logger);
    }
    await app.startAllMicroservices();
    setUpGatewayHttp(app, config);
    await app.init();
    // Nobody is answered before the local server's first poll, so nobody sees it NotOk only
    // because it was not polled yet (Komodo's states have no "unknown").
    if (local) await app.get(ServerPoller).polled(local.serverId);
    await app.listen(config.port, config.host);
  } catch (error) {
    await close();
    throw error;
  }
  const address = app.getHttpServer().address() as { port: number };
  const host = config.host === '0.0.0.0' ? '127.0.0.1' : config.host;
  const url = `http://${host}:${address.port}`;
  logStart(config, url, runtime, local);
  return { app, runtime, url, close };
}
