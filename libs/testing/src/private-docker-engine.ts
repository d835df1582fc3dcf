import { execFileSync, spawn } from 'node:child_process';
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
 * A second dockerd of its own (data, state and socket in a fresh folder; its own bridge; no
 * iptables) for a test that acts on a whole engine — a prune without filters would otherwise
 * remove what tests running beside it have just stopped. Needs root and iproute2's `ip`.
 *
 * Not `--bridge=none`: a dockerd without a bridge deletes the interface `docker0`, the shared
 * engine's. Its bridge's subnet is in 198.18.0.0/15, which no Docker address pool uses.
 */
export async function startPrivateDockerEngine(): Promise<PrivateDockerEngine> {
  const dir = mkdtempSync(join(tmpdir(), 'monitor-dockerd-'));
  const socketPath = join(dir, 'docker.sock');
  const bridge = `mtb${process.pid % 100_000}`;
  removeBridge(bridge);
  execFileSync('ip', ['link', 'add', bridge, 'type', 'bridge']);
  execFileSync('ip', ['addr', 'add', `198.18.${process.pid % 250}.1/24`, 'dev', bridge]);
  const child = spawn(
    'dockerd',
    [
      `--host=unix://${socketPath}`,
      `--data-root=${join(dir, 'data')}`,
      `--exec-root=${join(dir, 'exec')}`,
      `--pidfile=${join(dir, 'dockerd.pid')}`,
      `--bridge=${bridge}`,
      '--iptables=false',
      '--ip-masq=false',
    ],
    { stdio: ['ignore', 'ignore', 'pipe'] },
  );
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => (stderr = (stderr + chunk.toString()).slice(-2000)));
  const docker = new Dockerode({ socketPath });
  const stop = async () => {
    await stopChild(child);
    removeBridge(bridge);
    unmount(join(dir, 'data'));
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
        const said = stderr.trim().split('\n').pop();
        throw new Error(`a private dockerd did not answer on ${socketPath}: ${said ?? error}`);
      }
      await new Promise((r) => setTimeout(r, 100));
    }
  }
}

/** Best effort: what is gone already (a bridge, a mount) is what cleaning up wants. */
function removeBridge(name: string): void {
  try {
    execFileSync('ip', ['link', 'del', name], { stdio: 'ignore' });
  } catch {
    // There was none.
  }
}

/** A dockerd that fails to start leaves its data root mounted on itself. */
function unmount(path: string): void {
  try {
    execFileSync('umount', [path], { stdio: 'ignore' });
  } catch {
    // It was not mounted.
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
