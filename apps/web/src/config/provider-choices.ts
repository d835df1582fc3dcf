import type { AnswerOf } from '@monitor/contracts';
import type { Config } from './diff';

/** The git providers and image registries a config may name, as the gateway lists them. */
export interface ProviderOptions {
  git: AnswerOf<'read', 'ListGitProvidersFromConfig'>;
  registries: AnswerOf<'read', 'ListImageRegistriesFromConfig'>;
}

export const NO_PROVIDERS: ProviderOptions = { git: [], registries: [] };

/** One entry of a Build's `image_registry`, as the form edits it. */
export interface RegistryEntry {
  domain: string;
  account: string;
  organization: string;
}

/**
 * What a picker offers: the values configured, each once, and the stored value on its own when
 * no list holds it (a config written before its account was removed, or by hand), so it still
 * shows and stays as it is until the user picks another. The empty value is "none".
 */
export interface Choices {
  listed: string[];
  unlisted?: string;
}

export function choicesOf(values: readonly string[], current: string): Choices {
  const listed = [...new Set(values.filter(Boolean))];
  return current === '' || listed.includes(current) ? { listed } : { listed, unlisted: current };
}

type Provider = { domain: string; accounts: readonly { username: string }[] };

/** The provider domains configured, for a `git_provider` or a registry's `domain`. */
export function domainChoices(providers: readonly Provider[], current: string): Choices {
  return choicesOf(
    providers.map((p) => p.domain),
    current,
  );
}

/** The accounts configured on one provider domain; none when the domain is not configured. */
export function accountChoices(
  providers: readonly Provider[],
  domain: string,
  current: string,
): Choices {
  const accounts = providers.find((p) => p.domain === domain)?.accounts ?? [];
  return choicesOf(
    accounts.map((a) => a.username),
    current,
  );
}

/** The organizations a registry lists (Komodo's config may name them), to push under. */
export function organizationChoices(
  registries: ProviderOptions['registries'],
  domain: string,
  current: string,
): Choices {
  return choicesOf(registries.find((r) => r.domain === domain)?.organizations ?? [], current);
}

/**
 * A new `git_provider`: the account stays only if the new provider has one of that name, since
 * an account belongs to its provider and a token of another would be sent to the wrong host.
 */
export function withGitProvider(
  config: Config,
  providers: ProviderOptions['git'],
  domain: string,
): Config {
  const account = typeof config.git_account === 'string' ? config.git_account : '';
  const kept = accountChoices(providers, domain, account).unlisted === undefined;
  return { ...config, git_provider: domain, git_account: kept ? account : '' };
}

/** A registry entry on a new domain: its account and organization belonged to the old one. */
export function withRegistryDomain(
  entry: RegistryEntry,
  registries: ProviderOptions['registries'],
  domain: string,
): RegistryEntry {
  const keep = (choices: Choices, value: string) => (choices.unlisted === undefined ? value : '');
  return {
    domain,
    account: keep(accountChoices(registries, domain, entry.account), entry.account),
    organization: keep(
      organizationChoices(registries, domain, entry.organization),
      entry.organization,
    ),
  };
}

/** A Build's `image_registry` as entries, whatever of it is missing or not text read as empty. */
export function registryEntries(value: unknown): RegistryEntry[] {
  if (!Array.isArray(value)) return [];
  return value.map((v: unknown) => {
    const fields = new Map(typeof v === 'object' && v !== null ? Object.entries(v) : []);
    const text = (key: keyof RegistryEntry) => {
      const field: unknown = fields.get(key);
      return typeof field === 'string' ? field : '';
    };
    return { domain: text('domain'), account: text('account'), organization: text('organization') };
  });
}
