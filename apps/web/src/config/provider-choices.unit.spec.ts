import {
  accountChoices,
  choicesOf,
  domainChoices,
  organizationChoices,
  registryEntries,
  withGitProvider,
  withRegistryDomain,
  type ProviderOptions,
} from './provider-choices';

const git: ProviderOptions['git'] = [
  { domain: 'github.com', https: true, accounts: [{ username: 'ci' }, { username: 'bot' }] },
  { domain: 'git.local:3000', https: false, accounts: [{ username: 'ci' }] },
];
const registries: ProviderOptions['registries'] = [
  { domain: 'ghcr.io', accounts: [{ username: 'pusher' }], organizations: ['team', 'ops'] },
  { domain: '127.0.0.1:5000', accounts: [{ username: 'local' }] },
];

describe('provider pickers: what each offers', () => {
  it('lists each configured value once, and "none" is no unlisted value', () => {
    expect(choicesOf(['a', 'b', 'a', ''], '')).toEqual({ listed: ['a', 'b'] });
    expect(choicesOf(['a', 'b'], 'b')).toEqual({ listed: ['a', 'b'] });
  });

  it('keeps a stored value no list holds, on its own, so an old config still shows', () => {
    expect(choicesOf(['a'], 'gone')).toEqual({ listed: ['a'], unlisted: 'gone' });
    expect(accountChoices(git, 'github.com', 'removed-user')).toEqual({
      listed: ['ci', 'bot'],
      unlisted: 'removed-user',
    });
  });

  it('offers the provider domains, then the accounts of the chosen one only', () => {
    expect(domainChoices(git, 'github.com').listed).toEqual(['github.com', 'git.local:3000']);
    expect(accountChoices(git, 'git.local:3000', '').listed).toEqual(['ci']);
    expect(accountChoices(git, 'unknown.host', '').listed).toEqual([]);
    expect(accountChoices(registries, 'ghcr.io', 'pusher')).toEqual({ listed: ['pusher'] });
  });

  it("offers a registry's organizations, none where it lists none", () => {
    expect(organizationChoices(registries, 'ghcr.io', '').listed).toEqual(['team', 'ops']);
    expect(organizationChoices(registries, '127.0.0.1:5000', 'acme')).toEqual({
      listed: [],
      unlisted: 'acme',
    });
  });
});

describe('provider pickers: changing the provider', () => {
  it.each([
    ['keeps a git account the new provider has too', 'ci', 'git.local:3000', 'ci'],
    ["drops one the new provider lacks: its token is another host's", 'bot', 'git.local:3000', ''],
    ['drops the account with the provider', 'ci', '', ''],
  ])('%s', (_, account, provider, kept) => {
    const config = { git_provider: 'github.com', git_account: account, repo: 'a/b' };
    expect(withGitProvider(config, git, provider)).toEqual({
      ...config,
      git_provider: provider,
      git_account: kept,
    });
  });

  it('drops the account and organization of a registry entry moved to another domain', () => {
    const entry = { domain: 'ghcr.io', account: 'pusher', organization: 'team' };
    expect(withRegistryDomain(entry, registries, '127.0.0.1:5000')).toEqual({
      domain: '127.0.0.1:5000',
      account: '',
      organization: '',
    });
    expect(withRegistryDomain(entry, registries, 'ghcr.io')).toEqual(entry);
  });
});

describe('provider pickers: reading image_registry', () => {
  it('reads each entry whole, what is missing or not text as empty', () => {
    expect(
      registryEntries([{ domain: 'ghcr.io', account: 'pusher' }, { organization: 7 }, null]),
    ).toEqual([
      { domain: 'ghcr.io', account: 'pusher', organization: '' },
      { domain: '', account: '', organization: '' },
      { domain: '', account: '', organization: '' },
    ]);
  });

  it('reads anything but a list as no registry', () => {
    expect(registryEntries(undefined)).toEqual([]);
    expect(registryEntries({ domain: 'ghcr.io' })).toEqual([]);
  });
});
