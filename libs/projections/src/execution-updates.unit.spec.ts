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
});
