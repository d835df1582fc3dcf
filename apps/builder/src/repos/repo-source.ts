import { Inject, Injectable } from '@nestjs/common';
import type { MonitorConfig } from '@monitor/config';
import type { RepoRemoteParams } from '@monitor/contracts';
import { interpolate, repoUrl, type Resource } from '@monitor/domain';
import type { ExecutionContext } from '@monitor/executions';
import type { ReadModel } from '@monitor/projections';
import { CredentialResolver, variableLookup } from '@monitor/resources';
import { KEYRING, MONITOR_CONFIG, READ_MODEL } from '@monitor/runtime';
import type { Keyring } from '@monitor/secrets';

/**
 * Where a Repo's files come from and what is filled into them: the remote with the git
 * account's token, and `[[VARIABLES]]` as the config's writer may use them. Every secret
 * used is masked in the execution's later logs.
 */
@Injectable()
export class RepoSource {
  private readonly credentials: CredentialResolver;

  constructor(
    @Inject(READ_MODEL) private readonly readModel: ReadModel,
    @Inject(KEYRING) private readonly keyring: Keyring,
    @Inject(MONITOR_CONFIG) config: MonitorConfig,
  ) {
    this.credentials = new CredentialResolver(config, readModel.settings, keyring);
  }

  /** The remote and its login; an unknown account fails the stage with nothing touched. */
  async remote(ctx: ExecutionContext, repo: Resource<'Repo'>): Promise<RepoRemoteParams> {
    const { config } = repo;
    const account = config.git_account.trim();
    const remote: RepoRemoteParams = {
      url: repoUrl(config),
      branch: config.branch.trim() || undefined,
    };
    await ctx.stage('git source', `find the repository of '${repo.name}'`, async () => {
      if (!config.repo.trim()) throw new Error(`repo: Repo '${repo.name}' has no repository set`);
      if (!account) return { stdout: remote.url };
      const credential = this.credentials.find('GitProvider', config.git_provider, account);
      if (!credential) {
        throw new Error(
          `git_account: no account '${account}' for git provider '${config.git_provider}'`,
        );
      }
      if (credential.token) ctx.secret(credential.token);
      Object.assign(remote, { username: credential.username, token: credential.token });
      return { stdout: `${remote.url} as ${credential.username}` };
    });
    return remote;
  }

  /** `[[VARIABLES]]` filled in, unless the Repo skips it (Komodo's `skip_secret_interp`). */
  interpolator(ctx: ExecutionContext, repo: Resource<'Repo'>): (text: string) => string {
    if (repo.config.skip_secret_interp) return (text) => text;
    const variable = variableLookup(this.readModel, this.keyring, repo);
    return (text) => {
      const { text: result, secrets } = interpolate(text, variable);
      for (const secret of secrets) ctx.secret(secret);
      return result;
    };
  }
}
