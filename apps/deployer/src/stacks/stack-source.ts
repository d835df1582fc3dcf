import { posix } from 'node:path';
import { Inject, Injectable } from '@nestjs/common';
import { AGENT } from '@monitor/contracts';
import type { MonitorConfig } from '@monitor/config';
import {
  gitSource,
  interpolate,
  type GitSource,
  type Resource,
  type StackConfig,
} from '@monitor/domain';
import type { ReadModel } from '@monitor/projections';
import { ServerAgents, type ExecutionContext } from '@monitor/executions';
import { CredentialResolver, variableLookup, type Credential } from '@monitor/resources';
import { KEYRING, MONITOR_CONFIG, READ_MODEL } from '@monitor/runtime';
import type { Keyring } from '@monitor/secrets';
import {
  AGENT_TIMEOUT,
  composeTarget,
  repoUrl,
  stackLayout,
  type StackLayout,
} from './stack-layout';

/** The stack's files on its server, ready for compose, and where they came from. */
export interface PreparedStack {
  layout: StackLayout;
  /** The env file compose is given, when the stack has an environment. */
  env_file?: string;
  /** Each compose file as compose reads it, then the tracked env and config files, secrets masked. */
  contents: { path: string; contents: string }[];
  commit_hash?: string;
  commit_message?: string;
}

type StackSourceConfig = Pick<StackConfig, 'file_contents' | 'environment' | 'linked_repo'>;

type Interpolate = (text: string) => string;

/**
 * Puts a stack's compose files and env file in its folder on the server: written from the
 * UI's text, cloned or pulled from git with the account's token, or left as they are on the
 * host. Then reads the compose files back, so the Update and the record show what compose ran.
 */
@Injectable()
export class StackSource {
  private readonly credentials: CredentialResolver;

  constructor(
    @Inject(READ_MODEL) private readonly readModel: ReadModel,
    @Inject(KEYRING) private readonly keyring: Keyring,
    @Inject(MONITOR_CONFIG) config: MonitorConfig,
    private readonly agents: ServerAgents,
  ) {
    this.credentials = new CredentialResolver(config, readModel.settings, keyring);
  }

  /**
   * Interpolates `[[VARIABLES]]` as the stack's config writer may; secret values are masked in
   * every later log of `ctx`.
   */
  interpolator(ctx: ExecutionContext, stack: Resource<'Stack'>): Interpolate {
    const variable = variableLookup(this.readModel, this.keyring, stack);
    return (text) => {
      const { text: result, secrets } = interpolate(text, variable);
      for (const secret of secrets) ctx.secret(secret);
      return result;
    };
  }

  /**
   * The registry login for compose's pulls: `registry_account` at `registry_provider`. Its
   * token is masked in every later log of `ctx`, when there is one.
   */
  registry(ctx: ExecutionContext | undefined, stack: Resource<'Stack'>): Credential | undefined {
    const { registry_provider: domain, registry_account: account } = stack.config;
    if (!account.trim()) return undefined;
    const credential = this.credentials.find('ImageRegistry', domain.trim(), account.trim());
    if (!credential) {
      throw new Error(`registry_account: no account '${account}' for registry '${domain}'`);
    }
    ctx?.secret(credential.token);
    return credential;
  }

  async prepare(
    ctx: ExecutionContext,
    stack: Resource<'Stack'>,
    server: Resource<'Server'>,
  ): Promise<PreparedStack> {
    const config: StackSourceConfig = stack.config;
    const layout = stackLayout(stack);
    const fill = this.interpolator(ctx, stack);
    let compose: string | undefined;
    let environment: string | undefined;
    const git = gitSource(stack, (id) => this.readModel.resource('Repo', id));
    await ctx.stage('prepare', describe(layout, git), async () => {
      if (config.linked_repo && !git.repo.trim()) {
        throw new Error(`linked_repo: the Repo '${config.linked_repo}' is gone or has no repo set`);
      }
      if (layout.mode === 'ui' && !config.file_contents.trim()) {
        throw new Error('the stack has no compose file: set file_contents, repo or files_on_host');
      }
      if (layout.mode === 'ui') compose = fill(config.file_contents);
      environment = config.environment.trim() ? fill(config.environment) : undefined;
      return { stdout: `compose files: ${layout.files.join(', ')} in ${layout.run_directory}` };
    });
    const repo = layout.mode === 'git' ? await this.clone(ctx, stack, server, git) : {};
    const env_file = environment === undefined ? undefined : layout.env_file;
    if (compose !== undefined || environment !== undefined) {
      const inRunDirectory = (path: string) => posix.join(layout.run_directory, path);
      const written = await this.agents.call(
        AGENT.WriteComposeFiles,
        server,
        {
          stack: stack.id,
          files:
            compose === undefined
              ? []
              : [{ path: inRunDirectory(layout.files[0]), contents: compose }],
          env:
            env_file && environment !== undefined
              ? { path: inRunDirectory(env_file), contents: environment }
              : undefined,
        },
        AGENT_TIMEOUT,
      );
      await ctx.appendLogs([written]);
    }
    const tracked = [
      ...layout.files,
      ...layout.tracked_env_files,
      ...layout.config_files.map((f) => f.path),
    ];
    const read = await this.agents.call(
      AGENT.ReadComposeFiles,
      server,
      { ...composeTarget(stack), files: tracked },
      AGENT_TIMEOUT,
    );
    if (read.missing.length) {
      await ctx.stage('read compose files', `read ${tracked.join(', ')}`, async () => {
        const what = read.missing.every((f) => layout.files.includes(f)) ? 'compose file' : 'file';
        throw new Error(
          `${what}${read.missing.length > 1 ? 's' : ''} not found in '${layout.run_directory}': ${read.missing.join(', ')}`,
        );
      });
    }
    const contents = read.contents.map((file) => ({
      path: file.path,
      contents: ctx.redactor.redact(file.contents),
    }));
    return { layout, env_file, contents, ...repo };
  }

  private async clone(
    ctx: ExecutionContext,
    stack: Resource<'Stack'>,
    server: Resource<'Server'>,
    config: GitSource,
  ): Promise<{ commit_hash?: string; commit_message?: string }> {
    const account = config.git_account.trim();
    const credential = account
      ? this.credentials.find('GitProvider', config.git_provider, account)
      : undefined;
    if (account && !credential) {
      await ctx.stage('clone repo', `find the git account '${account}'`, async () => {
        throw new Error(
          `git_account: no account '${account}' for git provider '${config.git_provider}'`,
        );
      });
    }
    if (credential?.token) ctx.secret(credential.token);
    const answer = await this.agents.stream(
      AGENT.CloneOrPullRepo,
      server,
      ctx.output,
      {
        stack: stack.id,
        url: repoUrl(config),
        branch: config.branch.trim() || undefined,
        commit: config.commit.trim() || undefined,
        reclone: stack.config.reclone,
        ...(credential ? { username: credential.username, token: credential.token } : {}),
      },
      AGENT_TIMEOUT,
    );
    await ctx.appendLogs(answer.logs);
    return {
      commit_hash: answer.commit_hash ?? undefined,
      commit_message: answer.commit_message ?? undefined,
    };
  }
}

function describe(layout: StackLayout, config: GitSource): string {
  if (layout.mode === 'git') return `compose files from ${repoUrl(config)} (${config.branch})`;
  if (layout.mode === 'host') return 'compose files already on the host';
  return 'compose file from the UI, [[VARIABLES]] interpolated';
}
