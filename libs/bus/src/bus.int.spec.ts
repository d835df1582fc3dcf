import type { INestApplicationContext, INestMicroservice } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { lastValueFrom } from 'rxjs';
import { freePort } from '@monitor/testing';
import { natsUrl } from '../../../test/test-env';
import { BusClient } from './bus-client';
import { BusError } from './bus-error';
import { BusModule, busClientProxy, type BusOptions } from './bus.module';
import { InProcessBroker } from './in-process/in-process.broker';
import { querySubject } from './subjects';
import { PROBE, ProbeLog } from './test-support/probe.controller';
import { failure, startProbe, waitFor } from './test-support/probe-apps';

const transports: [string, () => BusOptions][] = [
  ['in-process', () => ({ transport: 'in-process', broker: new InProcessBroker() })],
  ['nats', () => ({ transport: 'nats', servers: natsUrl(), name: 'bus-spec' })],
];

describe.each(transports)('the bus over %s', (_transport, busOptions) => {
  const options = busOptions();
  let probe: INestMicroservice;
  let caller: INestApplicationContext;
  let bus: BusClient;

  beforeAll(async () => {
    probe = await startProbe(options, 'probe');
    caller = await NestFactory.createApplicationContext(BusModule.forRoot(options), {
      logger: false,
    });
    await caller.init();
    bus = caller.get(BusClient);
  });

  afterAll(async () => {
    await caller?.close();
    await probe?.close();
  });

  it('answers a request with a JSON copy of the answer', async () => {
    const payload = { name: 'p1', at: new Date(0), tags: ['a'] };
    const answer = await bus.request<{ echoed: unknown }>(PROBE.echo, payload);
    expect(answer).toEqual({ echoed: { name: 'p1', at: '1970-01-01T00:00:00.000Z', tags: ['a'] } });
    expect(answer.echoed).not.toBe(payload);
  });

  it('sends {} for a request without parameters', async () => {
    await expect(bus.request(PROBE.echo, undefined)).resolves.toEqual({ echoed: {} });
  });

  it('leaves the handler context alone when validating', async () => {
    await expect(bus.request(PROBE.subject, {})).resolves.toBe(PROBE.subject);
  });

  it('delivers a BusError with its code, message and details intact', async () => {
    const error = await failure(bus.request(PROBE.conflict, {}));
    expect(error).toBeInstanceOf(BusError);
    expect(error.toJSON()).toEqual({
      code: 'CONFLICT',
      message: 'probe p1 already exists',
      details: { name: 'p1' },
    });
  });

  it('delivers a plain Error as INTERNAL, with its message and no stack', async () => {
    const error = await failure(bus.request(PROBE.crash, {}));
    expect(error.toJSON()).toEqual({ code: 'INTERNAL', message: 'disk on fire' });
    // What crossed the bus, as a raw Nest client receives it.
    const raw = busClientProxy(options);
    try {
      await expect(lastValueFrom(raw.send(PROBE.crash, {}))).rejects.toEqual({
        code: 'INTERNAL',
        message: 'disk on fire',
      });
    } finally {
      await raw.close();
    }
  });

  it('validates the payload DTO and names the fields at fault', async () => {
    const error = await failure(bus.request(PROBE.create, { name: '', replicas: 2, color: 'red' }));
    expect(error.code).toBe('VALIDATION');
    expect(error.message).toContain('name');
    expect(error.details).toEqual(
      expect.arrayContaining([
        { field: 'name', message: 'name must be longer than or equal to 1 characters' },
        { field: 'color', message: 'property color should not exist' },
      ]),
    );
  });

  it('hands a valid payload to the handler as the DTO class', async () => {
    const answer = await bus.request(PROBE.create, { name: 'p1', replicas: 2 });
    expect(answer).toEqual({ name: 'p1', isDto: true });
  });

  it('times out a slow handler as TIMEOUT naming the subject', async () => {
    const error = await failure(bus.request(PROBE.slow, { ms: 300 }, { timeoutMs: 50 }));
    expect(error.code).toBe('TIMEOUT');
    expect(error.message).toContain(PROBE.slow);
  });

  it('answers UNAVAILABLE at once for a subject nobody listens to', async () => {
    const subject = querySubject('NobodyListens');
    const started = Date.now();
    const error = await failure(bus.request(subject, {}, { timeoutMs: 5_000 }));
    expect(error.toJSON()).toEqual({
      code: 'UNAVAILABLE',
      message: `no handler for ${subject}`,
      details: { subject },
    });
    expect(Date.now() - started).toBeLessThan(1_000);
  });

  it('delivers an emitted event to the event handler', async () => {
    await bus.emit(PROBE.noticed, { n: 1 });
    const log = probe.get(ProbeLog);
    await waitFor(() => log.notices.length > 0);
    expect(log.notices).toEqual([{ n: 1 }]);
  });
});

describe('queue groups on NATS', () => {
  const options: BusOptions = { transport: 'nats', servers: natsUrl(), name: 'bus-queue-spec' };
  let probes: INestMicroservice[] = [];
  let caller: INestApplicationContext;
  let bus: BusClient;

  beforeAll(async () => {
    probes = [await startProbe(options, 'a'), await startProbe(options, 'b')];
    caller = await NestFactory.createApplicationContext(BusModule.forRoot(options), {
      logger: false,
    });
    await caller.init();
    bus = caller.get(BusClient);
  });

  afterAll(async () => {
    await caller?.close();
    await Promise.all(probes.map((probe) => probe.close()));
  });

  const callsTo = (subject: string) =>
    probes.flatMap((probe) => probe.get(ProbeLog).calls).filter((call) => call === subject).length;

  it('hands each request of a queued handler to exactly one app', async () => {
    const answers = await Promise.all(
      Array.from({ length: 20 }, () => bus.request<string>(PROBE.whoAmI, {})),
    );
    expect(callsTo(PROBE.whoAmI)).toBe(20);
    expect(new Set(answers)).toEqual(new Set(['a', 'b']));
  });

  it('hands each request of an unqueued handler to every app (the control)', async () => {
    await Promise.all(Array.from({ length: 10 }, () => bus.request(PROBE.everyone, {})));
    await waitFor(() => callsTo(PROBE.everyone) >= 20);
    expect(callsTo(PROBE.everyone)).toBe(20);
  });
});

describe('an unreachable NATS', () => {
  it('fails a request as UNAVAILABLE naming the subject', async () => {
    const servers = `nats://127.0.0.1:${await freePort()}`;
    const bus = new BusClient(busClientProxy({ transport: 'nats', servers, name: 'bus-spec' }));
    try {
      const error = await failure(bus.request(PROBE.echo, {}, { timeoutMs: 5_000 }));
      expect(error.code).toBe('UNAVAILABLE');
      expect(error.message).toContain(PROBE.echo);
    } finally {
      await bus.onApplicationShutdown();
    }
  });
});
