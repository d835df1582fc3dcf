import { MemoryEventStore } from '@monitor/eventstore';
import { ReadModel } from '@monitor/projections';
import { ExecutionRunner } from './execution-runner';

const meta = { userId: 'u1', via: 'api' as const, correlationId: 'c1' };
const target = { type: 'Server', id: 's1' };

describe('ExecutionRunner', () => {
  let store: MemoryEventStore;
  let readModel: ReadModel;
  let runner: ExecutionRunner;

  beforeEach(() => {
    store = new MemoryEventStore();
    readModel = new ReadModel();
    readModel.start(store);
    runner = new ExecutionRunner(store, readModel);
  });
  afterEach(async () => {
    await readModel.stop();
    await store.close();
  });

  const update = async (id: string) => {
    await readModel.waitFor(await store.headPosition());
    return readModel.update(id)!;
  };

  it('answers at once, logs each stage and completes', async () => {
    const started = await runner.start({
      operation: 'PruneImages',
      target,
      meta,
      work: async (ctx) => {
        await ctx.stage('prune', 'docker image prune', async () => ({ stdout: 'removed 2' }));
        await ctx.record({ image: 'app:1' });
      },
    });
    expect(await started.done).toBe(true);
    const done = await update(started.id);
    expect(done).toMatchObject({
      status: 'Complete',
      success: true,
      operator: 'u1',
      operation: 'PruneImages',
    });
    expect(done.logs.map((l) => [l.stage, l.stdout])).toEqual([['prune', 'removed 2']]);
    expect(JSON.parse(done.other_data!)).toEqual({ image: 'app:1' });
  });

  it('queues a second execution on the same resource until the first ends', async () => {
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const order: string[] = [];
    const first = await runner.start({
      operation: 'A',
      target,
      meta,
      work: async () => {
        order.push('a-start');
        await gate;
        order.push('a-end');
      },
    });
    const second = await runner.start({
      operation: 'B',
      target,
      meta,
      work: async () => void order.push('b'),
    });
    const other = await runner.start({
      operation: 'C',
      target: { type: 'Server', id: 's2' },
      meta,
      work: async () => void order.push('c'),
    });
    expect((await update(second.id)).status).toBe('Queued');
    await other.done;
    release();
    await Promise.all([first.done, second.done]);
    expect(order).toEqual(['a-start', 'c', 'a-end', 'b']);
    expect((await update(second.id)).status).toBe('Complete');
  });

  it('stops at a failed stage, says which, and masks secrets', async () => {
    const started = await runner.start({
      operation: 'Deploy',
      target,
      meta,
      work: async (ctx) => {
        ctx.secret('hunter2-secret');
        await ctx.stage('pull', 'pull with hunter2-secret', async () => ({
          stdout: 'token hunter2-secret ok',
        }));
        await ctx.stage('create', 'create', async () => {
          throw new Error('no such image (hunter2-secret)');
        });
        await ctx.stage('start', 'start', async () => ({ stdout: 'never' }));
      },
    });
    expect(await started.done).toBe(false);
    const done = await update(started.id);
    expect(done.success).toBe(false);
    expect(done.logs.map((l) => [l.stage, l.success])).toEqual([
      ['pull', true],
      ['create', false],
    ]);
    expect(done.logs[1].stderr).toBe('no such image (*****)');
    expect(JSON.stringify(done)).not.toContain('hunter2-secret');
  });

  /** The event types of each append to the Update's stream, in order. */
  const appendsTo = (id: string) => {
    const appends: string[][] = [];
    const append = store.append.bind(store);
    jest.spyOn(store, 'append').mockImplementation(async (stream, events, expected) => {
      if (stream === `update-${id}`) appends.push(events.map((e) => e.type));
      return append(stream, events, expected);
    });
    return appends;
  };

  it('marks executions left unfinished by a crash as interrupted, in one append', async () => {
    const never = new Promise<void>(() => undefined);
    const started = await runner.start({ operation: 'Deploy', target, meta, work: () => never });
    await readModel.waitFor(await store.headPosition());
    const appends = appendsTo(started.id);
    const afterRestart = new ExecutionRunner(store, readModel);
    expect(await afterRestart.interruptUnfinished(['Server'], meta)).toBe(1);
    const done = await update(started.id);
    expect(done).toMatchObject({ status: 'Complete', success: false });
    expect(done.logs.at(-1)?.stderr).toContain('interrupted');
    expect(appends).toEqual([['UpdateLogAppended', 'UpdateCompleted']]);
  });

  it('logs an error after the stages, with the completion, in one append', async () => {
    const id = 'error-1';
    const appends = appendsTo(id);
    const started = await runner.start({
      operation: 'A',
      target,
      meta: { ...meta, updateId: id },
      work: async (ctx) => {
        await ctx.stage('last', '', async () => ({ stdout: 'done' }));
        throw new Error('lost the agent');
      },
    });
    expect(await started.done).toBe(false);
    expect(appends.at(-1)).toEqual(['UpdateLogAppended', 'UpdateCompleted']);
    const done = await update(id);
    expect(done.logs.map((l) => [l.stage, l.success])).toEqual([
      ['last', true],
      ['error', false],
    ]);
    expect(done.logs[1].stderr).toContain('lost the agent');
  });
});
