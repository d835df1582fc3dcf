import { callAgent, type AgentAddress } from '@monitor/agent-client';
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createConnection, createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * `npm run bench:agent`: the agent's idle memory beside a bare Node HTTP server answering the
 * same requests with fixed JSON, in the same run, each in a child process of its own. RSS is
 * read from /proc after start (once the first stats sample is taken) and after `AGENT_POLLS`
 * (default 100) poll rounds: the requests the core's poller makes each round, signed as it
 * signs them.
 */
const POLLS = Number(process.env.AGENT_POLLS ?? 100);
const PASSKEY = 'bench-passkey';
/** The agent samples the host 1 s after start, then at its polling rate: let both happen. */
const SETTLE_MS = 2500;
const ROUND = ['GetVersion', 'GetSystemStats', 'ListDockerContainers'];
const MB = 1024 * 1024;

interface Memory {
  afterStart: number;
  afterPolls: number;
  peak: number;
}

async function main(): Promise<void> {
  const root = mkdtempSync(join(tmpdir(), 'bench-agent-'));
  const agentEnv = {
    PERIPHERY_BIND_IP: '127.0.0.1',
    PERIPHERY_PASSKEYS: PASSKEY,
    PERIPHERY_ROOT_DIRECTORY: root,
  };
  const agentMain = () => [join(__dirname, '../../apps/periphery/src/main.js')];
  try {
    const bare = await measure((port) => [join(__dirname, 'bare-agent.js'), String(port)], {});
    // The agent sets its own V8 flags (apps/periphery/src/small-footprint.ts): a small young
    // generation, no optimizing compiler.
    const agent = await measure(agentMain, agentEnv);
    console.log(
      `idle memory (RSS, MB) after start and after ${POLLS} poll rounds (${ROUND.join(', ')})`,
    );
    console.log('process\tafter start\tafter polls\tpeak\tvs bare after polls');
    const rows = [
      ['bare Node HTTP', bare],
      ['agent', agent],
    ] as const;
    for (const [name, m] of rows)
      console.log(
        [
          name,
          mb(m.afterStart),
          mb(m.afterPolls),
          mb(m.peak),
          ratio(m.afterPolls, bare.afterPolls),
        ].join('\t'),
      );
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}

async function measure(
  args: (port: number) => string[],
  env: Record<string, string>,
): Promise<Memory> {
  const port = await freePort();
  const child = spawn(process.execPath, args(port), {
    env: { ...process.env, ...env, PERIPHERY_PORT: String(port) },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  try {
    await listening(child, port);
    await sleep(SETTLE_MS);
    const afterStart = rss(child);
    const agent: AgentAddress = {
      address: `http://127.0.0.1:${port}`,
      passkey: PASSKEY,
      insecureTls: false,
    };
    for (let i = 0; i < POLLS; i++) {
      for (const type of ROUND) await callAgent(agent, type, {}, 10_000);
    }
    await sleep(SETTLE_MS);
    return { afterStart, afterPolls: rss(child), peak: rss(child, 'VmHWM') };
  } finally {
    child.kill();
  }
}

/** Resident memory of a child, from the kernel: what the host pays, whatever the runtime says. */
function rss(child: ChildProcess, field = 'VmRSS'): number {
  const status = readFileSync(`/proc/${child.pid}/status`, 'utf8');
  const kb = new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status)?.[1];
  if (!kb) throw new Error(`no ${field} in /proc/${child.pid}/status`);
  return Number(kb) * 1024;
}

async function listening(child: ChildProcess, port: number): Promise<void> {
  const exited = new Promise<never>((_, reject) =>
    child.once('exit', (code) =>
      reject(new Error(`${child.spawnargs.join(' ')} exited with ${code}`)),
    ),
  );
  const deadline = Date.now() + 30_000;
  while (Date.now() < deadline) {
    if (await Promise.race([connects(port), exited])) return;
    await sleep(50);
  }
  throw new Error(`nothing listens on ${port} after 30 s`);
}

function connects(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = createConnection({ port, host: '127.0.0.1' }, () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
    server.once('error', reject);
  });
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const mb = (bytes: number) => (bytes / MB).toFixed(1);
const ratio = (a: number, b: number) => `${(a / b).toFixed(2)}x`;

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
