import type Dockerode from 'dockerode';
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BUSYBOX_TEST_IMAGE, ensureBusyboxImage } from './docker-test-image';
import { startBasicAuthProxy } from './basic-auth-proxy';
import { freePort } from './free-port';
import { stopChild } from './nats-server';

/**
 * Runs the registry as its child and ends it when the test process goes, however it goes: the
 * test process holds this one's stdin, and a dead process's pipe closes. (A test's own 'exit'
 * handler would not do: Jest gives tests a sandboxed `process` whose events never fire.) Also
 * ends it on SIGTERM, from `stop()`. argv: the folder to delete afterwards, then the command.
 */
const WATCHDOG = `
const { spawn } = require('node:child_process');
const { rmSync } = require('node:fs');
const [dir, binary, ...args] = process.argv.slice(1);
const registry = spawn(binary, args, { stdio: ['ignore', 'ignore', 'inherit'] });
const end = () => registry.kill('SIGTERM');
process.stdin.on('end', end).on('error', end).resume();
process.on('SIGTERM', end);
registry.on('error', (error) => { process.stderr.write(String(error)); process.exit(1); });
registry.on('exit', (code) => {
  rmSync(dir, { recursive: true, force: true });
  process.exit(code ?? 0);
});
`;

export interface TestRegistry {
  /** `127.0.0.1:PORT`: the prefix of the references pushed to it. */
  address: string;
  stop(): Promise<void>;
}

export interface TestRegistryOptions {
  binary?: string;
  /** Makes it private: Basic credentials needed for every request, pushes and pulls alike. */
  auth?: { username: string; password: string };
}

/**
 * A real registry (Debian's docker-registry, distribution 2.8) on a free 127.0.0.1 port, storing
 * in a fresh folder: Docker treats 127.0.0.0/8 as insecure, so it pushes and pulls there over
 * plain HTTP. With `auth`, it is reached through a proxy that asks for Basic credentials (the
 * registry's own htpasswd auth wants bcrypt hashes, which nothing here can make). Resolves once
 * `GET /v2/` answers.
 */
export async function startTestRegistry(options: TestRegistryOptions = {}): Promise<TestRegistry> {
  const registry = await startRegistryProcess(options.binary ?? 'docker-registry');
  if (!options.auth) return registry;
  const port = Number(registry.address.split(':')[1]);
  const proxy = await startBasicAuthProxy(port, options.auth);
  return {
    address: `127.0.0.1:${proxy.port}`,
    stop: async () => {
      await proxy.close();
      await registry.stop();
    },
  };
}

async function startRegistryProcess(binary: string): Promise<TestRegistry> {
  const port = await freePort();
  const dir = mkdtempSync(join(tmpdir(), 'monitor-registry-'));
  const config = join(dir, 'config.yml');
  writeFileSync(
    config,
    [
      'version: 0.1',
      'log: { level: error }',
      `storage: { filesystem: { rootdirectory: ${JSON.stringify(join(dir, 'data'))} } }`,
      `http: { addr: "127.0.0.1:${port}" }`,
      '',
    ].join('\n'),
  );
  const child = spawn(process.execPath, ['-e', WATCHDOG, dir, binary, 'serve', config], {
    stdio: ['pipe', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => (stderr = (stderr + chunk.toString()).slice(-2000)));
  const stop = async () => {
    await stopChild(child);
    rmSync(dir, { recursive: true, force: true });
  };
  const spawned = new Promise<void>((_, reject) => child.once('error', reject));
  try {
    await Promise.race([
      waitForRegistry(
        port,
        () => child.exitCode,
        () => stderr,
      ),
      spawned,
    ]);
  } catch (error) {
    await stop();
    throw error;
  }
  return { address: `127.0.0.1:${port}`, stop };
}

async function waitForRegistry(
  port: number,
  exitCode: () => number | null,
  stderr: () => string,
): Promise<void> {
  const deadline = Date.now() + 10_000;
  while (Date.now() < deadline) {
    if (exitCode() !== null) throw new Error(`docker-registry exited (${exitCode()}): ${stderr()}`);
    try {
      if ((await fetch(`http://127.0.0.1:${port}/v2/`)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`docker-registry did not answer on 127.0.0.1:${port} within 10 s: ${stderr()}`);
}

/**
 * Tags the busybox test image (or `source`) as `REGISTRY/name:tag` and pushes it; answers that reference.
 * The local tag stays (remove it with `removeImageTags`); meanwhile the busybox image has one more
 * tag, so find it in image lists by its tags rather than by its first one.
 */
export async function pushBusyboxImage(
  docker: Dockerode,
  registryAddress: string,
  name: string,
  tag: string,
  auth?: { username: string; password: string },
  source = BUSYBOX_TEST_IMAGE,
): Promise<string> {
  await ensureBusyboxImage(docker);
  const repo = `${registryAddress}/${name}`;
  await docker.getImage(source).tag({ repo, tag });
  const authconfig = auth ? { ...auth, serveraddress: registryAddress } : undefined;
  const stream = (await docker
    .getImage(repo)
    .push({ tag, ...(authconfig ? { authconfig } : {}) })) as NodeJS.ReadableStream;
  await new Promise<void>((resolve, reject) => {
    docker.modem.followProgress(stream, (error: Error | null, output: unknown[]) => {
      if (error) return reject(error);
      // The push answers 200 first and reports a failure inside its stream.
      const failure = (output as { error?: string; errorDetail?: { message?: string } }[]).find(
        (line) => line.error || line.errorDetail,
      );
      if (failure) {
        const message = failure.errorDetail?.message ?? failure.error;
        return reject(new Error(`pushing ${repo}:${tag} failed: ${message}`));
      }
      resolve();
    });
  });
  return `${repo}:${tag}`;
}

/** Removes local tags (not the image they point to, which keeps its other tags); absent is fine. */
export async function removeImageTags(docker: Dockerode, references: string[]): Promise<void> {
  for (const reference of references) {
    try {
      await docker.getImage(reference).remove({ noprune: true });
    } catch (error) {
      if ((error as { statusCode?: number }).statusCode !== 404) throw error;
    }
  }
}
