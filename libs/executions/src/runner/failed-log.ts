import type { ExecutionLog } from '@monitor/domain';

/** A log line made by the runner itself, not by a stage: why an execution ended failed, now. */
export function failedLog(stage: string, message: string): ExecutionLog {
  const now = Date.now();
  return {
    stage,
    command: '',
    stdout: '',
    stderr: message,
    success: false,
    start_ts: now,
    end_ts: now,
  };
}
