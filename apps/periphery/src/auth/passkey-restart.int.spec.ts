import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generatePasskey, rotateAgentPasskey } from '@monitor/agent-client';
import { freePort } from '@monitor/testing';
import { callAgent } from '../testing/call-agent';
import { eventually } from '../testing/eventually';

const ROOT = join(__dirname, '../../../..');

/**
 * The agent as a launched host runs it (main.js compiled, its own process, the launch's passkey
 * in PERIPHERY_PASSKEYS): the core's rotation survives a kill -9 right after its answer.
 */
describe('a rotated passkey across a hard restart of the agent process', () => {
  const launch = generatePasskey();
  let work: string;
  let out: string;
  let port: number;
  let child: ChildProcess | undefined;
  let output = '';
  const url = () => `http://127.0.0.1:${port}`;
  const health = (passkey: string) => callAgent(url(), 'GetHealth', {}, { passkey });

  const startAgent = async () => {
    child = spawn(process.execPath, [join(out, 'apps/periphery/src/main.js')], {
      env: {
        ...process.env,
        NODE_PATH: join(ROOT, 'node_modules'),
        PERIPHERY_PORT: String(port),
        PERIPHERY_BIND_IP: '127.0.0.1',
        PERIPHERY_PASSKEYS: launch,
        PERIPHERY_ROOT_DIRECTORY: join(work, 'root'),
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const running = child;
    running.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
    running.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
    await eventually(async () => {
      if (running.exitCode !== null) throw new Error(`the agent exited: ${output}`);
      return fetch(url()).then(
        () => true,
        () => undefined,
      );
    }, 'the agent to listen');
  };
  const killAgent = async () => {
    if (!child || child.exitCode !== null) return;
    const exited = once(child, 'exit');
    child.kill('SIGKILL');
    await exited;
  };

  beforeAll(async () => {
    work = mkdtempSync(join(tmpdir(), 'passkey-restart-'));
    out = join(work, 'dist');
    execFileSync(
      join(ROOT, 'node_modules/.bin/swc'),
      ['apps/periphery/src', 'libs', '--out-dir', out, '--ignore', '**/*.spec.ts', '--quiet'],
      { cwd: ROOT },
    );
    port = await freePort();
  }, 60_000);
  afterAll(async () => {
    await killAgent();
    rmSync(work, { recursive: true, force: true });
  });

  it('accepts only the new passkey after kill -9, says which it uses, and never prints one', async () => {
    await startAgent();
    expect(output).toMatch(/requests are checked against 1 configured passkey/);
    const agent = { address: url(), passkey: launch, insecureTls: false };
    const { passkey } = await rotateAgentPasskey(agent);
    await eventually(
      async () => (output.includes('the core replaced the passkey') ? true : undefined),
      'the rotation to be logged',
    );
    await killAgent();
    await startAgent();
    expect(output).toContain(
      `requests are checked against the passkey the core set, kept in ${join(work, 'root', 'state', 'passkey')}`,
    );
    expect(await health(passkey)).toEqual({ status: 200, body: {} });
    expect((await health(launch)).status).toBe(401);
    expect(output).not.toContain(passkey);
    expect(output).not.toContain(launch);
  });
});
