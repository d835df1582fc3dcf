import { Inject, Injectable } from '@nestjs/common';
import type { MonitorConfig } from '@monitor/config';
import type { RegistryAuth, RepoRemoteParams } from '@monitor/contracts';
import {
  interpolate,
  invalid,
  withVersionVariable,
  type BuildConfig,
  type Resource,
  type Version,
} from '@monitor/domain';
import type { ExecutionContext } from '@monitor/executions';
import type { ReadModel } from '@monitor/projections';
import {
  ConfigSecrets,
  CredentialResolver,
  gitSourceOf,
  variableLookup,
} from '@monitor/resources';
import { KEYRING, MONITOR_CONFIG, READ_MODEL } from '@monitor/runtime';
import type { Keyring } from '@monitor/secrets';

/** Hears each secret a build will use, to mask it. */
export type Mask = (secret: string) => void;

/** Where a build's files come from: its own git fields, or its linked Repo's. */
export interface BuildGitSource {
  remote: RepoRemoteParams;
  commit?: string;
  /** How logs name it: `acme/app@main`. */
  label: string;
}

/**
 * What a build needs beyond its config: the git remote with its account's token (the Build's
 * own or its linked Repo's), the registries' accounts, and its fields with `[[VARIABLES]]` (and
 * Komodo's `[[$VERSION]]`) filled in as the config's writer may use them. Every secret used is
 * masked in the execution's later logs.
 */
@Injectable()
export class BuildSource {
  private readonly credentials: CredentialResolver;
  private readonly secrets: ConfigSecrets;

  constructor(
    @Inject(READ_MODEL) private readonly readModel: ReadModel,
    @Inject(KEYRING) private readonly keyring: Keyring,
    @Inject(MONITOR_CONFIG) config: MonitorConfig,
  ) {
    this.credentials = new CredentialResolver(config, readModel.settings, keyring);
    this.secrets = new ConfigSecrets(keyring);
  }

  /** The config with its sealed fields (secret args) opened, each value masked from now on. */
  opened(ctx: ExecutionContext, build: Resource<'Build'>): BuildConfig {
    return this.secrets.open('Build', build.config, ctx.redactor);
  }

  /**
   * The git source, or none when the build uses only its `dockerfile` contents; `mask` hears
   * the account's token. An unknown Repo or account is a 400 naming the field.
   */
  git(mask: Mask, build: Resource<'Build'>): BuildGitSource | undefined {
    const source = gitSourceOf(this.readModel, this.credentials, build.config, mask);
    if (!source) return undefined;
    const { label, commit, ...remote } = source;
    return { remote, commit, label };
  }

  /** The account of each registry the build pushes to that names one; unknown, a 400. */
  registries(mask: Mask, config: BuildConfig): RegistryAuth[] {
    return config.image_registry.flatMap((registry, i) => {
      const domain = registry.domain.trim();
      const account = registry.account.trim();
      if (!domain || !account) return [];
      const credential = this.credentials.find('ImageRegistry', domain, account);
      if (!credential)
        throw invalid(
          `config.image_registry.${i}.account: no account '${account}' for registry '${domain}'`,
          { field: `config.image_registry.${i}.account` },
        );
      if (credential.token) mask(credential.token);
      return [{ domain, username: credential.username, token: credential.token }];
    });
  }

  /**
   * `[[$VERSION]]` and `[[VARIABLES]]` filled in, the latter unless the Build skips it (Komodo's
   * `skip_secret_interp`); an unknown variable is a 400.
   */
  interpolator(
    ctx: ExecutionContext,
    build: Resource<'Build'>,
    version: Version,
  ): (text: string) => string {
    const variable = variableLookup(this.readModel, this.keyring, build);
    return (text) => {
      const versioned = withVersionVariable(text, version);
      if (build.config.skip_secret_interp) return versioned;
      const { text: result, secrets } = interpolate(versioned, variable);
      for (const secret of secrets) ctx.secret(secret);
      return result;
    };
  }
}
