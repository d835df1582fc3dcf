import type { ExecutionLog } from './update';

/** A log line of no stage's own: why an execution ended failed, at `ts`. */
export function failedLog(stage: string, message: string, ts: number): ExecutionLog {
  return {
    stage,
    command: '',
    stdout: '',
    stderr: message,
    success: false,
    start_ts: ts,
    end_ts: ts,
  };
}
