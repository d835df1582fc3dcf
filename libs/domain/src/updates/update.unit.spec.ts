import { deciderSpec } from '@monitor/testing';
import { decideUpdate, evolveUpdate, updateCommandsDecider, type ExecutionState } from './update';

const spec = deciderSpec({
  decide: decideUpdate,
  evolve: evolveUpdate,
  initialState: (): ExecutionState => ({ status: 'Empty' }),
});
const target = { type: 'Server', id: 's1' };
const started = (queued: boolean) => ({
  type: 'UpdateStarted',
  data: { id: 'u1', operation: 'PruneImages', target, queued, ts: 1 },
});
const log = {
  stage: 'prune',
  command: '',
  stdout: 'ok',
  stderr: '',
  success: true,
  start_ts: 1,
  end_ts: 2,
};
const completed = { type: 'UpdateCompleted', data: { success: true, ts: 3 } };

describe('execution updates', () => {
  it('starts queued or running', () => {
    spec
      .given([])
      .when({ type: 'Start', id: 'u1', operation: 'PruneImages', target, queued: true, ts: 1 })
      .then([started(true)]);
  });
  it('runs a queued update once', () => {
    spec
      .given([started(true)])
      .when({ type: 'Run', ts: 2 })
      .then([{ type: 'UpdateRunning', data: { ts: 2 } }]);
    spec
      .given([started(false)])
      .when({ type: 'Run', ts: 2 })
      .then([]);
  });
  it('takes logs and completes, then nothing more', () => {
    spec
      .given([started(false)])
      .when({ type: 'AppendLog', log })
      .then([{ type: 'UpdateLogAppended', data: { log } }]);
    spec
      .given([started(false)])
      .when({ type: 'Complete', success: true, ts: 3 })
      .then([completed]);
    spec
      .given([started(false), completed])
      .when({ type: 'AppendLog', log })
      .thenFails('CONFLICT', /already complete/);
  });
  it('fails as soon as one stage fails', () => {
    const failed = { ...log, success: false };
    const state = [started(false), { type: 'UpdateLogAppended', data: { log: failed } }].reduce(
      evolveUpdate,
      { status: 'Empty' } as ExecutionState,
    );
    expect(state.status === 'Active' && state.execution.success).toBe(false);
  });
  it("keeps the running stage's output until its log supersedes it", () => {
    const batch = (stdout: string) => ({ stage: 'compose up', stdout, stderr: '', ts: 5 });
    spec
      .given([started(false)])
      .when({ type: 'AppendOutput', ...batch('one\n') })
      .then([{ type: 'UpdateOutputAppended', data: batch('one\n') }]);
    spec
      .given([started(false)])
      .when({ type: 'AppendOutput', ...batch('') })
      .then([]);
    const fold = (events: { type: string; data: unknown }[]) =>
      events.reduce(evolveUpdate, { status: 'Empty' } as ExecutionState);
    const outputs = [
      started(false),
      ...['one\n', 'two\nthree\n'].map((text) => ({
        type: 'UpdateOutputAppended',
        data: batch(text),
      })),
    ];
    const running = fold(outputs);
    expect(running.status === 'Active' && running.execution.output?.stdout.lines).toEqual([
      'one',
      'two',
      'three',
    ]);
    const ended = fold([...outputs, { type: 'UpdateLogAppended', data: { log } }]);
    expect(ended.status === 'Active' && ended.execution.output).toBeUndefined();
  });
  it('decides several commands in turn, each on the state the one before leaves', () => {
    const commands = deciderSpec(updateCommandsDecider);
    commands
      .given([started(false)])
      .when([
        { type: 'AppendLog', log },
        { type: 'Complete', success: true, ts: 3 },
      ])
      .then([{ type: 'UpdateLogAppended', data: { log } }, completed]);
    // The completion refuses what comes after it, so none of the commands is decided.
    commands
      .given([started(false)])
      .when([
        { type: 'Complete', success: true, ts: 3 },
        { type: 'AppendLog', log },
      ])
      .thenFails('CONFLICT', /already complete/);
  });
});
