import { Inject, Injectable } from '@nestjs/common';
import { resourceStream, type BuildRemoteFile, type Resource } from '@monitor/domain';
import type { EventStore } from '@monitor/eventstore';
import { ExecutionRunner, type ExecutionContext } from '@monitor/executions';
import { readRemote, type RemoteRead } from '@monitor/git-remote';
import { handleCommand, type CommandMeta, type WriteResult } from '@monitor/resources';
import { EVENT_STORE } from '@monitor/runtime';
import { buildDecider, BuildExecutions } from './build-executions';
import { BuildSource, type BuildGitSource } from './build-source';

/**
 * A larger Dockerfile is recorded as an error: its contents go into an event, which must stay
 * well under NATS's max_payload (1 MiB by default).
 */
const MAX_DOCKERFILE_BYTES = 256 * 1024;

/**
 * Komodo's RefreshBuildCache: the newest commit of the build's remote branch (its own git
 * source or its linked Repo's, with that account's token) and the Dockerfile at
 * `build_path/dockerfile_path` in it, read by the core itself (libs/git-remote: no Builder is
 * acquired, so an Aws builder launches nothing) and recorded in the build's stream
 * (`BuildLatestCommitSeen`); nothing on disk changes.
 */
@Injectable()
export class BuildRefresh {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly runner: ExecutionRunner,
    private readonly builds: BuildExecutions,
    private readonly source: BuildSource,
  ) {}

  /** An unknown build, Repo or account is a 4xx before anything runs. */
  async refresh(idOrName: string, meta: CommandMeta): Promise<WriteResult> {
    const build = this.builds.build(idOrName);
    this.source.git(() => undefined, build);
    const { id, position } = await this.runner.start({
      operation: 'RefreshBuildCache',
      target: { type: 'Build', id: build.id },
      meta,
      work: (ctx) => this.work(ctx, build.id, meta),
    });
    return { id, position };
  }

  private async work(ctx: ExecutionContext, buildId: string, meta: CommandMeta): Promise<void> {
    // What the build is when the refresh runs (it may have waited in the queue).
    const build = this.builds.build(buildId);
    const git = await this.gitSource(ctx, build);
    if (!git) return;
    const path = dockerfilePath(build);
    let read!: RemoteRead;
    const { url, branch } = git.remote;
    await ctx.stage(
      'fetch latest',
      `git fetch --depth 1 ${url} ${git.commit ?? branch ?? 'HEAD'}`,
      async () => {
        read = await readRemote({ ...git.remote, commit: git.commit }, [path], {
          maxFileBytes: MAX_DOCKERFILE_BYTES,
        });
        const [file] = read.files;
        const found = file.error ?? `${Buffer.byteLength(file.contents ?? '')} bytes`;
        return { stdout: `${read.commit.hash} ${read.commit.message}\n${path}: ${found}` };
      },
    );
    const [{ contents, error }] = read.files;
    const remote: BuildRemoteFile = { path, ...(error ? { error } : { contents }) };
    await handleCommand(
      this.store,
      resourceStream('Build', build.id),
      buildDecider,
      { type: 'RecordLatestCommit', commit: { ...read.commit, remote } },
      meta,
    );
  }

  private async gitSource(
    ctx: ExecutionContext,
    build: Resource<'Build'>,
  ): Promise<BuildGitSource | undefined> {
    let git: BuildGitSource | undefined;
    await ctx.stage('git source', `find the repository of '${build.name}'`, async () => {
      // As Komodo: a build from the files on its host has no remote to read.
      if (build.config.files_on_host) return { stdout: 'files on host: no remote to refresh' };
      git = this.source.git((secret) => ctx.secret(secret), build);
      return { stdout: git ? git.label : 'no repository: nothing to refresh' };
    });
    return git;
  }
}

/** Komodo's `build_path` joined with `dockerfile_path`, with its defaults (`./Dockerfile`). */
function dockerfilePath(build: Resource<'Build'>): string {
  const dir = build.config.build_path.trim().replace(/\/+$/, '') || '.';
  return `${dir}/${build.config.dockerfile_path.trim() || 'Dockerfile'}`;
}
