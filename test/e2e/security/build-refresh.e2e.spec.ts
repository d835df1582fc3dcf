import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { startGitHttpServer, type GitHttpServer } from '@monitor/testing';
import type { ApiClient } from '../../support/api';
import { startEmbedded, type EmbeddedMonitor } from '../../support/embedded';
import { enabledUser, grant } from '../../support/security';
import { addGitAccount, gitProvider, gitSource } from '../../support/git-accounts';

const GIT_USER = 'builder';
const GIT_TOKEN = 'git-token-6620-secret';
const HUGE = 300 * 1024;
const run = promisify(execFile);

type Info = Record<string, unknown>;

/**
 * Issue 13, RefreshBuildCache: the core reads a user's repository itself (libs/git-remote), so
 * what the repository holds must not make it read or store anything else: a Dockerfile that is a
 * symlink to the core's own files, one under a symlinked folder, one too large for an event.
 * Each refresh is made by an ordinary user with Write on the build (Execute with it); the file is
 * refused with a clear `remote_error` and no contents; a plain Dockerfile beside them is read.
 */
describe("security: RefreshBuildCache reads a user's repository without following it out", () => {
  let monitor: EmbeddedMonitor;
  let git: GitHttpServer;
  let mallory: ApiClient;

  const info = async (build: string) =>
    (await monitor.admin.read<{ info: Info }>('GetBuild', { build })).info;
  const refreshAs = (build: string) => mallory.write('RefreshBuildCache', { build });

  beforeAll(async () => {
    git = await startGitHttpServer({ username: GIT_USER, password: GIT_TOKEN });
    await git.createRepo('mallory/app', { 'real/Dockerfile': 'FROM scratch\n' });
    await pushLinksAndHugeFile(git);
    const provider = gitProvider(git);
    monitor = await startEmbedded({ MONITOR_AUTH_ALLOW_SIGNUPS: 'true' });
    mallory = (await enabledUser(monitor, 'mallory')).client;
    await addGitAccount(monitor.admin, git, { username: GIT_USER, token: GIT_TOKEN });
    await monitor.admin.write('CreateBuilder', {
      name: 'b',
      config: { type: 'Url', params: { address: 'http://127.0.0.1:1' } },
    });
    const builds: Record<string, object> = {
      linked: { dockerfile_path: 'Dockerfile' },
      'through-dir': { build_path: 'etc', dockerfile_path: 'passwd' },
      huge: { dockerfile_path: 'huge.Dockerfile' },
      plain: { build_path: 'real' },
    };
    for (const [name, paths] of Object.entries(builds)) {
      await monitor.admin.write('CreateBuild', {
        name,
        config: {
          builder_id: 'b',
          ...gitSource(provider, GIT_USER, 'mallory/app'),
          ...paths,
        },
      });
      await grant(monitor.admin, 'mallory', { type: 'Build', id: name }, 'Write', []);
    }
  }, 60_000);

  afterAll(async () => {
    await monitor?.destroy();
    await git?.stop();
  });

  it('refuses a Dockerfile that is a symlink to a file of the core (/etc/passwd)', async () => {
    expect(await refreshAs('linked')).toEqual({});
    const shown = await info('linked');
    expect(shown.remote_error).toBe("refused: 'Dockerfile' is a symlink");
    expect(shown.remote_contents).toBeUndefined();
    expect(JSON.stringify(shown)).not.toContain('root:');
  });

  it('does not follow a symlinked folder (build_path) to the core', async () => {
    expect(await refreshAs('through-dir')).toEqual({});
    const shown = await info('through-dir');
    expect(shown.remote_error).toBe("no file 'etc/passwd' in the repository");
    expect(JSON.stringify(shown)).not.toContain('root:');
  });

  it('stores no Dockerfile larger than 256 KiB (an event must stay under NATS max_payload)', async () => {
    expect(await refreshAs('huge')).toEqual({});
    const shown = await info('huge');
    expect(shown.remote_error).toMatch(/'huge\.Dockerfile' is 307200 bytes, more than the 262144/);
    expect(shown.remote_contents).toBeUndefined();
  });

  it('still reads a plain Dockerfile of the same repository', async () => {
    expect(await refreshAs('plain')).toEqual({});
    expect(await info('plain')).toMatchObject({
      remote_path: 'real/Dockerfile',
      remote_contents: 'FROM scratch\n',
    });
  });
});

/** What the test server's helpers cannot commit: symlinks, and a file too large to keep. */
async function pushLinksAndHugeFile(git: GitHttpServer): Promise<void> {
  const work = mkdtempSync(join(tmpdir(), 'monitor-refresh-links-'));
  const url = new URL(git.url('mallory/app'));
  Object.assign(url, { username: GIT_USER, password: GIT_TOKEN });
  const g = (...args: string[]) =>
    run('git', ['-c', 'user.name=m', '-c', 'user.email=m@m.invalid', ...args], { cwd: work });
  try {
    await g('clone', '-q', url.toString(), '.');
    symlinkSync('/etc/passwd', join(work, 'Dockerfile'));
    symlinkSync('/etc', join(work, 'etc'));
    writeFileSync(join(work, 'huge.Dockerfile'), `FROM scratch\n#${'x'.repeat(HUGE - 15)}\n`);
    await g('add', '-A');
    await g('commit', '-q', '-m', 'links');
    await g('push', '-q', 'origin', 'HEAD:main');
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}
