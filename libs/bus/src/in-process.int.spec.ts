import { Controller, Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { MessagePattern, type MessageHandler, type WritePacket } from '@nestjs/microservices';
import { setTimeout as sleep } from 'node:timers/promises';
import { of } from 'rxjs';
import { busTransport, type BusOptions } from './bus.module';
import { InProcessBroker, type InProcessEndpoint } from './in-process/in-process.broker';
import { PROBE } from './test-support/probe.controller';
import { startProbe, waitFor } from './test-support/probe-apps';

/** A stand-in server with the given handlers, recording what it is handed. */
function endpoint(handlers: Record<string, { event?: boolean; queue?: string }>) {
  const seen: { subject: string; data: unknown }[] = [];
  const map = new Map<string, MessageHandler>(
    Object.entries(handlers).map(([subject, { event = false, queue }]) => [
      subject,
      Object.assign(async () => of(undefined), { isEventHandler: event, extras: { queue } }),
    ]),
  );
  const self: InProcessEndpoint & { seen: typeof seen } = {
    seen,
    getHandlers: () => map,
    dispatchRequest(subject, data, reply) {
      seen.push({ subject, data });
      (data as { mutated?: boolean }).mutated = true;
      reply({ response: data, isDisposed: true });
    },
    dispatchEvent: (subject, data) => seen.push({ subject, data }),
  };
  return self;
}

function ask(broker: InProcessBroker, subject: string, data: unknown): Promise<WritePacket> {
  return new Promise((resolve) => broker.request(subject, data, resolve));
}

describe('the in-process bus', () => {
  it('copies a payload both ways, so a handler cannot change what the caller holds', async () => {
    const broker = new InProcessBroker();
    broker.attach(endpoint({ 'query.Q': {} }));
    const payload = { n: 1 };
    const answer = await ask(broker, 'query.Q', payload);
    expect(payload).toEqual({ n: 1 });
    expect(answer.response).toEqual({ n: 1, mutated: true });
  });

  it('drops an answer that comes after the caller gave up', async () => {
    const broker = new InProcessBroker();
    const server = endpoint({ 'query.Q': {} });
    broker.attach(server);
    const reply = jest.fn();
    broker.request('query.Q', {}, reply)();
    await sleep(10);
    expect(reply).not.toHaveBeenCalled();
    expect(server.seen).toEqual([]);
  });

  it('delivers an event to every listener, and to one listener per queue group', async () => {
    const broker = new InProcessBroker();
    const servers = [
      endpoint({ 'notice.N': { event: true } }),
      endpoint({ 'notice.N': { event: true } }),
      endpoint({ 'notice.N': { event: true, queue: 'q' } }),
      endpoint({ 'notice.N': { event: true, queue: 'q' } }),
    ];
    servers.forEach((server) => broker.attach(server));
    broker.emit('notice.N', { n: 1 });
    await waitFor(() => servers[0].seen.length > 0);
    expect(servers.map((server) => server.seen.length)).toEqual([1, 1, 1, 0]);
  });

  it('stops delivering to a detached server', async () => {
    const broker = new InProcessBroker();
    broker.attach(endpoint({ 'query.Q': {} }))();
    const answer = await ask(broker, 'query.Q', {});
    expect(answer.err).toMatchObject({ code: 'UNAVAILABLE' });
  });

  it('refuses a wildcard subject', () => {
    const broker = new InProcessBroker();
    expect(() => broker.attach(endpoint({ 'cmd.*.Create': {} }))).toThrow(/wildcard/);
  });

  it('refuses a second app with a handler for the same request subject', async () => {
    const options: BusOptions = { transport: 'in-process', broker: new InProcessBroker() };
    const first = await startProbe(options, 'a');
    try {
      await expect(startProbe(options, 'b')).rejects.toThrow(
        `"${PROBE.echo}" already has a handler on this in-process bus`,
      );
    } finally {
      await first.close();
    }
  });

  it('refuses two handlers for one request subject in one app', async () => {
    @Controller()
    class One {
      @MessagePattern('query.Twice')
      twice(): number {
        return 1;
      }
    }
    @Controller()
    class Two {
      @MessagePattern('query.Twice')
      twice(): number {
        return 2;
      }
    }
    @Module({ controllers: [One, Two] })
    class Twice {}
    const options: BusOptions = { transport: 'in-process', broker: new InProcessBroker() };
    const app = await NestFactory.createMicroservice(Twice, {
      ...busTransport(options),
      logger: false,
    });
    try {
      await expect(app.listen()).rejects.toThrow('two handlers for "query.Twice"');
    } finally {
      await app.close();
    }
  });
});
