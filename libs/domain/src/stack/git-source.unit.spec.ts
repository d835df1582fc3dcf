import { defaultRepoConfig } from '../repo/repo.config';
import { defaultStackConfig } from './stack.config';
import type { ConfigOf } from '../resources/configs/registry';
import type { Resource } from '../resources/lifecycle/state';
import { gitSource } from './git-source';

const resource = <K extends 'Stack' | 'Repo'>(kind: K, config: ConfigOf<K>): Resource<K> => ({
  id: `${kind}-1`,
  kind,
  name: kind,
  description: '',
  tags: [],
  config,
  basePermission: 'None',
  createdAt: 0,
  updatedAt: 0,
  revision: 0,
  configWriter: '',
});

describe("a stack's git source", () => {
  const own = { repo: 'acme/own', branch: 'dev', git_provider: 'git.local', git_account: 'me' };

  it('is its own settings without a linked repo', () => {
    const stack = resource('Stack', { ...defaultStackConfig(), ...own });
    expect(gitSource(stack, () => undefined)).toMatchObject(own);
  });

  it("is the linked Repo's settings when it has one", () => {
    const stack = resource('Stack', { ...defaultStackConfig(), ...own, linked_repo: 'Repo-1' });
    const repo = resource('Repo', { ...defaultRepoConfig(), repo: 'acme/shared', branch: 'main' });
    expect(gitSource(stack, (id) => (id === 'Repo-1' ? repo : undefined))).toMatchObject({
      repo: 'acme/shared',
      branch: 'main',
    });
  });
});
