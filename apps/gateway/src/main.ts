import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { LevelledLogger, loadConfig } from '@monitor/config';
import { busTransport } from '@monitor/bus';
import {
  createRuntime,
  distributedRoot,
  natsServers,
  runMain,
  stopOnSignal,
} from '@monitor/runtime';
import { GatewayModule } from './gateway.module';
import { setUpGatewayHttp } from './http-setup';

/** The gateway alone, in the distributed mode: on NATS, with the shared event store. */
runMain(async () => {
  const config = loadConfig();
  const runtime = await createRuntime(config);
  const app = await NestFactory.create(distributedRoot('gateway', config, runtime, GatewayModule), {
    bodyParser: false,
    // Shutdown must not wait on long requests (live feeds, a container stopping): end them.
    forceCloseConnections: true,
    logger: new LevelledLogger(config.log_level),
  });
  setUpGatewayHttp(app, config);
  // Services send it requests to handle as a user (ACTING_SUBJECT): it serves the bus as well.
  app.connectMicroservice(
    busTransport({ transport: 'nats', servers: natsServers(config), name: 'gateway' }),
    { inheritAppConfig: false },
  );
  await app.startAllMicroservices();
  await app.listen(config.port, config.host);
  stopOnSignal(app, runtime);
});
