import {
  isGitBranch,
  isGitCommit,
  isGitProvider,
  isGitRepoPath,
  isImageReference,
  isProjectName,
} from './runtime-syntax';

describe('what the agent hands to Docker, compose and git', () => {
  it('takes image references Docker takes, nothing that reaches another endpoint', () => {
    for (const ok of [
      'nginx',
      'nginx:1.27',
      '127.0.0.1:5000/app:2',
      'ghcr.io/a/b@sha256:' + 'a'.repeat(64),
    ])
      expect([ok, isImageReference(ok)]).toEqual([ok, true]);
    for (const bad of ['', 'nginx latest', 'app:1;rm -rf /', '../x', 'a/../b', 'x?y', 'UPPER CASE'])
      expect([bad, isImageReference(bad)]).toEqual([bad, false]);
  });

  it("takes compose's project names", () => {
    expect(isProjectName('shop_web-1')).toBe(true);
    for (const bad of ['Shop', '-x', 'a b', 'a/b', ''])
      expect([bad, isProjectName(bad)]).toEqual([bad, false]);
  });

  it('takes branches and commits git takes, never an option or a climb', () => {
    for (const ok of ['main', 'release/1.2', 'feature_x-y']) expect(isGitBranch(ok)).toBe(true);
    for (const bad of ['-upload-pack=x', 'a..b', 'a//b', 'x.lock', 'a b', 'x/', '--'])
      expect([bad, isGitBranch(bad)]).toEqual([bad, false]);
    expect(isGitCommit('a1b2c3d')).toBe(true);
    expect(isGitCommit('HEAD~1')).toBe(false);
  });

  it('takes a provider host and a repository path, nothing that changes the URL', () => {
    for (const ok of ['github.com', 'git.example.com:8443', '127.0.0.1:3000'])
      expect(isGitProvider(ok)).toBe(true);
    for (const bad of ['https://github.com', 'user@github.com', 'github.com/x', 'a b', 'x?y'])
      expect([bad, isGitProvider(bad)]).toEqual([bad, false]);
    for (const ok of ['acme/app', 'group/sub/app.git', 'me/my.repo'])
      expect(isGitRepoPath(ok)).toBe(true);
    for (const bad of ['../etc', 'acme/../x', '-u/x', 'a b/c', 'a/b?x=1', 'a@b/c', '/abs', 'a//b'])
      expect([bad, isGitRepoPath(bad)]).toEqual([bad, false]);
  });
});
