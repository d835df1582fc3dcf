import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runInSandbox, type SandboxLimits } from './action-sandbox';

const LIMITS: SandboxLimits = { timeoutMs: 10_000, memoryMb: 64 };
const CONTEXT = { url: 'http://127.0.0.1:9', key: 'K-1', secret: 'S-1', args: { NAME: 'web' } };

async function run(fileContents: string, limits = LIMITS) {
  const lines: string[] = [];
  const outcome = await runInSandbox({
    fileContents,
    context: CONTEXT,
    limits,
    onLine: (stream, line) => lines.push(`${stream}: ${line}`),
  });
  return { ...outcome, lines };
}

describe('an Action script in its sandbox', () => {
  let secretDir: string;
  beforeAll(async () => {
    secretDir = await mkdtemp(join(tmpdir(), 'monitor-data-'));
    await writeFile(join(secretDir, 'master.key'), 'master-key-bytes-7f3a');
  });
  afterAll(() => rm(secretDir, { recursive: true, force: true }));

  it('runs TypeScript with komodo, monitor and ARGS global, its lines as printed', async () => {
    const outcome = await run(
      `const name: string = ARGS.NAME;\n` +
        `console.log('deploying', name, typeof komodo.execute, typeof monitor.execute);\n` +
        `console.error('warned');\n`,
    );
    expect(outcome.failure).toBeUndefined();
    expect(outcome.lines).toEqual(['stdout: deploying web function function', 'stderr: warned']);
  });

  it('reading the master key file is refused: the run fails saying so, nothing read', async () => {
    const path = join(secretDir, 'master.key');
    const outcome = await run(
      `import { readFileSync } from 'node:fs';\nconsole.log(readFileSync(${JSON.stringify(path)}, 'utf8'));`,
    );
    expect(outcome.failure).toBe(`permission refused: FileSystemRead of ${path}`);
    expect(outcome.stdout).not.toContain('master-key-bytes');
  });

  it('starting a process is refused', async () => {
    const outcome = await run(
      `import { execSync } from 'node:child_process';\nexecSync('cat /etc/hostname');`,
    );
    expect(outcome.failure).toMatch(/^permission refused/);
  });

  it.each([
    ['process.binding', "process.binding('fs');"],
    ['the inspector', "(await import('node:inspector')).open(0);"],
    ['a worker', "new (await import('node:worker_threads')).Worker('1', { eval: true });"],
    ['WASI', "new (await import('node:wasi')).WASI({ version: 'preview1' });"],
    [
      "the core's environment",
      "(await import('node:fs')).readFileSync(`/proc/${process.ppid}/environ`);",
    ],
    ['a symlink out of its folder', "(await import('node:fs')).symlinkSync('/etc', './etc');"],
  ])('%s is refused', async (_what, script) => {
    expect((await run(script)).failure).toMatch(/^permission refused/);
  });

  it('a script that loops forever is stopped at its time limit', async () => {
    const started = Date.now();
    const outcome = await run('while (true) {}', { ...LIMITS, timeoutMs: 1_500 });
    expect(outcome.failure).toBe('stopped after 2 s');
    expect(Date.now() - started).toBeLessThan(6_000);
  });

  it('a script that allocates without bound is stopped at its memory cap', async () => {
    const outcome = await run(
      'const keep = []; for (;;) keep.push({ a: [1, 2, 3], s: "x" + keep.length });',
    );
    expect(outcome.failure).toBe('out of memory (64 MB)');
  });

  it('a script that throws fails with its exit code, the error on stderr', async () => {
    const outcome = await run('throw new Error("no such deployment")');
    expect(outcome.failure).toBe('exited with code 1');
    expect(outcome.stderr).toContain('no such deployment');
  });

  it('sees no environment of Monitor', async () => {
    process.env.MONITOR_PROBE = 'leak';
    const outcome = await run('console.log(JSON.stringify(Object.keys(process.env).sort()))');
    delete process.env.MONITOR_PROBE;
    expect(JSON.parse(outcome.stdout)).toEqual(['HOME', 'PATH']);
  });
});
