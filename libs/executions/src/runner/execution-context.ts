import { boundOutput, type ExecutionLog, type OutputBatch } from '@monitor/domain';
import { Redactor } from '@monitor/secrets';
import { LiveOutput, type OutputSink } from './live-output';

export interface StageOutput {
  stdout?: string;
  stderr?: string;
  /** Defaults to true; a stage that did not throw may still report failure. */
  success?: boolean;
}

/** A stage that failed: the execution stops there, and the Update says which stage and why. */
export class StageFailed extends Error {
  constructor(
    readonly stage: string,
    message: string,
  ) {
    super(message);
  }
}

/**
 * What an execution's work gets: stages that are logged (secrets masked, bounded as
 * boundOutput) as they end, the running stage's output as it is printed (`output`), and a
 * place to record data for later (e.g. what a Deploy deployed, for a rollback).
 */
export class ExecutionContext {
  readonly redactor = new Redactor();
  private readonly live: LiveOutput;

  constructor(
    private readonly appendLog: (log: ExecutionLog) => Promise<void>,
    private readonly recordData: (data: Record<string, unknown>) => Promise<void>,
    appendOutput: (batch: OutputBatch) => Promise<void> = async () => undefined,
  ) {
    this.live = new LiveOutput(appendOutput, (line) => this.redactor.redact(line));
  }

  /**
   * Where a running stage's output goes (ServerAgents.stream): masked line by line, appended to
   * the Update in batches, superseded by the stage's log when it ends.
   */
  get output(): OutputSink {
    return this.live.write;
  }

  /** Masks this value in every log line from now on. */
  secret(value: string): void {
    this.redactor.add(value);
  }

  async stage(
    stage: string,
    command: string,
    work: () => Promise<StageOutput | void>,
  ): Promise<StageOutput> {
    const start = Date.now();
    try {
      const output = (await work()) ?? {};
      const success = output.success ?? true;
      await this.log(stage, command, output.stdout ?? '', output.stderr ?? '', success, start);
      if (!success) throw new StageFailed(stage, output.stderr || `${stage} failed`);
      return output;
    } catch (error) {
      if (error instanceof StageFailed) throw error;
      const message = error instanceof Error ? error.message : String(error);
      await this.log(stage, command, '', message, false, start);
      throw new StageFailed(stage, message);
    }
  }

  /**
   * Adds logs made elsewhere (the agent's own stages), masked; a failed one stops the execution
   * after all are logged.
   */
  async appendLogs(logs: ExecutionLog[]): Promise<void> {
    await this.live.settle();
    for (const log of logs) {
      await this.write({
        ...log,
        command: this.redactor.redact(log.command),
        stdout: this.bounded(log.stdout),
        stderr: this.bounded(log.stderr),
      });
    }
    const failed = logs.find((log) => !log.success);
    if (failed) throw new StageFailed(failed.stage, failed.stderr || `${failed.stage} failed`);
  }

  /** Once the work is over: output not sent yet is dropped, output being sent waited for. */
  settle(): Promise<void> {
    return this.live.settle();
  }

  record(data: Record<string, unknown>): Promise<void> {
    return this.recordData(data);
  }

  private async log(
    stage: string,
    command: string,
    stdout: string,
    stderr: string,
    success: boolean,
    start: number,
  ) {
    await this.live.settle();
    return this.write({
      stage,
      command: this.redactor.redact(command),
      stdout: this.bounded(stdout),
      stderr: this.bounded(stderr),
      success,
      start_ts: start,
      end_ts: Date.now(),
    });
  }

  private write(log: ExecutionLog): Promise<void> {
    return this.appendLog(log);
  }

  /** A stage's text as its streamed output was stored: masked, then bounded. */
  private bounded(text: string): string {
    return boundOutput(this.redactor.redact(text));
  }
}
