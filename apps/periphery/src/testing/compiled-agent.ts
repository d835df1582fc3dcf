import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort } from '@monitor/testing';
import { callAgent, type AgentAnswer } from './call-agent';
import { eventually } from './eventually';

const ROOT = join(__dirname, '../../../..');
const PASSKEY = 'compiled-agent-passkey';

/** Answers the parent's 'modules' with every module loaded, 'heap' with V8's heap spaces. */
const PRELOAD = `process.on('message', (m) => {
  if (m === 'modules') process.send(Object.keys(require.cache));
  if (m === 'heap') process.send(require('node:v8').getHeapSpaceStatistics());
});`;

export interface CompiledAgent {
  /** A request signed as the core signs it. */
  call(type: string, params?: object): Promise<AgentAnswer>;
  /** The path of every module the agent's process has loaded so far. */
  loaded(): Promise<string[]>;
  /** The size of V8's young generation (both halves), in bytes. */
  youngGeneration(): Promise<number>;
  stop(): Promise<void>;
}

/**
 * The agent as a host runs it: main.js, compiled as `npm run build` compiles it, in a process of
 * its own, with its dependencies found where the repository keeps them.
 */
export async function startCompiledAgent(): Promise<CompiledAgent> {
  const work = mkdtempSync(join(tmpdir(), 'compiled-agent-'));
  const out = join(work, 'dist');
  execFileSync(
    join(ROOT, 'node_modules/.bin/swc'),
    ['apps/periphery/src', 'libs', '--out-dir', out, '--ignore', '**/*.spec.ts', '--quiet'],
    { cwd: ROOT },
  );
  writeFileSync(join(work, 'preload.js'), PRELOAD);
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const child: ChildProcess = spawn(
    process.execPath,
    ['-r', join(work, 'preload.js'), join(out, 'apps/periphery/src/main.js')],
    {
      env: {
        ...process.env,
        NODE_PATH: join(ROOT, 'node_modules'),
        PERIPHERY_PORT: String(port),
        PERIPHERY_BIND_IP: '127.0.0.1',
        PERIPHERY_PASSKEYS: PASSKEY,
        PERIPHERY_ROOT_DIRECTORY: join(work, 'root'),
      },
      stdio: ['ignore', 'ignore', 'pipe', 'ipc'],
    },
  );
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const call = (type: string, params: object = {}) =>
    callAgent(url, type, params, { passkey: PASSKEY });
  const stop = async () => {
    if (child.exitCode === null) {
      const exited = once(child, 'exit');
      child.kill('SIGTERM');
      await exited;
    }
    rmSync(work, { recursive: true, force: true });
  };
  try {
    await eventually(async () => {
      if (child.exitCode !== null) throw new Error(`the agent exited: ${stderr}`);
      return call('GetVersion').then(
        (answer) => (answer.status === 200 ? true : undefined),
        () => undefined,
      );
    }, 'the agent to answer');
  } catch (error) {
    await stop();
    throw error;
  }
  const ask = async <T>(question: string): Promise<T> => {
    const answer = once(child, 'message') as Promise<[T]>;
    child.send(question);
    return (await answer)[0];
  };
  return {
    call,
    loaded: () => ask<string[]>('modules'),
    youngGeneration: async () => {
      const spaces = await ask<{ space_name: string; space_size: number }[]>('heap');
      return spaces.find((space) => space.space_name === 'new_space')?.space_size ?? NaN;
    },
    stop,
  };
}
