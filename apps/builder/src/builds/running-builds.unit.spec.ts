import { updateStream, type DomainEvent } from '@monitor/domain';
import { ReadModel } from '@monitor/projections';
import { RunningBuilds } from './running-builds';

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
const started = (id: string, operation: string, buildId: string): DomainEvent => ({
  type: 'UpdateStarted',
  data: { id, operation, target: { type: 'Build', id: buildId }, queued: false, ts: 1 },
});

describe('RunningBuilds: a CancelBuild seen in the read model stops the build this process runs', () => {
  it('aborts the running build of that Build only, whichever replica started the cancel', () => {
    const readModel = new ReadModel();
    const running = new RunningBuilds(readModel);
    const b1 = running.begin('b1');
    const b2 = running.begin('b2');
    feed(readModel, 'c1', started('c1', 'CancelBuild', 'b1'), 1);
    expect([b1.signal.aborted, b2.signal.aborted]).toEqual([true, false]);
    running.onModuleDestroy();
  });

  it('ignores other executions, and a build that ended is not aborted', () => {
    const readModel = new ReadModel();
    const running = new RunningBuilds(readModel);
    const b1 = running.begin('b1');
    feed(readModel, 'r1', started('r1', 'RunBuild', 'b1'), 1);
    expect(b1.signal.aborted).toBe(false);
    b1.end();
    feed(readModel, 'c1', started('c1', 'CancelBuild', 'b1'), 2);
    expect(b1.signal.aborted).toBe(false);
    expect(running.begin('b1').signal.aborted).toBe(false);
    running.onModuleDestroy();
  });

  it('runs one build of a Build at a time', () => {
    const running = new RunningBuilds(new ReadModel());
    running.begin('b1');
    expect(() => running.begin('b1')).toThrow(/already running/);
  });
});
