import { startGitHttpServer, type GitHttpServer } from '@monitor/testing';
import { startEmbedded, LOCAL_AGENT_ENV, type EmbeddedMonitor } from '../support/embedded';
import { completed as completedUpdate, type UpdateView as Update } from '../support/updates';
import { addGitAccount, gitProvider, gitSource } from '../support/git-accounts';
import { expectNoSecret } from '../support/secret-search';
import { githubPush, githubSignature, gitlabPush } from '../support/signed-webhook';

const GIT_USER = 'deployer';
const GIT_TOKEN = 'git-token-9931-secret';
const WRONG_TOKEN = 'wrong-token-5521-secret';
const HOOK_SECRET = 'repo-hook-secret-77';
const API_KEY = 'api-key-4242-secret';

type RepoInfo = Record<string, unknown>;
type ListItem = { name: string; info: RepoInfo };

const toolsPush = (branch: string, after: string) =>
  githubPush(branch, after, { repository: { full_name: 'acme/tools' } });
const sign = (body: string, secret = HOOK_SECRET) => githubSignature(body, secret);

describe('Repos: clone, pull, refresh from a private repository over HTTP', () => {
  let monitor: EmbeddedMonitor;
  let git: GitHttpServer;
  let first: string;
  let provider: string;

  const completed = (update: Update) => completedUpdate(monitor.admin, update);
  const execute = async (request: string, params: object) =>
    completed(await monitor.admin.execute<Update>(request, params));
  const info = async (name: string) => {
    const items = await monitor.admin.read<ListItem[]>('ListRepos');
    return items.find((r) => r.name === name)!.info;
  };
  const repoUpdates = () =>
    monitor.runtime.readModel.listUpdates((u) => u.target?.type === 'Repo').length;
  const hook = (path: string, body: string, headers: Record<string, string>) =>
    fetch(`${monitor.url}/listener/${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body,
    });
  const repoConfig = (account: string) => ({
    server_id: 'local',
    ...gitSource(provider, account, 'acme/tools'),
  });

  beforeAll(async () => {
    git = await startGitHttpServer({ username: GIT_USER, password: GIT_TOKEN });
    first = await git.createRepo('acme/tools', { 'README.md': 'tools v1\n' });
    provider = gitProvider(git);
    monitor = await startEmbedded(LOCAL_AGENT_ENV);
    await addGitAccount(monitor.admin, git, { username: GIT_USER, token: GIT_TOKEN });
    await addGitAccount(monitor.admin, git, { username: 'intruder', token: WRONG_TOKEN });
    await monitor.admin.write('CreateVariable', {
      name: 'TOOLS_KEY',
      value: API_KEY,
      is_secret: true,
    });
    await monitor.admin.write('CreateRepo', {
      name: `tools-${process.pid}`,
      config: {
        ...repoConfig(GIT_USER),
        environment: 'API_KEY=[[TOOLS_KEY]]\nMODE=test',
        env_file_path: 'conf/.env',
        on_clone: { path: '', command: 'echo cloned $(cat README.md); cat conf/.env' },
        on_pull: { path: 'conf', command: 'echo pulled in $(basename $(pwd))' },
        webhook_secret: HOOK_SECRET,
      },
    });
    await monitor.admin.write('CreateRepo', {
      name: `tools-${process.pid}-bad`,
      config: repoConfig('intruder'),
    });
  }, 60_000);

  afterAll(async () => {
    await monitor?.destroy();
    await git?.stop();
  });

  const tools = () => `tools-${process.pid}`;

  it('clones with the account token, writes the env file, runs on_clone then on_pull', async () => {
    const update = await execute('CloneRepo', { repo: tools() });
    expect(update.success).toBe(true);
    expect(update.logs.map((l) => l.stage)).toEqual([
      'server',
      'repo folder',
      'git source',
      'host access',
      'init repo',
      'set remote',
      'clone repo',
      'reset to commit',
      'write env file',
      'on clone',
      'on pull',
    ]);
    const onClone = update.logs.find((l) => l.stage === 'on clone')!.stdout;
    expect(onClone).toContain('cloned tools v1');
    expect(onClone).toContain('MODE=test');
    expect(onClone).toMatch(/API_KEY=\S+/);
    expect(update.logs.find((l) => l.stage === 'on pull')!.stdout).toBe('pulled in conf\n');
    expectNoSecret([update], [GIT_TOKEN, API_KEY]);
    expect(await info(tools())).toMatchObject({
      state: 'Ok',
      cloned_hash: first,
      cloned_message: 'initial commit',
      latest_hash: first,
      repo: 'acme/tools',
    });
    expect((await info(tools())).last_pulled_at).toBeGreaterThan(0);
  });

  it('refreshes the latest commit without touching the clone, then pulls it', async () => {
    const second = await git.commitFiles('acme/tools', { 'README.md': 'tools v2\n' }, 'second');
    expect(await monitor.admin.write('RefreshRepoCache', { repo: tools() })).toEqual({});
    expect(await info(tools())).toMatchObject({ cloned_hash: first, latest_hash: second });
    const got = await monitor.admin.read<{ info: RepoInfo }>('GetRepo', { repo: tools() });
    expect(got.info).toMatchObject({ latest_hash: second, latest_message: 'second' });

    const pulled = await execute('PullRepo', { repo: tools() });
    expect(pulled.success).toBe(true);
    const stages = pulled.logs.map((l) => l.stage);
    expect(stages).toEqual(expect.arrayContaining(['pull repo', 'on pull']));
    expect(stages).not.toContain('on clone');
    expect(await info(tools())).toMatchObject({
      cloned_hash: second,
      cloned_message: 'second',
      latest_hash: second,
    });
  });

  it("fails the clone stage with git's message on a bad token, and shows no token", async () => {
    const update = await execute('CloneRepo', { repo: `${tools()}-bad` });
    expect(update.success).toBe(false);
    const failed = update.logs.find((l) => !l.success)!;
    expect(failed.stage).toBe('clone repo');
    expect(failed.stderr).toMatch(/refused the credentials/);
    expect(JSON.stringify(update)).not.toContain(WRONG_TOKEN);
    expect(await info(`${tools()}-bad`)).toMatchObject({ state: 'Failed' });
    expect((await info(`${tools()}-bad`)).cloned_hash).toBeUndefined();
  });

  it('refuses webhooks that are not signed pushes to its branch, and pulls on a signed one', async () => {
    const after = await git.commitFiles('acme/tools', { 'README.md': 'tools v3\n' }, 'third');
    const before = repoUpdates();
    const body = toolsPush('main', after);
    const push = { 'x-github-event': 'push' };
    for (const headers of [push, { ...push, 'x-hub-signature-256': sign(body, 'wrong') }]) {
      const answer = await hook(`github/repo/${tools()}/pull`, body, headers);
      expect(answer.status).toBe(401);
    }
    const gitlab = await hook(`gitlab/repo/${tools()}/pull`, gitlabPush('main', after), {
      'x-gitlab-event': 'Push Hook',
      'x-gitlab-token': 'wrong',
    });
    expect(gitlab.status).toBe(401);
    const other = toolsPush('feature', after);
    const ignored = await hook(`github/repo/${tools()}/pull`, other, {
      ...push,
      'x-hub-signature-256': sign(other),
    });
    expect(await ignored.json()).toEqual({
      ignored: true,
      message: `a push to 'feature' is ignored: Repo '${tools()}' follows 'main'`,
    });
    expect(repoUpdates()).toBe(before);

    const answer = await hook(`github/repo/${tools()}/pull`, body, {
      ...push,
      'x-hub-signature-256': sign(body),
    });
    expect(answer.status).toBe(202);
    const update = await completed((await answer.json()) as Update);
    expect(update).toMatchObject({ operation: 'PullRepo', operator: 'webhook', success: true });
    expect(await info(tools())).toMatchObject({ cloned_hash: after, cloned_message: 'third' });

    const clone = gitlabPush('main', after);
    const cloned = await hook(`gitlab/repo/${tools()}/clone`, clone, {
      'x-gitlab-event': 'Push Hook',
      'x-gitlab-token': HOOK_SECRET,
    });
    expect(cloned.status).toBe(202);
    expect(await completed((await cloned.json()) as Update)).toMatchObject({
      operation: 'CloneRepo',
      success: true,
    });
  });

  it('pulls every repo a batch pattern picks, one answer each', async () => {
    const answers = await monitor.admin.execute<
      { status: string; data: Update | { name: string } }[]
    >('BatchPullRepo', { pattern: `tools-${process.pid}*` });
    expect(answers.map((a) => a.status)).toEqual(['Ok', 'Ok']);
    const updates = await Promise.all(answers.map((a) => completed(a.data as Update)));
    expect(updates.map((u) => u.success).sort()).toEqual([false, true]);
  });

  it('refuses bad input with 400 naming the field, and changes nothing', async () => {
    const bad: [string, object][] = [
      ['config.path', { path: '../outside' }],
      ['config.env_file_path', { env_file_path: '/etc/profile' }],
      ['config.on_clone.path', { on_clone: { path: '../..', command: 'id' } }],
      ['config.branch', { branch: '-upload-pack=x' }],
      ['config.commit', { commit: 'HEAD~1' }],
    ];
    for (const [field, config] of bad) {
      const answer = await monitor.admin.call('write', 'UpdateRepo', { id: tools(), config });
      expect([answer.status, answer.body.error]).toEqual([
        400,
        expect.stringContaining(field.slice(7)),
      ]);
    }
    const repo = await monitor.admin.read<{ config: Record<string, unknown> }>('GetRepo', {
      repo: tools(),
    });
    expect(repo.config).toMatchObject({ path: '', env_file_path: 'conf/.env', branch: 'main' });

    await monitor.admin.write('CreateRepo', { name: `nowhere-${process.pid}`, config: {} });
    const noServer = await execute('CloneRepo', { repo: `nowhere-${process.pid}` });
    expect(noServer.success).toBe(false);
    expect(noServer.logs.map((l) => [l.stage, l.stderr])).toEqual([
      ['server', expect.stringMatching(/has no server: set config\.server_id/)],
    ]);
    const before = repoUpdates();
    const noName = await monitor.admin.call('execute', 'PullRepo', {});
    expect([noName.status, noName.body.error]).toEqual([400, expect.stringMatching(/repo/)]);
    expect(repoUpdates()).toBe(before);
  });
});
