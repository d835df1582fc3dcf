import { CredentialResolver } from '@monitor/resources';
import { startEmbedded, type EmbeddedMonitor } from '../support/embedded';

describe('git and registry accounts from the config file and the API', () => {
  let monitor: EmbeddedMonitor;

  beforeAll(async () => {
    monitor = await startEmbedded({
      MONITOR_GIT_PROVIDER: JSON.stringify([
        { domain: 'git.local', accounts: [{ username: 'bot', token: 'config-token-1234' }] },
      ]),
      MONITOR_DOCKER_REGISTRY: JSON.stringify([
        { domain: '127.0.0.1:5000', accounts: [], organizations: ['team'] },
      ]),
    });
  });
  afterAll(() => monitor.destroy());

  it('lists usernames by domain, never tokens, and hands tokens to executions only', async () => {
    await monitor.admin.write('CreateGitProviderAccount', {
      account: { domain: 'git.local', username: 'human', token: 'api-token-5678' },
    });
    await monitor.admin.write('CreateImageRegistryAccount', {
      account: { domain: '127.0.0.1:5000', username: 'pusher', token: 'reg-token-9012' },
    });
    const git = await monitor.admin.read('ListGitProvidersFromConfig', {});
    expect(git).toEqual([
      { domain: 'git.local', https: true, accounts: [{ username: 'bot' }, { username: 'human' }] },
    ]);
    const registries = await monitor.admin.read('ListImageRegistriesFromConfig', {});
    expect(registries).toEqual([
      { domain: '127.0.0.1:5000', organizations: ['team'], accounts: [{ username: 'pusher' }] },
    ]);
    expect(JSON.stringify([git, registries])).not.toMatch(/token-\d/);

    const { config, readModel, keyring } = monitor.runtime;
    const credentials = new CredentialResolver(config, readModel.settings, keyring);
    expect(credentials.find('GitProvider', 'git.local', 'bot')?.token).toBe('config-token-1234');
    expect(credentials.find('GitProvider', 'git.local', 'human')?.token).toBe('api-token-5678');
    expect(credentials.find('ImageRegistry', '127.0.0.1:5000', 'pusher')?.token).toBe(
      'reg-token-9012',
    );
    expect(credentials.find('GitProvider', 'git.local', 'nobody')).toBeUndefined();
    // A registry is found by any spelling the engine takes for it; a git provider is not.
    expect(credentials.find('ImageRegistry', 'https://127.0.0.1:5000/', 'pusher')?.token).toBe(
      'reg-token-9012',
    );
    expect(credentials.find('GitProvider', 'GIT.local', 'bot')).toBeUndefined();
  });
});
