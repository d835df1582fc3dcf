import { startGitHttpServer, type GitHttpServer } from '@monitor/testing';
import { commitRemote } from './commit-remote';
import { readRemote } from './read-remote';
import { GitRemoteError } from './remote';

const USER = 'writer';
const TOKEN = 'commit-token-8813-secret';
const author = { name: 'Monitor', email: 'monitor@localhost' };

describe('commitRemote: files committed and pushed onto a branch, no checkout', () => {
  let git: GitHttpServer;
  let url: string;
  const remote = () => ({ url, branch: 'main', username: USER, token: TOKEN });

  beforeAll(async () => {
    git = await startGitHttpServer({ username: USER, password: TOKEN });
    await git.createRepo('acme/sync', { 'a.toml': 'a = 1\n', 'b/c.toml': 'c = 1\n' });
    url = git.url('acme/sync');
  }, 30_000);

  afterAll(() => git?.stop());

  it('writes changed and new files, keeps the rest, and the branch names the new commit', async () => {
    const before = await readRemote(remote(), ['a.toml']);
    const commit = await commitRemote(remote(), {
      files: [
        { path: 'b/c.toml', contents: 'c = 2\n' },
        { path: 'new/d.toml', contents: 'd = 1\n' },
      ],
      message: 'Monitor: commit sync',
      author,
      expectedHead: before.commit.hash,
    });
    const after = await readRemote(remote(), ['a.toml', 'b/c.toml', 'new/d.toml']);
    expect(after.commit).toEqual({ hash: commit, message: 'Monitor: commit sync' });
    expect(after.files.map((f) => f.contents)).toEqual(['a = 1\n', 'c = 2\n', 'd = 1\n']);
  });

  it('refuses when the branch moved since it was read, pushing nothing', async () => {
    const read = await readRemote(remote(), ['a.toml']);
    const moved = await git.commitFiles('acme/sync', { 'a.toml': 'a = 9\n' }, 'someone else');
    const error = await commitRemote(remote(), {
      files: [{ path: 'a.toml', contents: 'a = 2\n' }],
      message: 'stale',
      author,
      expectedHead: read.commit.hash,
    }).catch((e) => e);
    expect(error).toBeInstanceOf(GitRemoteError);
    expect(error.message).toMatch(/moved since it was read/);
    expect((await readRemote(remote(), ['a.toml'])).commit.hash).toBe(moved);
  });

  it('refuses a path out of the repository and a wrong token, without the token in the message', async () => {
    const escape = await commitRemote(remote(), {
      files: [{ path: '../x.toml', contents: '' }],
      message: 'x',
      author,
    }).catch((e) => e);
    expect(escape).toMatchObject({ code: 'INVALID_REMOTE' });
    const wrong = 'wrong-commit-token-4410';
    const refused = await commitRemote(
      { ...remote(), token: wrong },
      { files: [{ path: 'a.toml', contents: '' }], message: 'x', author },
    ).catch((e) => e);
    expect(refused).toMatchObject({ code: 'GIT_FAILED' });
    expect(refused.message).not.toContain(wrong);
  });
});
