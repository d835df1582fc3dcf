import { updateStream, type DomainEvent } from '@monitor/domain';
import { ReadModel } from '@monitor/projections';
import { RunningExecutions, whenCompleted } from './running-executions';

/** An Update event as any replica's read model gets it from the shared log. */
const feed = (readModel: ReadModel, updateId: string, event: DomainEvent, position: number) =>
  readModel.apply({
    ...event,
    id: `e${position}`,
    stream: updateStream(updateId),
    revision: position - 1,
    position,
    schemaVersion: 1,
    metadata: { userId: 'u', via: 'api', correlationId: 'c', causationId: 'c', at: position },
  });
const started = (
  id: string,
  operation: string,
  target: { type: 'Build' | 'Repo'; id: string },
): DomainEvent => ({
  type: 'UpdateStarted',
  data: { id, operation, target, queued: false, ts: 1 },
});
const build = (id: string) => ({ type: 'Build' as const, id });
const repo = (id: string) => ({ type: 'Repo' as const, id });
const builds = (readModel: ReadModel) =>
  new RunningExecutions(readModel, { operation: 'CancelBuild', target: 'Build' });
const repoBuilds = (readModel: ReadModel) =>
  new RunningExecutions(readModel, { operation: 'CancelRepoBuild', target: 'Repo' });

describe('RunningExecutions: a cancel seen in the read model stops what this process runs', () => {
  it('aborts the running build of that Build only, whichever replica started the cancel', () => {
    const readModel = new ReadModel();
    const running = builds(readModel);
    const b1 = running.begin('b1');
    const b2 = running.begin('b2');
    feed(readModel, 'c1', started('c1', 'CancelBuild', build('b1')), 1);
    expect([b1.signal.aborted, b2.signal.aborted]).toEqual([true, false]);
    running.onModuleDestroy();
  });

  it('aborts a repo build on a CancelRepoBuild only, never on a CancelBuild of the same id', () => {
    const readModel = new ReadModel();
    const running = repoBuilds(readModel);
    const r1 = running.begin('r1');
    feed(readModel, 'c1', started('c1', 'CancelBuild', build('r1')), 1);
    feed(readModel, 'c2', started('c2', 'CancelRepoBuild', repo('r2')), 2);
    expect(r1.signal.aborted).toBe(false);
    feed(readModel, 'c3', started('c3', 'CancelRepoBuild', repo('r1')), 3);
    expect(r1.signal.aborted).toBe(true);
    running.onModuleDestroy();
  });

  it('ignores other executions, and an execution that ended is not aborted', () => {
    const readModel = new ReadModel();
    const running = builds(readModel);
    const b1 = running.begin('b1');
    feed(readModel, 'r1', started('r1', 'RunBuild', build('b1')), 1);
    expect(b1.signal.aborted).toBe(false);
    b1.end();
    feed(readModel, 'c1', started('c1', 'CancelBuild', build('b1')), 2);
    expect(b1.signal.aborted).toBe(false);
    expect(running.begin('b1').signal.aborted).toBe(false);
    running.onModuleDestroy();
  });

  it('stops listening once closed', () => {
    const readModel = new ReadModel();
    const running = repoBuilds(readModel);
    const r1 = running.begin('r1');
    running.onModuleDestroy();
    feed(readModel, 'c1', started('c1', 'CancelRepoBuild', repo('r1')), 1);
    expect(r1.signal.aborted).toBe(false);
  });

  it('runs one execution of a target at a time', () => {
    const running = repoBuilds(new ReadModel());
    running.begin('r1');
    expect(() => running.begin('r1')).toThrow(/Repo 'r1' is already running/);
  });
});

describe('whenCompleted: a cancel waits for what it stops', () => {
  it('resolves true once the Update completes, false when the wait runs out', async () => {
    const readModel = new ReadModel();
    feed(readModel, 'u1', started('u1', 'BuildRepo', repo('r1')), 1);
    const waiting = whenCompleted(readModel, 'u1', 5_000);
    feed(readModel, 'u1', { type: 'UpdateCompleted', data: { success: false, ts: 2 } }, 2);
    await expect(waiting).resolves.toBe(true);
    feed(readModel, 'u2', started('u2', 'BuildRepo', repo('r2')), 3);
    await expect(whenCompleted(readModel, 'u2', 20)).resolves.toBe(false);
  });
});
