import { spawn } from 'node:child_process';

/** How long a stopped script has to end on SIGTERM before its whole group is killed. */
const STOP_GRACE_MS = 1_000;

export interface GroupOptions {
  cwd: string;
  env: Record<string, string>;
  timeoutMs: number;
  signal?: AbortSignal;
  onOutput: (stream: 'stdout' | 'stderr', chunk: string) => void;
}

export interface GroupOutcome {
  /** The exit code, or null when a signal ended it. */
  code: number | null;
  signal: NodeJS.Signals | null;
  stopped?: 'timeout' | 'cancelled';
  error?: Error;
}

/**
 * Runs a program as the leader of its own process group, so that a timeout or a cancel stops
 * all of it (SIGTERM, then SIGKILL). The agent's runProcessGroup does the same, but the core
 * may not import agent code.
 */
export function runInGroup(
  file: string,
  args: string[],
  options: GroupOptions,
): Promise<GroupOutcome> {
  return new Promise((resolve) => {
    const child = spawn(file, args, {
      cwd: options.cwd,
      env: options.env,
      detached: true,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stopped: GroupOutcome['stopped'];
    const stop = (reason: NonNullable<GroupOutcome['stopped']>) => {
      if (stopped || child.pid === undefined) return;
      stopped = reason;
      const pid = child.pid;
      killGroup(pid, 'SIGTERM');
      setTimeout(() => killGroup(pid, 'SIGKILL'), STOP_GRACE_MS).unref();
    };
    const timer = setTimeout(() => stop('timeout'), options.timeoutMs);
    const onAbort = () => stop('cancelled');
    if (options.signal?.aborted) onAbort();
    options.signal?.addEventListener('abort', onAbort, { once: true });
    for (const name of ['stdout', 'stderr'] as const) {
      child[name].setEncoding('utf8');
      child[name].on('data', (chunk: string) => options.onOutput(name, chunk));
    }
    const finish = (outcome: Omit<GroupOutcome, 'stopped'>) => {
      clearTimeout(timer);
      options.signal?.removeEventListener('abort', onAbort);
      resolve({ ...outcome, stopped });
    };
    child.on('error', (error) => finish({ code: null, signal: null, error }));
    child.on('close', (code, signal) => finish({ code, signal }));
  });
}

/** The group may be gone already. */
function killGroup(pid: number, signal: NodeJS.Signals): void {
  try {
    process.kill(-pid, signal);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ESRCH') throw error;
  }
}
