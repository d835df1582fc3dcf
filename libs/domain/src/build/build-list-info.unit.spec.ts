import type { Types } from 'komodo_client';
import { defaultBuildConfig } from './build.config';
import { buildListInfo, type BuildListInfo } from './build-list-info';
import { initialBuildRecord, type BuildRecord } from './build-record';

/** Compile-time: Monitor's list info has exactly Komodo's fields, of Komodo's types. */
type Loose<T> = { [K in keyof T]: T[K] extends Types.BuildState ? `${T[K]}` : T[K] };
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const sameAsKomodo: Same<BuildListInfo, Loose<Types.BuildListItemInfo>> = true;

const v = (major: number, minor: number, patch: number) => ({ major, minor, patch });
const record = (fields: Partial<BuildRecord> = {}): BuildRecord => ({
  ...initialBuildRecord(),
  status: 'Active',
  ...fields,
});

describe("ListBuilds' info, as Komodo's BuildListItemInfo", () => {
  it('has every field of Komodo', () => {
    expect(sameAsKomodo).toBe(true);
  });

  it('reads the config, the recorded builds, and whether one runs', () => {
    const config = {
      ...defaultBuildConfig(),
      builder_id: 'b1',
      repo: 'acme/web',
      branch: 'dev',
      dockerfile: 'FROM scratch',
      image_registry: [{ domain: 'ghcr.io', organization: '', account: 'acme' }],
    };
    const built = record({
      version: v(0, 0, 2),
      last_built_at: 5_000,
      built_hash: 'abcdef0',
      last_outcome: 'Built',
    });
    expect(buildListInfo(config, built, false, undefined, '1234567')).toEqual({
      state: 'Ok',
      last_built_at: 5_000,
      version: v(0, 0, 2),
      builder_id: 'b1',
      files_on_host: false,
      dockerfile_contents: true,
      linked_repo: '',
      linked_repo_name: undefined,
      git_provider: 'github.com',
      repo: 'acme/web',
      branch: 'dev',
      repo_link: 'https://github.com/acme/web/tree/dev',
      built_hash: 'abcdef0',
      latest_hash: '1234567',
      image_registry_domain: 'ghcr.io',
    });
    expect(buildListInfo(config, record({ last_outcome: 'Failed' }), true).state).toBe('Building');
  });

  it("shows a linked Repo's source, and the config's version before any event", () => {
    const config = { ...defaultBuildConfig(), linked_repo: 'r1', version: v(1, 0, 0) };
    const linked = {
      name: 'web-repo',
      git_provider: 'git.example.com',
      git_https: false,
      repo: 'team/web',
      branch: 'main',
    };
    expect(buildListInfo(config, initialBuildRecord(), false, linked)).toMatchObject({
      version: v(1, 0, 0),
      linked_repo: 'r1',
      linked_repo_name: 'web-repo',
      repo_link: 'http://git.example.com/team/web',
    });
  });
});
