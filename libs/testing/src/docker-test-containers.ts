import type Dockerode from 'dockerode';
import { BUSYBOX_TEST_IMAGE } from './docker-test-image';

/** On everything a test creates in Docker, so that cleanup (and nothing else) finds it. */
export const TEST_LABEL = 'monitor-test';

export interface TestContainerOptions {
  name: string;
  /** e.g. `['/bin/busybox', 'sh', '-c', 'echo hello; sleep 3600']` */
  cmd: string[];
  image?: string;
  /** Added to `monitor-test=1`; give each test file its own run label to clean up only its own. */
  labels?: Record<string, string>;
  /** Docker's healthcheck, durations in milliseconds. */
  healthcheck?: { test: string[]; intervalMs?: number; timeoutMs?: number; retries?: number };
  /** Default `none`: test containers need no network; use `host` to reach one on 127.0.0.1. */
  networkMode?: 'none' | 'host' | 'bridge';
  /** Create without starting. */
  start?: boolean;
}

const ms = (value: number) => value * 1_000_000;

/** Creates (and by default starts) a labelled container from the busybox test image. */
export async function startTestContainer(
  docker: Dockerode,
  options: TestContainerOptions,
): Promise<Dockerode.Container> {
  const { healthcheck } = options;
  const container = await docker.createContainer({
    name: options.name,
    Image: options.image ?? BUSYBOX_TEST_IMAGE,
    Cmd: options.cmd,
    Labels: { [TEST_LABEL]: '1', ...options.labels },
    ...(healthcheck
      ? {
          Healthcheck: {
            Test: healthcheck.test,
            Interval: ms(healthcheck.intervalMs ?? 200),
            Timeout: ms(healthcheck.timeoutMs ?? 1000),
            Retries: healthcheck.retries ?? 1,
          },
        }
      : {}),
    HostConfig: { NetworkMode: options.networkMode ?? 'none' },
  });
  if (options.start !== false) await container.start();
  return container;
}

/** Force-removes one container with its anonymous volumes; an absent one is fine. */
export async function removeContainer(docker: Dockerode, nameOrId: string): Promise<void> {
  try {
    await docker.getContainer(nameOrId).remove({ force: true, v: true });
  } catch (error) {
    const status = (error as { statusCode?: number }).statusCode;
    if (status !== 404 && status !== 409) throw error; // 409: already being removed
  }
}

/** Force-removes every container carrying `monitor-test=1` and all of `labels`. */
export async function removeContainers(
  docker: Dockerode,
  labels: Record<string, string> = {},
): Promise<number> {
  const filters = [`${TEST_LABEL}=1`, ...Object.entries(labels).map(([k, v]) => `${k}=${v}`)];
  const found = await docker.listContainers({ all: true, filters: { label: filters } });
  await Promise.all(found.map((c) => removeContainer(docker, c.Id)));
  return found.length;
}
