import { PeripheryError } from '../api/periphery-error';
import type { Log } from './docker-shapes';

/** A stage's Log, and the error that failed it (for the caller to rethrow when it must). */
export interface StageResult {
  log: Log;
  error?: PeripheryError;
}

/**
 * Runs one stage of an execution and records it as Komodo's Log: what `work` says on success,
 * the error's message on failure. A failure is an answer, not an exception, so the core stores
 * what happened in the Update; callers rethrow the few errors that mean "no such thing".
 */
export async function runStage(
  stage: string,
  command: string,
  work: () => Promise<string>,
): Promise<StageResult> {
  const start_ts = Date.now();
  try {
    const stdout = await work();
    return {
      log: { stage, command, stdout, stderr: '', success: true, start_ts, end_ts: Date.now() },
    };
  } catch (caught) {
    const error =
      caught instanceof PeripheryError
        ? caught
        : new PeripheryError('DOCKER', caught instanceof Error ? caught.message : String(caught));
    const log = { stage, command, stdout: '', stderr: error.message, success: false, start_ts };
    return { log: { ...log, end_ts: Date.now() }, error };
  }
}

/** A stage with nothing to do, recorded so the Update shows it was considered. */
export function skippedStage(stage: string, why: string): Log {
  const now = Date.now();
  return {
    stage,
    command: '',
    stdout: `skipped: ${why}`,
    stderr: '',
    success: true,
    start_ts: now,
    end_ts: now,
  };
}

/** For single-stage requests: the Log, or the error when the container is missing or Docker is. */
export function logOrThrow(result: StageResult): Log {
  const code = result.error?.code;
  if (result.error && (code === 'NOT_FOUND' || code === 'DOCKER_UNAVAILABLE')) throw result.error;
  return result.log;
}
