import { existsSync } from 'node:fs';
import type { Log } from '../docker/docker-shapes';
import { collectBuildExtraArgs } from '@monitor/domain/agent';
import { PeripheryError } from '../api/periphery-error';
import { masker, runCommand } from '../compose/command-log';
import type { RunningWork } from '../compose/running-work';
import { directoryInStack } from '../compose/stack-paths';
import type { PeripheryConfig } from '../config';
import type { DockerClient } from '../docker/engine/docker-client';
import { buildPlace, writeDockerfile } from './build-context';
import type { BuildImageDto } from './build.dto';
import { dockerBuild } from './docker-build';
import { namesRegistry, pushTags } from './registry-push';

/**
 * Komodo's periphery `Build`, on a checkout the agent holds: the UI's Dockerfile written if
 * given, then the pre-build command if given (a build with no checkout), the image built with
 * every tag, then each tag that names a registry pushed. One Log per stage; a failed stage ends
 * the build (a failed build pushes nothing). Secret args and registry tokens are masked in every
 * Log.
 */
export class BuildImageService {
  constructor(
    private readonly config: PeripheryConfig,
    private readonly docker: DockerClient,
    private readonly running: RunningWork,
  ) {}

  /** CancelBuild with the Build's id ends it at once: its pre-build is killed, BuildKit stops. */
  build(p: BuildImageDto): Promise<Log[]> {
    return this.running.run('Build', p.id, (signal) => this.run(p, signal));
  }

  private async run(p: BuildImageDto, signal: AbortSignal): Promise<Log[]> {
    const { value: extras, errors } = collectBuildExtraArgs(p.extra_args ?? []);
    if (errors.length)
      throw new PeripheryError('VALIDATION', `Build: ${errors.map((e) => e.message).join('; ')}`);
    const place = buildPlace(
      this.config.root_directory,
      p.directory,
      p.build_path,
      p.dockerfile_path,
    );
    const secrets = p.secret_args ?? [];
    const registries = p.registries ?? [];
    const secretValues = [...secrets.map((s) => s.value), ...registries.map((r) => r.token)];
    const mask = masker(secretValues);
    const logs: Log[] = [];
    if (p.dockerfile) {
      const written = await writeDockerfile(place, p.dockerfile);
      logs.push(written);
      if (!written.success) return logs;
    }
    if (p.pre_build) {
      // The user's own shell command (Komodo's pre_build): a shell on purpose, in the build path.
      const ran = await runCommand('Pre Build', 'sh', ['-e', '-c', p.pre_build.command], {
        cwd: directoryInStack(place.context, p.pre_build.path),
        secrets: secretValues,
        signal,
      });
      logs.push(ran);
      if (!ran.success) return logs;
    }
    if (!existsSync(place.dockerfilePath)) {
      logs.push(missingDockerfile(place.dockerfilePath));
      return logs;
    }
    const built = await dockerBuild(
      this.config.docker_socket,
      {
        place,
        tags: p.tags,
        buildargs: p.build_args ?? {},
        labels: p.labels ?? {},
        secrets,
        registries,
        extras,
      },
      mask,
      signal,
    );
    logs.push(built);
    const pushed = p.tags.filter(namesRegistry);
    if (built.success && !signal.aborted && pushed.length)
      logs.push(await pushTags(this.docker, pushed, registries, mask));
    return logs;
  }
}

/** Docker would say only that the Dockerfile is empty: say where it was looked for. */
function missingDockerfile(path: string): Log {
  const now = Date.now();
  return {
    stage: 'Docker Build',
    command: `docker build -f ${path}`,
    stdout: '',
    stderr: `no Dockerfile at ${path}: put the build's files there (files_on_host), or check build_path and dockerfile_path`,
    success: false,
    start_ts: now,
    end_ts: now,
  };
}
