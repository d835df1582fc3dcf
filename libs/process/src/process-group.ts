import { spawn } from 'node:child_process';

/** How long what a program started has to end on SIGTERM before the whole group is killed. */
export const STOP_GRACE_MS = 1_000;

/** Why a program was stopped before it ended by itself. */
export type StopReason = 'timeout' | 'cancelled' | 'output';

export interface ProcessOptions {
  cwd: string;
  env: Record<string, string>;
  timeoutMs: number;
  /** Characters of output kept per stream; past it the program is stopped. */
  maxOutputLength: number;
  signal?: AbortSignal;
  onStdout?: (chunk: string) => void;
  onStderr?: (chunk: string) => void;
}

export interface ProcessOutcome {
  stdout: string;
  stderr: string;
  /** The exit code, or null when a signal ended it. */
  code: number | null;
  /** The signal that ended it, if one did. */
  signal: NodeJS.Signals | null;
  /** Node's spawn error (`ENOENT`: no such program, or no such folder). */
  error?: NodeJS.ErrnoException;
  stopped?: StopReason;
}

/**
 * Runs a program as the leader of a process group of its own (`detached`), so that a cancel, a
 * timeout or runaway output stops everything it started too: `sh -c 'sleep 100 &'` leaves no
 * sleep behind. The group is sent SIGTERM, then SIGKILL after STOP_GRACE_MS. A program that ends
 * by itself leaves what it started alone (a daemon an on_clone starts on purpose). The agent runs
 * its commands this way, the core an Action's script.
 */
export function runProcessGroup(
  file: string,
  args: string[],
  options: ProcessOptions,
): Promise<ProcessOutcome> {
  return new Promise((resolve) => {
    if (options.signal?.aborted) {
      resolve({ stdout: '', stderr: '', code: null, signal: null, stopped: 'cancelled' });
      return;
    }
    const child = spawn(file, args, {
      cwd: options.cwd,
      env: options.env,
      detached: true,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const output = { stdout: '', stderr: '' };
    let stopped: StopReason | undefined;
    let done = false;
    const stop = (reason: StopReason) => {
      if (stopped || done || child.pid === undefined) return;
      stopped = reason;
      killGroup(child.pid, 'SIGTERM');
      const pid = child.pid;
      setTimeout(() => killGroup(pid, 'SIGKILL'), STOP_GRACE_MS).unref();
    };
    const onAbort = () => stop('cancelled');
    const timer = setTimeout(() => stop('timeout'), options.timeoutMs);
    options.signal?.addEventListener('abort', onAbort, { once: true });
    const finish = (outcome: Omit<ProcessOutcome, 'stdout' | 'stderr' | 'stopped'>) => {
      if (done) return;
      done = true;
      clearTimeout(timer);
      options.signal?.removeEventListener('abort', onAbort);
      resolve({ ...output, ...outcome, stopped });
    };
    for (const name of ['stdout', 'stderr'] as const) {
      const forward = name === 'stdout' ? options.onStdout : options.onStderr;
      child[name].setEncoding('utf8');
      child[name].on('data', (chunk: string) => {
        if (output[name].length + chunk.length > options.maxOutputLength) return stop('output');
        output[name] += chunk;
        forward?.(chunk);
      });
    }
    child.on('error', (error) => finish({ code: null, signal: null, error }));
    // 'close': the program exited and every holder of its output closed it.
    child.on('close', (code, signal) => finish({ code, signal }));
  });
}

/** The group may be gone already (everything in it ended on SIGTERM). */
function killGroup(pid: number, signal: NodeJS.Signals): void {
  try {
    process.kill(-pid, signal);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ESRCH') throw error;
  }
}
