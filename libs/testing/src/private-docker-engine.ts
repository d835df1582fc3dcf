import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Dockerode from 'dockerode';
import { stopChild } from './nats-server';

export interface PrivateDockerEngine {
  socketPath: string;
  docker: Dockerode;
  stop(): Promise<void>;
}

/**
 * A second dockerd of its own (data, state and socket in a fresh folder; no bridge, no iptables)
 * for a test that acts on a whole engine — a prune without filters would otherwise remove what
 * tests running beside it have just stopped. Needs root, as the shared engine does.
 */
export async function startPrivateDockerEngine(): Promise<PrivateDockerEngine> {
  const dir = mkdtempSync(join(tmpdir(), 'monitor-dockerd-'));
  const socketPath = join(dir, 'docker.sock');
  const child = spawn(
    'dockerd',
    [
      `--host=unix://${socketPath}`,
      `--data-root=${join(dir, 'data')}`,
      `--exec-root=${join(dir, 'exec')}`,
      `--pidfile=${join(dir, 'dockerd.pid')}`,
      '--bridge=none',
      '--iptables=false',
      '--ip-masq=false',
    ],
    { stdio: 'ignore' },
  );
  const docker = new Dockerode({ socketPath });
  const stop = async () => {
    await stopChild(child);
    rmSync(dir, { recursive: true, force: true });
  };
  const deadline = Date.now() + 20_000;
  for (;;) {
    try {
      await docker.ping();
      return { socketPath, docker, stop };
    } catch (error) {
      if (child.exitCode !== null || Date.now() > deadline) {
        await stop();
        throw new Error(`a private dockerd did not answer on ${socketPath}: ${String(error)}`);
      }
      await new Promise((r) => setTimeout(r, 100));
    }
  }
}

/** Copies an image from one engine to another, as `docker save | docker load` does. */
export async function copyImage(from: Dockerode, to: Dockerode, tag: string): Promise<void> {
  const archive = await from.getImage(tag).get();
  const load = await to.loadImage(archive);
  await new Promise<void>((resolve, reject) =>
    to.modem.followProgress(load, (error: Error | null) => (error ? reject(error) : resolve())),
  );
}
