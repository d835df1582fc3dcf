import {
  updateCommandsDecider,
  updateStream,
  type ExecutionLog,
  type UpdateCommand,
} from '@monitor/domain';
import type { EventStore } from '@monitor/eventstore';
import { ExecutionContext, failedLog, StageFailed } from '@monitor/executions';
import { handleCommand, type CommandMeta } from '@monitor/resources';

/**
 * The Update of a run another process started, written here as the execution runner writes its
 * own: stages logged through an ExecutionContext, then completed once, however the work ended.
 */
export class ResumedUpdate {
  readonly ctx: ExecutionContext;
  /**
   * The logs the Update holds from the process that drove the run before: an execution that
   * ended there, before its stage did, is waited for again here, and is not told twice.
   */
  private readonly told = new Set<string>();

  constructor(
    private readonly store: EventStore,
    private readonly id: string,
    private readonly meta: CommandMeta,
  ) {
    this.ctx = new ExecutionContext(
      async (log) => {
        if (!this.told.has(tellingOf(log))) await this.send({ type: 'AppendLog', log });
      },
      async (data) => void (await this.send({ type: 'RecordData', data })),
      async (batch) => void (await this.send({ type: 'AppendOutput', ...batch })),
    );
  }

  /** Runs the work on the Update (running it if it was still queued) and completes it. */
  async run(work: (ctx: ExecutionContext) => Promise<void>): Promise<boolean> {
    const { state } = await this.send({ type: 'Run', ts: Date.now() });
    if (state.status === 'Active')
      for (const log of state.execution.logs) this.told.add(tellingOf(log));
    let success = true;
    let failure: unknown;
    try {
      await work(this.ctx);
    } catch (error) {
      success = false;
      failure = error;
    }
    await this.ctx.settle();
    // Written with the completion, as the runner does: the logs held, then the work's error.
    const logs = this.ctx.takeHeld().filter((log) => !this.told.has(tellingOf(log)));
    if (!success && !(failure instanceof StageFailed))
      logs.push(this.failed('error', String(failure)));
    await this.send(...appendsOf(logs), { type: 'Complete', success, ts: Date.now() });
    return success;
  }

  /** Logs why the run ended here (interrupted, or never recorded) and completes it failed. */
  async end(stage: string, reason: string): Promise<void> {
    const log = this.failed(stage, reason);
    await this.send(...appendsOf([log]), { type: 'Complete', success: false, ts: Date.now() });
  }

  private failed(stage: string, message: string): ExecutionLog {
    return failedLog(stage, this.ctx.redactor.redact(message));
  }

  /** The commands' events as one append. */
  private send(...commands: UpdateCommand[]) {
    return handleCommand(
      this.store,
      updateStream(this.id),
      updateCommandsDecider,
      commands,
      this.meta,
    );
  }
}

function appendsOf(logs: ExecutionLog[]): UpdateCommand[] {
  return logs.map((log) => ({ type: 'AppendLog', log }));
}

/** What a log tells: its stage (a run's names the execution) and how it ended. */
function tellingOf(log: ExecutionLog): string {
  return JSON.stringify([log.stage, log.stdout, log.stderr, log.success]);
}
