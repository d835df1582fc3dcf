import fc from 'fast-check';
import type { CommandMeta } from '@monitor/resources';
import { FakeAgent } from './fake-agent';
import { FakeExecutions } from './fake-executions';

const meta: CommandMeta = { userId: 'u1', via: 'api', correlationId: 'c1' };
const servers = ['s1', 's2', 's3'].map((id) => ({ id, name: `server-${id}` }));
const [one, two] = servers;

describe('execution order, over the in-memory store with a fake agent', () => {
  let x: FakeExecutions;
  beforeEach(() => (x = new FakeExecutions()));
  afterEach(() => x.close());

  const start = (server: (typeof servers)[number], type: string, params: object = {}) =>
    x.runner.start({
      operation: type,
      target: { type: 'Server', id: server.id },
      meta,
      work: x.agentStage(server, type, params),
    });

  it('runs one execution at a time per resource, in the order asked, others beside it', async () => {
    const release = x.agent.hold('Deploy');
    const first = await start(one, 'Deploy');
    const second = await start(one, 'Prune', { n: 2 });
    const third = await start(one, 'Prune', { n: 3 });
    const beside = await start(two, 'Prune', { n: 4 });
    expect(await beside.done).toBe(true);
    await x.settled();
    expect(x.agent.calls.map((c) => [c.server, c.type])).toEqual([
      ['s1', 'Deploy'],
      ['s2', 'Prune'],
    ]);
    expect(x.readModel.update(first.id)?.status).toBe('InProgress');
    expect(x.statuses(second.id)).toEqual(['Queued']);

    release();
    expect(await Promise.all([first.done, second.done, third.done])).toEqual([true, true, true]);
    await x.settled();
    expect(x.agent.calls.map((c) => c.params)).toEqual([{}, { n: 4 }, { n: 2 }, { n: 3 }]);
    expect(x.agent.maxInFlightPerServer).toBe(1);
    expect(x.statuses(first.id)).toEqual(['InProgress', 'Complete']);
    expect(x.statuses(second.id)).toEqual(['Queued', 'InProgress', 'Complete']);
    expect(x.statuses(beside.id)).toEqual(['InProgress', 'Complete']);
  });

  it('queues executions asked at the same moment, in the order asked', async () => {
    const release = x.agent.hold('Prune');
    const started = await Promise.all([1, 2, 3].map((n) => start(one, 'Prune', { n })));
    await x.agent.waitForCalls(1);
    await x.settled();
    expect(started.map((s) => x.statuses(s.id))).toEqual([['InProgress'], ['Queued'], ['Queued']]);
    expect(x.agent.calls).toHaveLength(1);
    release();
    expect(await Promise.all(started.map((s) => s.done))).toEqual([true, true, true]);
    expect(x.agent.calls.map((c) => c.params)).toEqual([{ n: 1 }, { n: 2 }, { n: 3 }]);
    expect(x.agent.maxInFlightPerServer).toBe(1);
  });

  it('goes on with the queue after a failed execution, which says why', async () => {
    await x.close();
    x = new FakeExecutions(
      new FakeAgent(({ type }) => {
        if (type === 'Deploy') throw new Error('agent unreachable');
        return { stdout: 'ok', success: true };
      }),
    );
    const failed = await start(one, 'Deploy');
    const next = await start(one, 'Prune');
    expect([await failed.done, await next.done]).toEqual([false, true]);
    await x.settled();
    const update = x.readModel.update(failed.id)!;
    expect(update).toMatchObject({ status: 'Complete', success: false });
    expect(update.logs.map((l) => [l.stage, l.stderr])).toEqual([['Deploy', 'agent unreachable']]);
    expect(x.statuses(next.id)).toEqual(['Queued', 'InProgress', 'Complete']);
  });

  it('marks what a stopped service left unfinished as interrupted; the restarted one runs at once', async () => {
    x.agent.hold('Deploy');
    const running = await start(one, 'Deploy');
    const queued = await start(one, 'Prune');
    await x.settled();

    const runner = x.restart();
    expect(await runner.interruptUnfinished(['Server'], meta)).toBe(2);
    await x.settled();
    for (const id of [running.id, queued.id]) {
      const update = x.readModel.update(id)!;
      expect(update).toMatchObject({ status: 'Complete', success: false });
      expect(update.logs.at(-1)?.stderr).toContain('interrupted');
    }
    expect(x.statuses(queued.id)).toEqual(['Queued', 'Complete']);

    const after = await start(one, 'Prune');
    expect(await after.done).toBe(true);
    await x.settled();
    expect(x.statuses(after.id)).toEqual(['InProgress', 'Complete']);
    expect(await runner.interruptUnfinished(['Server'], meta)).toBe(0);
  });

  it('keeps each resource first in, first out, however the starts interleave', async () => {
    const asked = fc.record({ server: fc.constantFrom(...servers), awaited: fc.boolean() });
    await fc.assert(
      fc.asyncProperty(fc.array(asked, { minLength: 1, maxLength: 40 }), async (asks) => {
        const run = new FakeExecutions();
        try {
          // Some starts are awaited before the next, others are asked at the same moment.
          const started = [];
          for (const [n, { server, awaited }] of asks.entries()) {
            const starting = run.runner.start({
              operation: 'Prune',
              target: { type: 'Server', id: server.id },
              meta,
              work: run.agentStage(server, 'Prune', { n }),
            });
            started.push(awaited ? await starting : starting);
          }
          const done = await Promise.all((await Promise.all(started)).map((s) => s.done));
          expect(done).not.toContain(false);
          expect(run.agent.maxInFlightPerServer).toBe(1);
          for (const server of servers) {
            const order = [...asks.entries()]
              .filter(([, a]) => a.server === server)
              .map(([n]) => n);
            const ran = run.agent.calls
              .filter((c) => c.server === server.id)
              .map((c) => (c.params as { n: number }).n);
            expect(ran).toEqual(order);
          }
        } finally {
          await run.close();
        }
      }),
      { numRuns: 50 },
    );
  });
});
