import type { ExecutionLog } from '@monitor/domain';
import { Redactor } from '@monitor/secrets';

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
 * What an execution's work gets: stages that are logged (secrets masked) as they end, and a
 * place to record data for later (e.g. what a Deploy deployed, for a rollback).
 */
export class ExecutionContext {
  readonly redactor = new Redactor();

  constructor(
    private readonly appendLog: (log: ExecutionLog) => Promise<void>,
    private readonly recordData: (data: Record<string, unknown>) => Promise<void>,
  ) {}

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
    for (const log of logs) {
      await this.appendLog({
        ...log,
        command: this.redactor.redact(log.command),
        stdout: this.redactor.redact(log.stdout),
        stderr: this.redactor.redact(log.stderr),
      });
    }
    const failed = logs.find((log) => !log.success);
    if (failed) throw new StageFailed(failed.stage, failed.stderr || `${failed.stage} failed`);
  }

  record(data: Record<string, unknown>): Promise<void> {
    return this.recordData(data);
  }

  private log(
    stage: string,
    command: string,
    stdout: string,
    stderr: string,
    success: boolean,
    start: number,
  ) {
    return this.appendLog({
      stage,
      command: this.redactor.redact(command),
      stdout: this.redactor.redact(stdout),
      stderr: this.redactor.redact(stderr),
      success,
      start_ts: start,
      end_ts: Date.now(),
    });
  }
}
