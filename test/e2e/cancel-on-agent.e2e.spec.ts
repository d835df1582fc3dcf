import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startGitHttpServer, type GitHttpServer } from '@monitor/testing';
import { startEmbedded, LOCAL_AGENT_ENV, type EmbeddedMonitor } from '../support/embedded';
import { eventually } from '../support/eventually';
import { completed, type UpdateView as Update } from '../support/updates';
import { createServerBuilder } from '../support/builders';
import { addGitAccount, gitProvider, gitSource } from '../support/git-accounts';

const GIT_USER = 'cancel-user';
const GIT_TOKEN = 'cancel-git-token-4141';

/** The process groups with a live process (a zombie waiting for init runs nothing). */
const liveGroups = () =>
  execFileSync('ps', ['-e', '-o', 'pgid=,stat='], { encoding: 'utf8' })
    .split('\n')
    .map((line) => line.trim().split(/\s+/))
    .filter(([group, stat]) => group && !stat?.startsWith('Z'))
    .map(([group]) => group);

/**
 * A cancel stops the work on the agent itself: the agent runs a Repo's clone and commands under
 * the Repo's id, and a Build's checkout and pre-build under the Build's id; CancelRepoBuild asks
 * it to cancel that run (CancelRepoRun), CancelBuild likewise (the agent's CancelBuild), which
 * kills the command with everything it started. Komodo cannot and refuses CancelRepoBuild on
 * Server builders; Monitor cancels on every builder type.
 */
describe('CancelRepoBuild and CancelBuild kill the command running on the agent', () => {
  let monitor: EmbeddedMonitor;
  let git: GitHttpServer;
  let dir: string;
  let provider: string;
  // Notes its process group, starts a job that would write the marker later, then waits.
  const lingering = () => `echo $$ > ${dir}/group; (sleep 4; touch ${dir}/marker) & sleep 30`;
  const startedGroup = async () => {
    await eventually(async () => expect(existsSync(join(dir, 'group'))).toBe(true), 20_000);
    const group = readFileSync(join(dir, 'group'), 'utf8').trim();
    expect(liveGroups()).toContain(group);
    return group;
  };
  const expectAllGone = async (group: string) => {
    expect(liveGroups()).not.toContain(group);
    await new Promise((resolve) => setTimeout(resolve, 4_500));
    expect(existsSync(join(dir, 'marker'))).toBe(false);
  };

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'cancel-on-agent-'));
    git = await startGitHttpServer({ username: GIT_USER, password: GIT_TOKEN });
    await git.createRepo('acme/slow', { 'README.md': 'slow\n' });
    provider = gitProvider(git);
    monitor = await startEmbedded(LOCAL_AGENT_ENV);
    await addGitAccount(monitor.admin, git, { username: GIT_USER, token: GIT_TOKEN });
    await createServerBuilder(monitor.admin, 'cancel-builder');
    await monitor.admin.write('CreateRepo', {
      name: 'slow-repo',
      config: {
        builder_id: 'cancel-builder',
        ...gitSource(provider, GIT_USER, 'acme/slow'),
        on_clone: { path: '', command: lingering() },
      },
    });
  }, 60_000);

  beforeEach(() => rmSync(join(dir, 'group'), { force: true }));

  afterAll(async () => {
    await monitor?.destroy();
    await git?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('ends the BuildRepo cancelled within seconds, and nothing of on_clone is left running', async () => {
    const build = await monitor.admin.execute<Update>('BuildRepo', { repo: 'slow-repo' });
    const group = await startedGroup();

    const asked = Date.now();
    const cancel = await completed(
      monitor.admin,
      await monitor.admin.execute<Update>('CancelRepoBuild', { repo: 'slow-repo' }),
    );
    const ended = await completed(monitor.admin, build);
    expect(Date.now() - asked).toBeLessThan(5_000);
    expect(cancel.success).toBe(true);
    expect(cancel.logs.map((l) => l.stdout)).toEqual([
      expect.stringMatching(/cancellation has been queued/),
      'the repo build stopped: nothing was recorded as built',
    ]);

    expect(ended.success).toBe(false);
    const onClone = ended.logs.find((l) => l.stage === 'on clone')!;
    expect(onClone.success).toBe(false);
    expect(onClone.stderr).toMatch(/cancelled: killed with everything it started/);
    expect(ended.logs.at(-1)).toMatchObject({
      stage: 'Repo Build Cancelled',
      success: false,
      stdout: "the agent's clone and commands were stopped",
    });
    await expectAllGone(group);

    const got = await monitor.admin.read<{ info: { last_built_at: number } }>('GetRepo', {
      repo: 'slow-repo',
    });
    expect(got.info.last_built_at).toBe(0);
  }, 60_000);

  it('ends a RunBuild cancelled during its pre-build, which runs after the checkout, and kills it', async () => {
    await monitor.admin.write('CreateBuild', {
      name: 'slow-build',
      config: {
        builder_id: 'cancel-builder',
        ...gitSource(provider, GIT_USER, 'acme/slow'),
        dockerfile: 'FROM scratch\nLABEL monitor-test=cancel\n',
        pre_build: { path: '', command: lingering() },
      },
    });
    const build = await monitor.admin.execute<Update>('RunBuild', { build: 'slow-build' });
    const group = await startedGroup();

    const asked = Date.now();
    const cancel = await completed(
      monitor.admin,
      await monitor.admin.execute<Update>('CancelBuild', { build: 'slow-build' }),
    );
    const ended = await completed(monitor.admin, build);
    expect(Date.now() - asked).toBeLessThan(5_000);
    expect(cancel.success).toBe(true);
    expect(ended.success).toBe(false);
    const pre = ended.logs.find((l) => l.stage === 'Pre Build')!;
    expect(pre.stderr).toMatch(/cancelled: killed with everything it started/);
    expect(ended.logs.map((l) => l.stage)).not.toContain('Docker Build');
    expect(ended.logs.at(-1)).toMatchObject({
      stage: 'Build Cancelled',
      stdout: "the agent's build was stopped",
      success: false,
    });
    await expectAllGone(group);
  }, 60_000);
});
