import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import type { MonitorConfig } from '@monitor/config';
import { SETTINGS_REQUESTS } from '@monitor/contracts';
import type { AccountType } from '@monitor/domain';
import type { ReadModel } from '@monitor/projections';
import { MONITOR_CONFIG, READ_MODEL } from '@monitor/runtime';
import { RequestRegistry } from '../api/request-registry';

interface Provider {
  domain: string;
  https?: boolean;
  accounts: { username: string }[];
  organizations?: string[];
}

/**
 * `ListGitProvidersFromConfig` / `ListImageRegistriesFromConfig`: the accounts a resource may
 * name, from the config file and from the API, by domain. Usernames only: never a token.
 */
@Injectable()
export class ProviderRequests implements OnModuleInit {
  constructor(
    private readonly registry: RequestRegistry,
    @Inject(MONITOR_CONFIG) private readonly config: MonitorConfig,
    @Inject(READ_MODEL) private readonly readModel: ReadModel,
  ) {}

  onModuleInit(): void {
    // A git provider is https unless it says otherwise, as Komodo's config defaults it.
    this.registry.handle(SETTINGS_REQUESTS.ListGitProvidersFromConfig, async () =>
      this.providers('GitProvider').map((p) => ({ ...p, https: p.https ?? true })),
    );
    this.registry.handle(SETTINGS_REQUESTS.ListImageRegistriesFromConfig, async () =>
      this.providers('ImageRegistry'),
    );
  }

  private providers(type: AccountType): Provider[] {
    const byDomain = new Map<string, Provider>();
    const declared =
      type === 'GitProvider' ? this.config.git_provider : this.config.docker_registry;
    for (const p of declared) {
      const provider: Provider = {
        domain: p.domain,
        accounts: p.accounts.map(({ username }) => ({ username })),
      };
      if ('https' in p) provider.https = p.https;
      if ('organizations' in p) provider.organizations = p.organizations;
      byDomain.set(p.domain, provider);
    }
    for (const account of this.readModel.settings.allAccounts(type)) {
      const provider = byDomain.get(account.domain) ?? { domain: account.domain, accounts: [] };
      if (type === 'GitProvider') provider.https ??= account.https;
      if (!provider.accounts.some((a) => a.username === account.username))
        provider.accounts.push({ username: account.username });
      byDomain.set(account.domain, provider);
    }
    return [...byDomain.values()].sort((a, b) => a.domain.localeCompare(b.domain));
  }
}
