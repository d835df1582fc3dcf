import type { MonitorConfig } from '@monitor/config';
import { normalizeRegistry, type AccountType } from '@monitor/domain';
import type { SettingsModel } from '@monitor/projections';
import { isSealed, type Keyring } from '@monitor/secrets';

export interface Credential {
  domain: string;
  username: string;
  token: string;
}

/**
 * The token of a git or registry account, from the config file or from the accounts managed
 * through the API, for one execution to hand to the agent. A resource names the account by
 * domain and username, as in Komodo.
 */
export class CredentialResolver {
  constructor(
    private readonly config: MonitorConfig,
    private readonly settings: SettingsModel,
    private readonly keyring: Keyring,
  ) {}

  find(type: AccountType, domain: string, username: string): Credential | undefined {
    const same = (other: string) => sameDomain(type, other, domain);
    const declared = (
      type === 'GitProvider' ? this.config.git_provider : this.config.docker_registry
    )
      .find((p) => same(p.domain))
      ?.accounts.find((a) => a.username === username);
    if (declared) return { domain, username, token: declared.token };
    const account = this.settings
      .allAccounts(type)
      .find((a) => same(a.domain) && a.username === username);
    if (!account) return undefined;
    const token = isSealed(account.token)
      ? this.keyring.open(account.token)
      : String(account.token);
    return { domain, username, token };
  }
}

/** A registry has several spellings the engine takes as one (`GHCR.io`, `index.docker.io`). */
function sameDomain(type: AccountType, a: string, b: string): boolean {
  return type === 'ImageRegistry' ? normalizeRegistry(a) === normalizeRegistry(b) : a === b;
}
