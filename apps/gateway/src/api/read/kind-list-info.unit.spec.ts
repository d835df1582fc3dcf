import type { Types } from 'komodo_client';
import { defaultBuildConfig, defaultRepoConfig } from '@monitor/domain';
import { ReadModelFeed, type Same } from '../../testing/read-model-feed';
import { CONFIG_INFOS, type ConfigInfo } from './kind-list-info';

describe('list infos of the kinds Monitor stores but does not run yet', () => {
  it("have Komodo's fields, each of Komodo's type, states as the enums' values", () => {
    const build: Same<keyof ConfigInfo['Build'], keyof Types.BuildListItemInfo> = true;
    const repo: Same<keyof ConfigInfo['Repo'], keyof Types.RepoListItemInfo> = true;
    const sync: Same<keyof ConfigInfo['ResourceSync'], keyof Types.ResourceSyncListItemInfo> = true;
    const state: Same<ConfigInfo['Build']['state'], `${Types.BuildState}`> = true;
    expect([build, repo, sync, state]).toEqual([true, true, true, true]);
  });

  it("answer a Build's linked Repo and that Repo's repository, as Komodo shows them", () => {
    const { readModel } = new ReadModelFeed()
      .create('Repo', 'r1', { ...defaultRepoConfig(), repo: 'acme/app', branch: 'dev' })
      .create('Build', 'b1', { ...defaultBuildConfig(), linked_repo: 'r1' });
    const build = readModel.resource('Build', 'b1');
    if (!build) throw new Error('no build');
    expect(CONFIG_INFOS.Build(build, [], readModel)).toMatchObject({
      state: 'Ok',
      linked_repo: 'r1',
      linked_repo_name: 'r1',
      git_provider: 'github.com',
      repo: 'acme/app',
      branch: 'dev',
      repo_link: 'https://github.com/acme/app/tree/dev',
    });
  });
});
