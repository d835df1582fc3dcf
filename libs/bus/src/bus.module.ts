import { Module, type DynamicModule } from '@nestjs/common';
import {
  ClientNats,
  Transport,
  type MicroserviceOptions,
  type NatsOptions,
} from '@nestjs/microservices';
import { BusClient, type BusClientProxy } from './bus-client';
import type { InProcessBroker } from './in-process/in-process.broker';
import { InProcessClient } from './in-process/in-process.client';
import { InProcessServer } from './in-process/in-process.server';

/** Distributed mode: every app is its own process on NATS. */
export interface NatsBusOptions {
  transport: 'nats';
  servers: string | string[];
  /** The connection name NATS shows in its monitoring, e.g. the app's name. */
  name: string;
}

/** Embedded mode: every service in one process, on the app's one broker. */
export interface InProcessBusOptions {
  transport: 'in-process';
  broker: InProcessBroker;
}

export type BusOptions = NatsBusOptions | InProcessBusOptions;

/** What `NestFactory.createMicroservice` or `app.connectMicroservice` takes to serve handlers. */
export function busTransport(options: BusOptions): MicroserviceOptions {
  return options.transport === 'nats'
    ? { transport: Transport.NATS, options: natsConnection(options) }
    : { strategy: new InProcessServer(options.broker) };
}

/** The raw Nest client of a bus; services use BusClient, which wraps it. */
export function busClientProxy(options: BusOptions): BusClientProxy {
  return options.transport === 'nats'
    ? new ClientNats(natsConnection(options))
    : new InProcessClient(options.broker);
}

function natsConnection({ servers, name }: NatsBusOptions): Required<NatsOptions>['options'] {
  // Reconnect for ever: after the default 10 attempts (about 20 s) the connection is closed
  // for good, and a service would stay deaf after a longer NATS restart. No async traces: with
  // them every request builds two Errors with stacks captured across async frames up front
  // (most of nats-core's time in bench:procedure); a failure still says what failed.
  return { servers, name, maxReconnectAttempts: -1, noAsyncTraces: true };
}

/**
 * Provides BusClient to every module of the app (global: service modules inject it without
 * knowing the transport). Import it once, in the root that boots the app.
 */
@Module({})
export class BusModule {
  static forRoot(options: BusOptions): DynamicModule {
    return {
      module: BusModule,
      global: true,
      providers: [{ provide: BusClient, useFactory: () => new BusClient(busClientProxy(options)) }],
      exports: [BusClient],
    };
  }

  static forInProcess(broker: InProcessBroker): DynamicModule {
    return BusModule.forRoot({ transport: 'in-process', broker });
  }

  static forNats(options: Omit<NatsBusOptions, 'transport'>): DynamicModule {
    return BusModule.forRoot({ transport: 'nats', ...options });
  }
}
