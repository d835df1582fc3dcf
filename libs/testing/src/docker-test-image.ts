import type Dockerode from 'dockerode';
import { copyFileSync, existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * Named under the `localhost` registry: a Deploy always pulls first, and a pull of this name
 * goes to 127.0.0.1 (and is refused at once) instead of to Docker Hub.
 */
export const BUSYBOX_TEST_IMAGE = 'localhost/monitor-test/busybox:latest';

/**
 * The label of the cached image. Not `monitor-test=1`: the image is kept between runs on
 * purpose, and a test that prunes or removes what carries `monitor-test=1` must leave it.
 */
export const TEST_IMAGE_LABEL = 'monitor-test-cache';

const BUSYBOX_CANDIDATES = ['/bin/busybox', '/usr/bin/busybox'];

const DOCKERFILE = `FROM scratch
COPY busybox /bin/busybox
RUN ["/bin/busybox", "--install", "-s", "/bin"]
ENV PATH=/bin
CMD ["/bin/busybox", "sh"]
`;

const builds = new Map<string, Promise<void>>();

/**
 * A local image with the static busybox at /bin/busybox and its applets linked in /bin, so test
 * containers can run `sh -c '...'` with nothing pulled from a registry. Built once per process,
 * and not at all when the engine already has it. Needs Debian's busybox-static.
 */
export function ensureBusyboxImage(docker: Dockerode, tag = BUSYBOX_TEST_IMAGE): Promise<void> {
  let build = builds.get(tag);
  if (!build) {
    build = buildIfMissing(docker, tag);
    builds.set(tag, build);
    build.catch(() => builds.delete(tag)); // a failed build is tried again by the next caller
  }
  return build;
}

/**
 * Another image than the busybox one (its config differs by a label, so its digest does):
 * what a registry serves after a new push under the same tag. Built from the busybox image.
 */
export async function buildVariantImage(
  docker: Dockerode,
  tag: string,
  variant: string,
): Promise<void> {
  await ensureBusyboxImage(docker);
  const context = mkdtempSync(join(tmpdir(), 'monitor-variant-'));
  try {
    writeFileSync(
      join(context, 'Dockerfile'),
      `FROM ${BUSYBOX_TEST_IMAGE}\nLABEL monitor-test-variant=${JSON.stringify(variant)}\n`,
    );
    const stream = await docker.buildImage({ context, src: ['Dockerfile'] }, { t: tag, rm: true });
    await followBuild(docker, stream, tag);
  } finally {
    rmSync(context, { recursive: true, force: true });
  }
}

async function buildIfMissing(docker: Dockerode, tag: string): Promise<void> {
  try {
    await docker.getImage(tag).inspect();
    return;
  } catch (error) {
    if ((error as { statusCode?: number }).statusCode !== 404) throw error;
  }
  const busybox = BUSYBOX_CANDIDATES.find((path) => existsSync(path));
  if (!busybox) {
    throw new Error(
      `no static busybox at ${BUSYBOX_CANDIDATES.join(' or ')}: apt-get install busybox-static`,
    );
  }
  const context = mkdtempSync(join(tmpdir(), 'monitor-busybox-'));
  try {
    copyFileSync(busybox, join(context, 'busybox'));
    writeFileSync(join(context, 'Dockerfile'), DOCKERFILE);
    const stream = await docker.buildImage(
      { context, src: ['Dockerfile', 'busybox'] },
      { t: tag, labels: { [TEST_IMAGE_LABEL]: '1' }, rm: true, forcerm: true },
    );
    await followBuild(docker, stream, tag);
  } finally {
    rmSync(context, { recursive: true, force: true });
  }
}

/** The build answers 200 and reports failures inside its stream: read it to the end. */
function followBuild(docker: Dockerode, stream: NodeJS.ReadableStream, tag: string): Promise<void> {
  return new Promise((resolve, reject) => {
    docker.modem.followProgress(stream, (error: Error | null, output: unknown[]) => {
      if (error) return reject(error);
      const failure = (output as { error?: string; errorDetail?: { message?: string } }[]).find(
        (line) => line.error || line.errorDetail,
      );
      if (failure) {
        return reject(
          new Error(`building ${tag} failed: ${failure.errorDetail?.message ?? failure.error}`),
        );
      }
      resolve();
    });
  });
}
