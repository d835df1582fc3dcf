import type { Readable } from 'node:stream';
import type { RegistryAuth } from '@monitor/contracts/agent';
import { normalizeRegistry, type BuildExtras } from '@monitor/domain/agent';
import { liveLines } from '../api/output-lines';
import { displayArg } from '../compose/command-log';
import { engineDetail } from '../docker/docker-errors';
import type { Log } from '../docker/docker-shapes';
import { BuildProgress, type BuildLine } from '../docker/engine/build-progress';
import type { BuildSession } from '../docker/engine/build-session';
import { startBuild } from '../docker/engine/image-build';
import { readJsonLines } from '../docker/engine/json-lines';
import { contextTar, type BuildPlace } from './build-context';

const STAGE = 'Docker Build';

export interface DockerBuildInput {
  place: BuildPlace;
  tags: string[];
  buildargs: Record<string, string>;
  labels: Record<string, string>;
  secrets: { id: string; value: string }[];
  /** Accounts BuildKit may use to pull the `FROM` images of their registries. */
  registries: RegistryAuth[];
  extras: BuildExtras;
}

/**
 * The build stage: the context's tar to the engine's BuildKit (`/build?version=2`), the secrets
 * served from memory over a session of their own, the progress as `--progress=plain` prints it.
 * A failing step fails the stage with Docker's message; every text passes through `mask`.
 */
export async function dockerBuild(
  socketPath: string,
  input: DockerBuildInput,
  mask: (text: string) => string,
  signal?: AbortSignal,
): Promise<Log> {
  const start_ts = Date.now();
  const { place, extras } = input;
  const out: string[] = [];
  const progress = new BuildProgress();
  let failure: string | undefined;
  let session: BuildSession | undefined;
  let tar: Readable | undefined;
  // Each line goes to a caller that asked for a stream as BuildKit reports it (masked there too).
  const live = liveLines(STAGE, 'stdout', mask);
  try {
    // Always: BuildKit asks the session for registry accounts even to pull a public FROM image.
    const { openBuildSession } = await import('../docker/engine/build-session');
    session = await openBuildSession(socketPath, {
      secrets: new Map(input.secrets.map((s) => [s.id, s.value])),
      credentials: (host) => {
        const account = input.registries.find(
          (r) => normalizeRegistry(r.domain) === normalizeRegistry(host),
        );
        return account && { username: account.username, secret: account.token };
      },
    });
    const context = await contextTar(place.context, place.dockerfile);
    tar = context.tar;
    const stream = await startBuild(
      socketPath,
      tar,
      {
        dockerfile: place.dockerfile,
        tags: input.tags,
        buildargs: { ...extras.buildargs, ...input.buildargs },
        labels: { ...extras.labels, ...input.labels },
        session: session?.id,
        nocache: extras.nocache,
        pull: extras.pull,
        target: extras.target,
        platform: extras.platform,
        networkmode: extras.networkmode,
        cachefrom: extras.cachefrom,
      },
      signal,
    );
    await readJsonLines<BuildLine>(stream, (line) => {
      const printed = progress.lines(line);
      out.push(...printed);
      for (const text of printed) live?.write(`${text}\n`);
    });
    // A tar that broke off shows at the engine as a truncated context: say why it did.
    const problems = [progress.error, await context.failure()].filter(Boolean);
    failure = problems.length ? problems.join('; ') : undefined;
  } catch (error) {
    tar?.destroy();
    failure = signal?.aborted ? 'the build was cancelled' : engineDetail(error);
  } finally {
    session?.close();
    live?.end();
  }
  if (!failure && progress.imageId) out.push(`built ${progress.imageId}`);
  return {
    stage: STAGE,
    command: mask(displayCommand(input)),
    stdout: mask(out.join('\n')),
    stderr: mask(failure ?? ''),
    success: failure === undefined,
    start_ts,
    end_ts: Date.now(),
  };
}

/** What the CLI would have been asked, for the Update: secrets by id only, never by value. */
function displayCommand({ place, tags, buildargs, secrets, extras }: DockerBuildInput): string {
  const words = ['docker', 'build', '-f', place.dockerfile];
  for (const tag of tags) words.push('-t', tag);
  for (const [key, value] of Object.entries({ ...extras.buildargs, ...buildargs }))
    words.push('--build-arg', `${key}=${value}`);
  for (const { id } of secrets) words.push('--secret', `id=${id}`);
  if (extras.nocache) words.push('--no-cache');
  if (extras.pull) words.push('--pull');
  if (extras.target) words.push('--target', extras.target);
  if (extras.platform) words.push('--platform', extras.platform);
  if (extras.networkmode) words.push('--network', extras.networkmode);
  for (const image of extras.cachefrom ?? []) words.push('--cache-from', image);
  return [...words, '.'].map(displayArg).join(' ');
}
