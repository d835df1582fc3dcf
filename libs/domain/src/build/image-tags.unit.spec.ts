import { defaultBuildConfig } from './build.config';
import { buildImageNames, buildImageTags, shortCommit, type BuildTagSource } from './image-tags';

const build = (config: Partial<BuildTagSource['config']> = {}, name = 'web'): BuildTagSource => ({
  name,
  config: { ...defaultBuildConfig(), ...config },
});
const registry = (domain: string, organization = '', account = '') => ({
  domain,
  organization,
  account,
});
const v = { major: 1, minor: 2, patch: 3 };
const hash = '0123456789abcdef0123456789abcdef01234567';

describe("a build's image tags, as Komodo's get_image_tags", () => {
  it('tags latest, the version, major.minor, major and the short commit by default', () => {
    expect(buildImageTags(build(), v, hash)).toEqual([
      'web:latest',
      'web:1.2.3',
      'web:1.2',
      'web:1',
      'web:0123456',
    ]);
  });

  it('has no commit tag without a commit, and leaves out what the config turns off', () => {
    expect(buildImageTags(build(), v)).toEqual(['web:latest', 'web:1.2.3', 'web:1.2', 'web:1']);
    const some = build({ include_latest_tag: false, include_version_tags: false });
    expect(buildImageTags(some, v, hash)).toEqual(['web:0123456']);
  });

  it('tags the bare image_tag, and suffixes every other tag with it', () => {
    expect(buildImageTags(build({ image_tag: 'dev', include_commit_tag: false }), v)).toEqual([
      'web:dev',
      'web:latest-dev',
      'web:1.2.3-dev',
      'web:1.2-dev',
      'web:1-dev',
    ]);
  });

  it('names the image after the build, in Docker lowercase, unless image_name is set', () => {
    expect(buildImageNames(build({}, 'My App'))).toEqual(['my_app']);
    expect(buildImageNames(build({ image_name: 'team/api' }, 'My App'))).toEqual(['team/api']);
  });

  it('tags once per registry, under its organization else its account', () => {
    const config = {
      image_registry: [registry('127.0.0.1:5000', 'Team', 'ci'), registry('ghcr.io', '', 'octo')],
      include_version_tags: false,
    };
    expect(buildImageTags(build(config), v, hash)).toEqual([
      '127.0.0.1:5000/team/web:latest',
      '127.0.0.1:5000/team/web:0123456',
      'ghcr.io/octo/web:latest',
      'ghcr.io/octo/web:0123456',
    ]);
  });

  it('keeps the image local for a registry without a domain', () => {
    expect(buildImageNames(build({ image_registry: [registry('', 'team', 'ci')] }))).toEqual([
      'web',
    ]);
  });

  it('shortens commits to 7 characters', () => {
    expect(shortCommit(hash)).toBe('0123456');
  });
});
