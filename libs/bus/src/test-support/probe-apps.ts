import type { INestMicroservice } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { setTimeout as sleep } from 'node:timers/promises';
import type { BusError } from '../bus-error';
import { busTransport, type BusOptions } from '../bus.module';
import { ProbeModule } from './probe.controller';

/** Boots a probe service on the bus, ready to be called. */
export async function startProbe(
  options: BusOptions,
  instance: string,
): Promise<INestMicroservice> {
  const app = await NestFactory.createMicroservice(ProbeModule.named(instance), {
    ...busTransport(options),
    logger: false,
  });
  try {
    await app.listen();
    // NATS orders messages per connection only: make sure the server has our subscriptions
    // before another connection sends to them.
    if (options.transport === 'nats') await app.unwrap<{ flush(): Promise<void> }>().flush();
    return app;
  } catch (err) {
    await app.close();
    throw err;
  }
}

/** The BusError a call fails with. */
export async function failure(call: Promise<unknown>): Promise<BusError> {
  try {
    await call;
  } catch (err) {
    return err as BusError;
  }
  throw new Error('the call succeeded');
}

export async function waitFor(condition: () => boolean, timeoutMs = 2_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`condition not met within ${timeoutMs} ms`);
    await sleep(10);
  }
}
