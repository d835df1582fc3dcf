import { Inject, Module, type INestMicroservice } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { MessagePattern } from '@nestjs/microservices';
import {
  BusClient,
  BusController,
  busClientProxy,
  busTransport,
  execSubject,
  InProcessBroker,
} from '@monitor/bus';
import type { CommandMeta, WriteResult } from '@monitor/resources';
import { FakeExecutions } from '../fake/fake-executions';
import { completion, runExecution, startExecution, type ExecutionCall } from './execution-requests';

const meta: CommandMeta = { userId: 'u1', via: 'procedure', correlationId: 'c1' };
const HARNESS = Symbol('HARNESS');

/** A service running `PruneImages { server }` on the fake agent, as the deployer runs it. */
@BusController()
class PruneController {
  constructor(@Inject(HARNESS) private readonly x: FakeExecutions) {}

  @MessagePattern(execSubject('Server', 'PruneImages'))
  async prune({ params, meta }: { params: { server: string }; meta: CommandMeta }) {
    const server = { id: params.server, name: params.server };
    const { id, position } = await this.x.runner.start({
      operation: 'PruneImages',
      target: { type: 'Server', id: server.id },
      meta,
      work: this.x.agentStage(server, 'PruneImages'),
    });
    return { id, position } satisfies WriteResult;
  }
}

describe('run an execution over the bus and wait for its Update', () => {
  let x: FakeExecutions;
  let service: INestMicroservice;
  let bus: BusClient;
  const prune = (server: string): ExecutionCall => ({
    kind: 'Server',
    execution: 'PruneImages',
    params: { server },
    meta,
  });

  beforeEach(async () => {
    x = new FakeExecutions();
    const broker = new InProcessBroker();
    @Module({ controllers: [PruneController], providers: [{ provide: HARNESS, useValue: x }] })
    class ServiceModule {}
    service = await NestFactory.createMicroservice(ServiceModule, {
      ...busTransport({ transport: 'in-process', broker }),
      logger: false,
    });
    await service.listen();
    bus = new BusClient(busClientProxy({ transport: 'in-process', broker }));
    await bus.onApplicationBootstrap();
  });
  afterEach(async () => {
    await bus.onApplicationShutdown();
    await service.close();
    await x.close();
  });

  it('starts: answers the Update at once, queued behind a running one', async () => {
    const release = x.agent.hold('PruneImages');
    const first = await startExecution({ bus, readModel: x.readModel }, prune('s1'));
    const second = await startExecution({ bus, readModel: x.readModel }, prune('s1'));
    expect([first.status, second.status]).toEqual(['InProgress', 'Queued']);
    expect(second).toMatchObject({ operation: 'PruneImages', operator: 'u1', via: 'procedure' });
    release();
    const done = await completion(x.readModel, second.id);
    expect(done.success).toBe(true);
  });

  it('runs: resolves once the Update is complete, with its logs', async () => {
    const release = x.agent.hold('PruneImages');
    let finished = false;
    const run = runExecution({ bus, readModel: x.readModel }, prune('s1')).finally(
      () => (finished = true),
    );
    await x.agent.waitForCalls(1);
    await x.settled();
    expect(finished).toBe(false);
    release();
    const update = await run;
    expect(update).toMatchObject({ status: 'Complete', success: true });
    expect(update.logs.map((l) => [l.stage, l.stdout])).toEqual([
      ['PruneImages', 'PruneImages done'],
    ]);
  });

  it('answers a failed execution as its completed Update, not as an error', async () => {
    x.agent.failWith('PruneImages', 'no space left on device');
    const update = await runExecution({ bus, readModel: x.readModel }, prune('s1'));
    expect(update).toMatchObject({ status: 'Complete', success: false });
    expect(update.logs[0].stderr).toBe('no space left on device');
  });

  it('fails when nobody runs the execution, or it outlasts the timeout', async () => {
    await expect(
      runExecution({ bus, readModel: x.readModel }, { ...prune('s1'), execution: 'PruneAll' }),
    ).rejects.toMatchObject({ code: 'UNAVAILABLE' });
    const release = x.agent.hold('PruneImages');
    await expect(
      runExecution({ bus, readModel: x.readModel }, prune('s1'), { timeoutMs: 50 }),
    ).rejects.toMatchObject({ code: 'TIMEOUT', message: expect.stringContaining('50 ms') });
    release();
    expect((await completion(x.readModel, x.readModel.listUpdates()[0].id)).success).toBe(true);
  });
});
