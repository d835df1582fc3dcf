import { rm } from 'node:fs/promises';
import { packageFolders, writeActionFiles, type ActionContext } from './action-files';
import { runProcessGroup, type ProcessOutcome } from '@monitor/process';

/** Node 20 has the permission model behind `--experimental-permission`; Node 23.5 on, `--permission`. */
const PERMISSION_FLAG = process.allowedNodeEnvironmentFlags.has('--permission')
  ? '--permission'
  : '--experimental-permission';

export interface SandboxLimits {
  timeoutMs: number;
  memoryMb: number;
}

export interface SandboxRun {
  fileContents: string;
  context: ActionContext;
  limits: SandboxLimits;
  signal?: AbortSignal;
  /** Whole lines as the script prints them. */
  onLine: (stream: 'stdout' | 'stderr', line: string) => void;
}

/** What of a script's output the core keeps (it streams it live); past it the script is stopped. */
const MAX_OUTPUT_LENGTH = 8 * 1024 * 1024;

export interface SandboxOutcome {
  stdout: string;
  stderr: string;
  /** Why the run failed; none when the script ended with code 0. */
  failure?: string;
}

/**
 * Runs an Action's script in a Node process of its own under Node's permission model: it reads
 * only its folder and the client packages, writes only its folder, starts no process or worker,
 * has a heap cap, a time limit and an environment with nothing of Monitor's. Its folder (and
 * the API key in it) is removed whatever happens.
 */
export async function runInSandbox(run: SandboxRun): Promise<SandboxOutcome> {
  const { folder, main } = await writeActionFiles(run.fileContents, run.context);
  const partial = { stdout: '', stderr: '' };
  const lines = (stream: 'stdout' | 'stderr') => (chunk: string) => {
    const whole = (partial[stream] + chunk).split('\n');
    partial[stream] = whole.pop() ?? '';
    for (const line of whole) run.onLine(stream, line);
  };
  try {
    const reads = [folder, ...packageFolders()].map((path) => `--allow-fs-read=${path}/*`);
    const outcome = await runProcessGroup(
      process.execPath,
      [
        PERMISSION_FLAG,
        ...reads,
        `--allow-fs-write=${folder}/*`,
        `--max-old-space-size=${run.limits.memoryMb}`,
        '--no-warnings',
        main,
      ],
      {
        cwd: folder,
        env: { PATH: process.env.PATH ?? '/usr/bin:/bin', HOME: folder },
        timeoutMs: run.limits.timeoutMs,
        maxOutputLength: MAX_OUTPUT_LENGTH,
        signal: run.signal,
        onStdout: lines('stdout'),
        onStderr: lines('stderr'),
      },
    );
    for (const stream of ['stdout', 'stderr'] as const)
      if (partial[stream]) run.onLine(stream, partial[stream]);
    const { stdout, stderr } = outcome;
    return { stdout, stderr, failure: failureOf(outcome, stderr, run.limits) };
  } finally {
    await rm(folder, { recursive: true, force: true });
  }
}

/** Why the script failed, in words a user can act on. */
export function failureOf(
  outcome: ProcessOutcome,
  stderr: string,
  limits: SandboxLimits,
): string | undefined {
  if (outcome.error) return `could not start node: ${outcome.error.message}`;
  if (outcome.stopped === 'timeout')
    return `stopped after ${Math.round(limits.timeoutMs / 1000)} s`;
  if (outcome.stopped === 'cancelled') return 'cancelled';
  if (outcome.stopped === 'output')
    return `stopped: printed more than ${MAX_OUTPUT_LENGTH / 1024 / 1024} MiB`;
  if (/heap out of memory|Reached heap limit/.test(stderr))
    return `out of memory (${limits.memoryMb} MB)`;
  const denied = /ERR_ACCESS_DENIED[\s\S]*?permission: '(\w+)',\s*resource: '([^']*)'/.exec(stderr);
  if (denied) return `permission refused: ${denied[1]} of ${denied[2]}`;
  if (stderr.includes('ERR_ACCESS_DENIED')) return 'permission refused';
  if (outcome.code !== 0)
    return outcome.code === null
      ? `ended by ${outcome.signal ?? 'a signal'}`
      : `exited with code ${outcome.code}`;
  return undefined;
}
