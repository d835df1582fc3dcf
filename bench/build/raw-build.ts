import { execFile } from 'node:child_process';
import { promisify } from 'node:util';

const run = promisify(execFile);

/**
 * What a build must do at the least: `docker build` of the context and `docker push` of the
 * tag, with the docker CLI (the classic builder: this CLI has no buildx, so DOCKER_BUILDKIT=1
 * refuses), without the cache as the RunBuilds it is set beside.
 */
export async function rawBuildAndPush(context: string, tag: string): Promise<number> {
  const start = performance.now();
  await run('docker', ['build', '--no-cache', '-q', '-t', tag, context], {
    env: { ...process.env, DOCKER_BUILDKIT: '0' },
  });
  await run('docker', ['push', '-q', tag]);
  return performance.now() - start;
}

/** Every local tag of the repositories under `prefix` (`<registry>/bench`): ours and the raw ones. */
export async function removeTags(prefix: string): Promise<void> {
  const { stdout } = await run('docker', [
    'image',
    'ls',
    '--format',
    '{{.Repository}}:{{.Tag}}',
    '--filter',
    `reference=${prefix}/*`,
  ]);
  const tags = stdout.split('\n').filter(Boolean);
  if (tags.length) await run('docker', ['rmi', '--no-prune', ...tags]);
}
