import type { Types } from 'komodo_client';
import {
  defaultBuildConfig,
  defaultRepoConfig,
  resourceEvent,
  resourceStream,
  type ResourceKind,
} from '@monitor/domain';
import { ReadModel } from '@monitor/projections';
import { CONFIG_INFOS, type ConfigInfo } from './kind-list-info';

/** True when A and B are the same type (neither wider). */
type Same<A, B> =
  (<T>() => T extends A ? 1 : 2) extends <T>() => T extends B ? 1 : 2 ? true : false;

function create(readModel: ReadModel, kind: ResourceKind, id: string, config: object, at: number) {
  readModel.apply({
    ...resourceEvent(kind, 'Created', {
      id,
      name: id,
      description: '',
      tags: [],
      config: { ...config },
    }),
    id: `event-${at}`,
    stream: resourceStream(kind, id),
    revision: 0,
    position: at,
    schemaVersion: 1,
    metadata: { userId: 'admin', via: 'api', correlationId: 'c', causationId: 'c', at },
  });
}

describe('list infos of the kinds Monitor stores but does not run yet', () => {
  it("have Komodo's fields, each of Komodo's type, states as the enums' values", () => {
    const build: Same<keyof ConfigInfo['Build'], keyof Types.BuildListItemInfo> = true;
    const repo: Same<keyof ConfigInfo['Repo'], keyof Types.RepoListItemInfo> = true;
    const sync: Same<keyof ConfigInfo['ResourceSync'], keyof Types.ResourceSyncListItemInfo> = true;
    const state: Same<ConfigInfo['Build']['state'], `${Types.BuildState}`> = true;
    expect([build, repo, sync, state]).toEqual([true, true, true, true]);
  });

  it("answer a Build's linked Repo and that Repo's repository, as Komodo shows them", () => {
    const readModel = new ReadModel();
    create(readModel, 'Repo', 'r1', { ...defaultRepoConfig(), repo: 'acme/app', branch: 'dev' }, 1);
    create(readModel, 'Build', 'b1', { ...defaultBuildConfig(), linked_repo: 'r1' }, 2);
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
