import { spawn } from 'node:child_process';
import { GitRemoteError } from './remote';

export interface GitRun {
  cwd: string;
  env: Record<string, string>;
  timeoutMs: number;
  /** Bytes of stdout kept; past it git is stopped and `truncated` says so. */
  maxStdout: number;
  /** Masks secrets in what an error repeats of git's output. */
  mask: (text: string) => string;
  /** Written to git's stdin (`hash-object --stdin`); none when absent. */
  stdin?: Buffer;
}

export interface GitOutput {
  code: number | null;
  stdout: Buffer;
  stderr: string;
  truncated: boolean;
}

/** stderr kept for an error message: git's reason is in its first lines. */
const MAX_STDERR = 16 * 1024;

/**
 * Runs git with an argument array (no shell) and its own environment, killed at the timeout
 * (a GitRemoteError naming the step) or once stdout passes its cap.
 */
export function runGit(args: string[], run: GitRun): Promise<GitOutput> {
  return new Promise((resolve, reject) => {
    const child = spawn('git', args, {
      cwd: run.cwd,
      env: run.env,
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    // git may exit before reading it all: its exit code says why.
    child.stdin.on('error', () => undefined);
    child.stdin.end(run.stdin);
    const chunks: Buffer[] = [];
    let size = 0;
    let stderr = '';
    let truncated = false;
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      child.kill('SIGKILL');
    }, run.timeoutMs);
    child.stdout.on('data', (chunk: Buffer) => {
      if (truncated) return;
      chunks.push(chunk);
      size += chunk.length;
      if (size > run.maxStdout) {
        truncated = true;
        child.kill('SIGKILL');
      }
    });
    child.stderr.on('data', (chunk: Buffer) => {
      if (stderr.length < MAX_STDERR) stderr += chunk.toString('utf8');
    });
    child.on('error', (error) => {
      clearTimeout(timer);
      reject(new GitRemoteError('GIT_FAILED', `git could not run: ${error.message}`));
    });
    child.on('close', (code) => {
      clearTimeout(timer);
      if (timedOut)
        return reject(
          new GitRemoteError(
            'GIT_TIMEOUT',
            `git ${args[0]} took longer than ${run.timeoutMs / 1000} s`,
          ),
        );
      resolve({ code, stdout: Buffer.concat(chunks), stderr: run.mask(stderr), truncated });
    });
  });
}

/** One git step's stdout (`name` for messages); a failure is a GitRemoteError with git's (masked) reason. */
export async function gitStep(name: string, args: string[], run: GitRun): Promise<Buffer> {
  const output = await runGit(args, run);
  if (output.code === 0 && !output.truncated) return output.stdout;
  const reason = output.truncated ? 'printed more than expected' : explain(output.stderr);
  throw new GitRemoteError('GIT_FAILED', `git ${name} failed: ${reason}`);
}

/** git words a refused login as a failed prompt; say what it means. */
function explain(stderr: string): string {
  const text = stderr.trim() || 'no message';
  if (/could not read Username|Authentication failed|\b401\b/.test(text))
    return `${text}\nthe git server refused the credentials (HTTP 401): check the token and username`;
  return text;
}
