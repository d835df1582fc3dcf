import { useSession } from '../api/session';
import { useRequest } from '../api/use-request';
import { NO_PROVIDERS, type ProviderOptions } from './provider-choices';

/**
 * The git providers and image registries configured (the config file's and the accounts made
 * in Settings), usernames only, for the pickers; none until they are read.
 */
export function useProviderOptions(): ProviderOptions {
  const { api } = useSession();
  const lists = useRequest(async () => {
    const [git, registries] = await Promise.all([
      api.read('ListGitProvidersFromConfig', {}),
      api.read('ListImageRegistriesFromConfig', {}),
    ]);
    return { git, registries };
  }, [api]);
  return lists.data ?? NO_PROVIDERS;
}
