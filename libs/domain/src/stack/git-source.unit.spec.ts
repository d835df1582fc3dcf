import { defaultRepoConfig } from '../repo/repo.config';
import { defaultStackConfig } from './stack.config';
import type { Resource } from '../resources/lifecycle/state';
import { gitSource } from './git-source';

const resource = (kind: 'Stack' | 'Repo', config: object) =>
  ({ id: `${kind}-1`, kind, name: kind, config }) as unknown as Resource;

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
