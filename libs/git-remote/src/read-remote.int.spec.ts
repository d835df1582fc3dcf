import { execFile } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync, symlinkSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { startGitHttpServer, type GitHttpServer } from '@monitor/testing';
import { readRemote } from './read-remote';
import { GitRemoteError } from './remote';

const USER = 'reader';
const TOKEN = 'remote-token-5531-secret';
const run = promisify(execFile);

describe('readRemote: files of a private repository, read by the core', () => {
  let git: GitHttpServer;
  let head: string;
  let url: string;
  const remote = () => ({ url, branch: 'main', username: USER, token: TOKEN });

  beforeAll(async () => {
    git = await startGitHttpServer({ username: USER, password: TOKEN });
    await git.createRepo('acme/app', {
      Dockerfile: 'FROM scratch\n',
      'docker/prod.Dockerfile': 'FROM alpine\n',
      'big.txt': 'x'.repeat(1024 * 1024 + 1),
    });
    head = await git.commitFiles('acme/app', { 'README.md': 'hello\n' }, 'feat: readme');
    url = git.url('acme/app');
  }, 30_000);

  afterAll(() => git?.stop());

  it('reads files at the newest commit of the branch, and names the commit', async () => {
    const read = await readRemote(remote(), ['Dockerfile', './docker/prod.Dockerfile']);
    expect(read.commit).toEqual({ hash: head, message: 'feat: readme' });
    expect(read.files).toEqual([
      { path: 'Dockerfile', contents: 'FROM scratch\n' },
      { path: './docker/prod.Dockerfile', contents: 'FROM alpine\n' },
    ]);
  });

  it('reads an older commit, by its full or short hash', async () => {
    const next = await git.commitFiles('acme/app', { Dockerfile: 'FROM busybox\n' }, 'bump');
    const at = (commit: string) => readRemote({ ...remote(), commit }, ['Dockerfile']);
    expect((await at(head)).files[0].contents).toBe('FROM scratch\n');
    expect((await at(head.slice(0, 7))).commit.hash).toBe(head);
    expect((await readRemote(remote(), ['Dockerfile'])).commit.hash).toBe(next);
  });

  it('answers an error for a missing file, a directory, a huge file, and refuses ../ and .git', async () => {
    const read = await readRemote(remote(), ['nope', 'docker', 'big.txt', '../x', '.git/config']);
    expect(read.files.map((f) => [f.path, f.contents, f.error])).toEqual([
      ['nope', undefined, "no file 'nope' in the repository"],
      ['docker', undefined, "'docker' is a tree, not a file"],
      ['big.txt', undefined, expect.stringMatching(/1048577 bytes, more than the 1048576/)],
      ['../x', undefined, expect.stringMatching(/^refused: path must not contain '\.\.'/)],
      [
        '.git/config',
        undefined,
        expect.stringMatching(/^refused: path must not be inside '\.git'/),
      ],
    ]);
  });

  it('refuses a symlink, and a path through one, rather than follow it', async () => {
    const work = mkdtempSync(join(tmpdir(), 'git-remote-link-'));
    try {
      await git.createRepo('acme/links', { 'real/Dockerfile': 'FROM scratch\n' });
      const id = ['-c', 'user.name=t', '-c', 'user.email=t@t.invalid'];
      const g = (...args: string[]) => run('git', [...id, ...args], { cwd: work });
      await g(
        'clone',
        '-q',
        `http://${USER}:${TOKEN}@${new URL(git.url('acme/links')).host}/acme/links.git`,
        '.',
      );
      symlinkSync('/etc/passwd', join(work, 'Dockerfile'));
      symlinkSync('real', join(work, 'linked'));
      await g('add', '-A');
      await g('commit', '-q', '-m', 'links');
      await g('push', '-q', 'origin', 'HEAD:main');
    } finally {
      rmSync(work, { recursive: true, force: true });
    }
    const read = await readRemote({ ...remote(), url: git.url('acme/links') }, [
      'Dockerfile',
      'linked/Dockerfile',
      'real/Dockerfile',
    ]);
    expect(read.files).toEqual([
      { path: 'Dockerfile', error: "refused: 'Dockerfile' is a symlink" },
      { path: 'linked/Dockerfile', error: "no file 'linked/Dockerfile' in the repository" },
      { path: 'real/Dockerfile', contents: 'FROM scratch\n' },
    ]);
  });

  it('with folders, reads every file under a folder or the root with the suffix, in path order', async () => {
    await git.createRepo('acme/sync', {
      'stacks/web.toml': '[[stack]]\n',
      'stacks/db/main.toml': '[[stack]]\nname = "db"\n',
      'stacks/notes.md': 'not read\n',
      'servers.toml': '[[server]]\n',
    });
    const sync = { ...remote(), url: git.url('acme/sync') };
    const folders = { suffix: '.toml' };
    const read = await readRemote(sync, ['stacks', 'servers.toml', 'missing'], { folders });
    expect(read.files).toEqual([
      { path: 'stacks/db/main.toml', contents: '[[stack]]\nname = "db"\n', folder: 'stacks' },
      { path: 'stacks/web.toml', contents: '[[stack]]\n', folder: 'stacks' },
      { path: 'servers.toml', contents: '[[server]]\n' },
      { path: 'missing', error: "no file 'missing' in the repository" },
    ]);
    const root = await readRemote(sync, ['.'], { folders });
    expect(root.files.map((f) => [f.path, f.folder])).toEqual([
      ['servers.toml', '.'],
      ['stacks/db/main.toml', '.'],
      ['stacks/web.toml', '.'],
    ]);
    // Without the option a folder is still refused, as a Dockerfile path must name a file.
    expect((await readRemote(sync, ['stacks'])).files[0].error).toBe(
      "'stacks' is a tree, not a file",
    );
  });

  it('refuses file://, ext:: and credentials in the URL, and an option for a branch, running no git', async () => {
    const refused = async (fields: object, message: RegExp) => {
      const error = await readRemote({ ...remote(), ...fields }, ['Dockerfile']).catch((e) => e);
      expect(error).toBeInstanceOf(GitRemoteError);
      expect(error).toMatchObject({
        code: 'INVALID_REMOTE',
        message: expect.stringMatching(message),
      });
    };
    await refused({ url: 'file:///etc' }, /^url: only http and https/);
    await refused({ url: 'ext::sh -c touch% /tmp/pwned' }, /^url: /);
    await refused(
      { url: `http://${USER}:${TOKEN}@127.0.0.1/acme/app.git` },
      /must not hold credentials/,
    );
    await refused({ branch: '--upload-pack=touch /tmp/pwned' }, /^branch: /);
    await refused({ commit: 'HEAD~1' }, /^commit: /);
  });

  it('fails clearly on a wrong token, without the token in the message', async () => {
    const wrong = 'wrong-token-7712-secret';
    const error = await readRemote({ ...remote(), token: wrong }, ['Dockerfile']).catch((e) => e);
    expect(error).toBeInstanceOf(GitRemoteError);
    expect(error.code).toBe('GIT_FAILED');
    expect(error.message).toMatch(/^git fetch failed: .*refused the credentials/s);
    expect(error.message).not.toContain(wrong);
    expect(error.message).not.toContain(Buffer.from(`${USER}:${wrong}`).toString('base64'));
  });

  it('never sends the token to another origin the remote redirects to', async () => {
    // The other origin asks for credentials and notes every Authorization it is sent: a helper
    // not scoped to the remote's origin would answer it with the token.
    const received: (string | undefined)[] = [];
    const elsewhere = await listen((req, res) => {
      received.push(req.headers.authorization);
      res.writeHead(401, { 'WWW-Authenticate': 'Basic realm="elsewhere"' }).end();
    });
    const redirector = await listen((req, res) => {
      res.writeHead(302, { location: `http://localhost:${port(elsewhere)}${req.url}` }).end();
    });
    try {
      const error = await readRemote(
        { ...remote(), url: `http://127.0.0.1:${port(redirector)}/acme/app.git` },
        ['Dockerfile'],
      ).catch((e) => e);
      expect(error).toMatchObject({ code: 'GIT_FAILED' });
      expect(received.length).toBeGreaterThan(0);
      expect(received.filter(Boolean)).toEqual([]);
    } finally {
      for (const server of [elsewhere, redirector]) server.close();
    }
  });

  it('leaves no folder behind', async () => {
    // A temporary folder of its own: other tests in other workers read remotes at the same time.
    const previous = process.env.TMPDIR;
    const own = mkdtempSync(join(tmpdir(), 'git-remote-tmp-'));
    process.env.TMPDIR = own;
    try {
      await readRemote(remote(), ['Dockerfile']);
      await readRemote({ ...remote(), token: 'bad-token-0000' }, ['Dockerfile']).catch(
        () => undefined,
      );
      expect(listTmp(own)).toEqual([]);
    } finally {
      if (previous === undefined) delete process.env.TMPDIR;
      else process.env.TMPDIR = previous;
      rmSync(own, { recursive: true, force: true });
    }
  });
});

function listTmp(folder: string): string[] {
  return readdirSync(folder).filter((name) => name.startsWith('monitor-git-remote-'));
}

function listen(handler: Parameters<typeof createServer>[1]): Promise<Server> {
  const server = createServer(handler);
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}

function port(server: Server): number {
  return (server.address() as { port: number }).port;
}
