import { OUTPUT_CAPS, splitLines } from '@monitor/domain';
import type { StoredEvent } from '@monitor/eventstore';
import { ExecutionUpdates } from './execution-updates';

let position = 0;
const event = (type: string, data: unknown): StoredEvent =>
  ({
    id: `e${++position}`,
    type,
    data,
    metadata: { userId: 'u1', via: 'api' },
    stream: 'update-x1',
    revision: position,
    position,
    schemaVersion: 1,
  }) as unknown as StoredEvent;

describe('the Updates projection of a running stage', () => {
  it("shows the stage's output so far last, until its log replaces it", () => {
    const updates = new ExecutionUpdates();
    updates.apply(
      event('UpdateStarted', {
        id: 'x1',
        operation: 'DeployStack',
        target: { type: 'Stack', id: 's1' },
        queued: false,
        ts: 10,
      }),
    );
    const batch = (stdout: string) =>
      event('UpdateOutputAppended', { stage: 'compose up', stdout, stderr: '', ts: 20 });
    updates.apply(batch('pulling\n'));
    const running = updates.apply(batch('started\n'))!;
    expect(running.logs).toEqual([
      {
        stage: 'compose up',
        command: '',
        stdout: 'pulling\nstarted\n',
        stderr: '',
        success: false,
        start_ts: 20,
        end_ts: 0,
      },
    ]);
    const log = {
      stage: 'compose up',
      command: 'docker compose up -d',
      stdout: 'pulling\nstarted\n',
      stderr: '',
      success: true,
      start_ts: 20,
      end_ts: 30,
    };
    const ended = updates.apply(event('UpdateLogAppended', { log }))!;
    expect(ended.logs).toEqual([log]);
    expect(ended.success).toBe(true);
  });

  it('holds only the capped tail of a stage printing 100,000 lines, saying how much went', () => {
    const updates = new ExecutionUpdates();
    const start = { id: 'x1', operation: 'RunBuild', target: { type: 'Build', id: 'b1' } };
    updates.apply(event('UpdateStarted', { ...start, queued: false, ts: 10 }));
    const lines = (from: number, count: number) =>
      Array.from({ length: count }, (_, i) => `step ${from + i} of a long build\n`).join('');
    // Batches of 100 lines, then a burst whose batch lost its head on the way (LiveOutput).
    for (let from = 0; from < 90_000; from += 100)
      updates.apply(
        event('UpdateOutputAppended', {
          stage: 'build',
          stdout: lines(from, 100),
          stderr: '',
          ts: 20,
        }),
      );
    const burst = { lines: 9_000, bytes: 9_000 * 30 };
    const record = updates.apply(
      event('UpdateOutputAppended', {
        stage: 'build',
        stdout: lines(99_000, 1_000),
        stderr: '',
        ts: 30,
        dropped: { stdout: burst },
      }),
    )!;
    const held = updates.execution('x1')!.output!.stdout;
    expect(held.lines.length).toBeLessThanOrEqual(OUTPUT_CAPS.lines);
    expect(held.bytes).toBeLessThanOrEqual(OUTPUT_CAPS.bytes);
    expect(held.lines.at(-1)).toBe('step 99999 of a long build');
    expect(held.droppedLines + held.lines.length).toBe(100_000);
    const shown = splitLines(record.logs[0].stdout);
    expect(shown[0]).toBe(
      `[… ${100_000 - held.lines.length} earlier lines (${held.droppedBytes} bytes) dropped: ` +
        `only the last ${held.lines.length} are kept …]`,
    );
    expect(shown.slice(1)).toEqual(held.lines);
  });
});

describe('the Updates projection of an execution a procedure run sent', () => {
  it("names the run's Update as its parent from its start, and keeps it", () => {
    const updates = new ExecutionUpdates();
    const started = {
      ...event('UpdateStarted', {
        id: 'x1',
        operation: 'Deploy',
        target: { type: 'Deployment', id: 'd1' },
        queued: false,
        ts: 10,
      }),
      metadata: { userId: 'u1', via: 'procedure', correlationId: 'c', causationId: 'run1', at: 1 },
    } as StoredEvent;
    expect(JSON.parse(updates.apply(started)!.other_data!)).toEqual({ parent: 'run1' });
    const recorded = updates.apply(event('UpdateDataRecorded', { data: { image: 'web:1' } }))!;
    expect(JSON.parse(recorded.other_data!)).toEqual({ parent: 'run1', image: 'web:1' });
    expect(updates.startPosition('x1')).toBe(started.position);
    expect(recorded.position).toBeGreaterThan(started.position);
  });

  it('names no parent for an execution a user sent', () => {
    const updates = new ExecutionUpdates();
    const started = event('UpdateStarted', {
      id: 'x1',
      operation: 'Deploy',
      target: { type: 'Deployment', id: 'd1' },
      queued: false,
      ts: 10,
    });
    expect(updates.apply(started)!.other_data).toBeUndefined();
  });
});

describe("the Updates projection of procedure runs (their Update is their stream's)", () => {
  const runEvent = (run: string, type: string, data: unknown): StoredEvent =>
    ({
      ...event(type, data),
      stream: `procedurerun-${run}`,
      metadata: { userId: 'alice', via: 'procedure', causationId: 'parent-run' },
    }) as StoredEvent;
  const queue = (run: string, projectedUpdate?: true) =>
    runEvent(run, 'RunQueued', {
      runId: run,
      procedureId: 'p1',
      updateId: run,
      stages: [{ name: 'only', enabled: true, executions: [] }],
      starter: { by: 'procedure', userId: 'alice', parentUpdateId: 'parent-run' },
      ts: 5,
      ...(projectedUpdate ? { projectedUpdate } : {}),
    });

  it('shows a run as its Update, Queued behind an unfinished one of its procedure, linked to its parent', () => {
    const updates = new ExecutionUpdates();
    const first = updates.apply(queue('r1', true))!;
    expect(first).toMatchObject({
      id: 'r1',
      operation: 'RunProcedure',
      status: 'InProgress',
      operator: 'alice',
      target: { type: 'Procedure', id: 'p1' },
    });
    expect(JSON.parse(first.other_data!)).toEqual({ parent: 'parent-run' });
    const second = queue('r2', true);
    expect(updates.apply(second)).toMatchObject({ id: 'r2', status: 'Queued' });
    expect(updates.startPosition('r2')).toBe(second.position);
    const end = { success: true, ts: 9 };
    expect(updates.apply(runEvent('r1', 'RunFinished', end))).toMatchObject({
      status: 'Complete',
      success: true,
      end_ts: 9,
    });
    expect(updates.unfinished().map((x) => x.id)).toEqual(['r2']);
    updates.apply(runEvent('r2', 'RunFinished', end));
    expect(updates.apply(queue('r3', true))).toMatchObject({ status: 'InProgress' });
  });

  it('leaves a run recorded before to the Update it wrote apart', () => {
    const updates = new ExecutionUpdates();
    expect(updates.apply(queue('old'))).toBeUndefined();
    expect(updates.apply(runEvent('old', 'RunFinished', { success: true, ts: 9 }))).toBeUndefined();
    expect(updates.execution('old')).toBeUndefined();
  });
});
