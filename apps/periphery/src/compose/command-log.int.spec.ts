import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCommand } from './command-log';
import { STOP_GRACE_MS } from '@monitor/process';

/**
 * The process groups with a live process now (read with ps). A killed process whose parent had
 * ended is a zombie until init reaps it, which this machine's init does late: it runs nothing.
 */
const groups = () =>
  execFileSync('ps', ['-e', '-o', 'pgid=,stat='], { encoding: 'utf8' })
    .split('\n')
    .map((line) => line.trim().split(/\s+/))
    .filter(([group, stat]) => group && !stat?.startsWith('Z'))
    .map(([group]) => group);

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('runCommand: real programs, their environment, and stopping them', () => {
  let dir: string;
  const marker = () => join(dir, 'marker');
  // Writes its process group (its own pid: it leads one), starts a background sleep that would
  // write the marker later, then waits in the foreground.
  const lingering = () => `echo $$ > group; (sleep 3; touch ${marker()}) & sleep 30`;

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'command-log-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('kills the whole process group on cancel: nothing it started is left, nor writes later', async () => {
    const controller = new AbortController();
    const started = Date.now();
    const ran = runCommand('on clone', 'sh', ['-e', '-c', lingering()], {
      cwd: dir,
      signal: controller.signal,
    });
    await sleep(500);
    const group = readFileSync(join(dir, 'group'), 'utf8').trim();
    expect(groups()).toContain(group);
    controller.abort();
    const log = await ran;
    expect(Date.now() - started).toBeLessThan(500 + STOP_GRACE_MS + 1_000);
    expect(log).toMatchObject({ stage: 'on clone', success: false });
    expect(log.stderr).toMatch(/cancelled: killed with everything it started/);
    expect(groups()).not.toContain(group);
    await sleep(3_500);
    expect(existsSync(marker())).toBe(false);
  }, 15_000);

  it('kills the whole process group on timeout, and says after how long', async () => {
    const log = await runCommand('pre build', 'sh', ['-e', '-c', lingering()], {
      cwd: dir,
      timeoutMs: 500,
    });
    const group = readFileSync(join(dir, 'group'), 'utf8').trim();
    expect(log.success).toBe(false);
    expect(log.stderr).toMatch(/killed after 500 ms, with everything it started/);
    expect(groups()).not.toContain(group);
    await sleep(3_500);
    expect(existsSync(marker())).toBe(false);
  }, 15_000);

  it('kills with SIGKILL what ignores SIGTERM', async () => {
    const controller = new AbortController();
    const ran = runCommand(
      'stubborn',
      'sh',
      ['-c', `echo $$ > group; trap '' TERM; (trap '' TERM; sleep 3; touch ${marker()}) & wait`],
      { cwd: dir, signal: controller.signal },
    );
    await sleep(500);
    controller.abort();
    const log = await ran;
    expect(log.success).toBe(false);
    await sleep(200);
    expect(groups()).not.toContain(readFileSync(join(dir, 'group'), 'utf8').trim());
    await sleep(3_000);
    expect(existsSync(marker())).toBe(false);
  }, 15_000);

  it('runs nothing once already cancelled', async () => {
    const controller = new AbortController();
    controller.abort();
    const log = await runCommand('late', 'sh', ['-c', `touch ${marker()}`], {
      cwd: dir,
      signal: controller.signal,
    });
    expect(log.success).toBe(false);
    expect(existsSync(marker())).toBe(false);
  });

  it("shows a program only the allowed names of the agent's environment, plus the caller's", async () => {
    const saved = { ...process.env };
    process.env.PERIPHERY_PASSKEYS = 'passkey-in-agent-env-41';
    process.env.OPERATOR_TOKEN = 'operator-token-41';
    try {
      const log = await runCommand('env', 'sh', ['-c', 'env'], {
        cwd: dir,
        env: { MONITOR_GIT_TOKEN: 'given-for-git' },
      });
      expect(log.success).toBe(true);
      expect(log.stdout).not.toContain('passkey-in-agent-env-41');
      expect(log.stdout).not.toContain('operator-token-41');
      expect(log.stdout).toContain(`PATH=${process.env.PATH}\n`);
      expect(log.stdout).toContain('MONITOR_GIT_TOKEN=given-for-git\n');
    } finally {
      process.env = saved;
    }
  });

  it('still reports a failing exit and a missing program', async () => {
    const failed = await runCommand('exit', 'sh', ['-c', 'echo out; exit 3'], { cwd: dir });
    expect(failed).toMatchObject({ success: false, stdout: 'out\n' });
    expect(failed.stderr).toMatch(/exit code 3/);
    const missing = await runCommand('none', 'no-such-program-41', [], { cwd: dir });
    expect(missing.success).toBe(false);
    expect(missing.stderr).toMatch(/was not found on this agent's PATH/);
  });
});
