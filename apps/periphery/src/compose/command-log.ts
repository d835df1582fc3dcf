import { existsSync } from 'node:fs';
import { liveLines } from '../api/output-lines';
import type { Log } from '../docker/docker-shapes';
import { commandEnv } from './command-env';
import { runProcessGroup, type StopReason } from '@monitor/process';

export interface CommandOptions {
  /** Working directory of the program (the stack's directory). */
  cwd: string;
  /**
   * Added to the allowed names of the agent's own environment (credentials travel here, never
   * in argv).
   */
  env?: Record<string, string>;
  /** Values to replace with `***` in the displayed command, stdout and stderr. */
  secrets?: string[];
  /** Milliseconds before the program is killed; compose pulls can be slow. */
  timeoutMs?: number;
  /**
   * False for a program whose output is read rather than shown (`compose config` prints the
   * interpolated files): it is then never streamed to the caller.
   */
  live?: boolean;
  /** Kills the program, and whatever it started, when it aborts (a cancelled build). */
  signal?: AbortSignal;
}

const MAX_OUTPUT_LENGTH = 32 * 1024 * 1024;
const DEFAULT_TIMEOUT_MS = 10 * 60_000;

/**
 * Runs a program with an argument array (never a shell, so no value is ever parsed as syntax)
 * and records it as Komodo's Log. A non-zero exit is a failed Log, not an exception: the core
 * stores what happened in the Update. When the caller asked for a stream, each line goes to it
 * (masked) as the program prints it. The program sees only the allowed names of the agent's
 * environment (commandEnv) and what the caller gives; a cancel or the timeout stops it with
 * everything it started (runProcessGroup).
 */
export async function runCommand(
  stage: string,
  file: string,
  args: string[],
  options: CommandOptions,
): Promise<Log> {
  const mask = masker(options.secrets ?? []);
  const command = mask([file, ...args].map(displayArg).join(' '));
  const start_ts = Date.now();
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const [out, err] =
    options.live === false
      ? []
      : [liveLines(stage, 'stdout', mask), liveLines(stage, 'stderr', mask)];
  const ran = await runProcessGroup(file, args, {
    cwd: options.cwd,
    env: commandEnv(process.env, options.env),
    timeoutMs,
    maxOutputLength: MAX_OUTPUT_LENGTH,
    signal: options.signal,
    onStdout: out && ((chunk) => out.write(chunk)),
    onStderr: err && ((chunk) => err.write(chunk)),
  });
  out?.end();
  err?.end();
  const failed = ran.code !== 0 || ran.error !== undefined || ran.stopped !== undefined;
  let stderr = ran.stderr;
  // A program that could not start or was killed says nothing on stderr itself.
  if (ran.error && !stderr)
    stderr = startFailure(ran.error, file, options.cwd) ?? ran.error.message;
  else if (failed && !stderr)
    stderr = `${file} ended with ${ran.code === null ? 'a signal' : `exit code ${ran.code}`}`;
  if (ran.stopped) stderr += `\n${STOPPED[ran.stopped](timeoutMs)}`;
  return {
    stage,
    command,
    stdout: mask(ran.stdout),
    stderr: mask(stderr),
    success: !failed,
    start_ts,
    end_ts: Date.now(),
  };
}

/** What the Log says of a program stopped before it ended by itself. */
const STOPPED: Record<StopReason, (timeoutMs: number) => string> = {
  timeout: (ms) => `killed after ${ms} ms, with everything it started`,
  cancelled: () => 'cancelled: killed with everything it started',
  output: () => `killed: it printed more than ${MAX_OUTPUT_LENGTH / 1024 / 1024} MiB`,
};

/**
 * Node says `spawn sh ENOENT` both when the program is missing and when the folder it was to run
 * in is: say which.
 */
function startFailure(error: { code?: unknown }, file: string, cwd: string): string | undefined {
  if (error.code !== 'ENOENT') return undefined;
  return existsSync(cwd)
    ? `'${file}' was not found on this agent's PATH`
    : `the folder ${cwd} does not exist on this agent (a path of the stack that is not there yet?)`;
}

/** Replaces every secret (longest first, so one inside another is not half-masked). */
export function masker(secrets: string[]): (text: string) => string {
  const values = secrets.filter((s) => s.length > 0).sort((a, b) => b.length - a.length);
  return (text) => values.reduce((out, secret) => out.split(secret).join('***'), text);
}

/**
 * Quotes an argument the way a shell would need it, for display only: the agent runs nothing
 * through a shell but the user's own commands.
 */
export function displayArg(arg: string): string {
  return /^[a-zA-Z0-9_./:=@%+-]+$/.test(arg) ? arg : `'${arg.replace(/'/g, `'\\''`)}'`;
}
