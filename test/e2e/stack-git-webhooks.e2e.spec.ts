import Dockerode from 'dockerode';
import {
  BUSYBOX_TEST_IMAGE,
  ensureBusyboxImage,
  startGitHttpServer,
  type GitHttpServer,
} from '@monitor/testing';
import { startEmbedded, LOCAL_AGENT_ENV, type EmbeddedMonitor } from '../support/embedded';
import { eventually } from '../support/eventually';
import { completed as completedUpdate, type UpdateView as Update } from '../support/updates';
import { addGitAccount, gitProvider, gitSource } from '../support/git-accounts';
import { githubPush, githubSignature, gitlabPush } from '../support/signed-webhook';

const GIT_USER = 'deployer';
const GIT_TOKEN = 'git-token-4711-secret';
const HOOK_SECRET = 'hook-secret-0815';

/** A service that says its greeting and waits; it exits at once on SIGTERM. */
const base = `services:
  app:
    image: ${BUSYBOX_TEST_IMAGE}
    network_mode: none
    command: ["/bin/sh", "-c", "trap 'exit 0' TERM; echo app says $$GREETING; sleep 3600 & wait"]
    environment:
      GREETING: base
`;
const override = (greeting: string) => `services:
  app:
    environment:
      GREETING: ${greeting}
      TAG: \${TAG}
  sidecar:
    image: ${BUSYBOX_TEST_IMAGE}
    network_mode: none
    command: ["/bin/sh", "-c", "trap 'exit 0' TERM; sleep 3600 & wait"]
`;

/** Abbreviated but real-shaped push payloads of both providers. */
const appPush = (branch: string, after: string) =>
  githubPush(branch, after, {
    before: '0'.repeat(40),
    repository: { full_name: 'acme/app', default_branch: 'main' },
    pusher: { name: 'octocat' },
    head_commit: { id: after, message: 'greet v2' },
  });
const appGitlabPush = (branch: string, after: string) =>
  gitlabPush(branch, after, { event_name: 'push', project: { path_with_namespace: 'acme/app' } });
const sign = (body: string, secret = HOOK_SECRET) => githubSignature(body, secret);

describe('stacks from git: two compose files, account token, webhooks', () => {
  const docker = new Dockerode({ socketPath: '/var/run/docker.sock' });
  const project = `e2e-git-stack-${process.pid}`;
  let monitor: EmbeddedMonitor;
  let git: GitHttpServer;
  let firstCommit: string;

  const completed = (update: Update) => completedUpdate(monitor.admin, update);
  const stackUpdates = () =>
    monitor.runtime.readModel.listUpdates((u) => u.target?.type === 'Stack').length;
  const appEnv = async () => {
    const [app] = await docker.listContainers({
      filters: {
        label: [`com.docker.compose.project=${project}`, 'com.docker.compose.service=app'],
      },
    });
    return { id: app.Id, env: (await docker.getContainer(app.Id).inspect()).Config.Env };
  };
  const hook = (path: string, body: string, headers: Record<string, string>) =>
    fetch(`${monitor.url}/listener/${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body,
    });

  beforeAll(async () => {
    await ensureBusyboxImage(docker);
    git = await startGitHttpServer({ username: GIT_USER, password: GIT_TOKEN });
    firstCommit = await git.createRepo('acme/app', {
      'deploy/compose.yaml': base,
      'deploy/compose.prod.yaml': override('prod-v1'),
    });
    monitor = await startEmbedded(LOCAL_AGENT_ENV);
    const provider = gitProvider(git);
    await addGitAccount(monitor.admin, git, { username: GIT_USER, token: GIT_TOKEN });
    await monitor.admin.write('CreateVariable', { name: 'APP_TAG', value: 'tag-42' });
    await monitor.admin.write('CreateStack', {
      name: 'from-git',
      config: {
        server_id: 'local',
        project_name: project,
        ...gitSource(provider, GIT_USER, 'acme/app'),
        run_directory: 'deploy',
        file_paths: ['compose.yaml', 'compose.prod.yaml'],
        environment: 'TAG=[[APP_TAG]]',
        webhook_secret: HOOK_SECRET,
        // The test image is only on this host: no pull (which would ask docker.io).
        auto_pull: false,
        pre_deploy: { path: '', command: 'echo pre-deploy in $(basename $(pwd))' },
      },
    });
  }, 60_000);

  afterAll(async () => {
    // Done before the store closes, so the Update is recorded and nothing is left running.
    await monitor?.admin
      .execute<Update>('DestroyStack', { stack: 'from-git' })
      .then(completed)
      .catch(() => undefined);
    await monitor?.destroy();
    await git?.stop();
    const left = await docker.listContainers({
      all: true,
      filters: { label: [`com.docker.compose.project=${project}`] },
    });
    await Promise.all(left.map((c) => docker.getContainer(c.Id).remove({ force: true })));
  });

  it('clones with the account token and deploys the merged result of two files', async () => {
    const deployed = await completed(
      await monitor.admin.execute<Update>('DeployStack', { stack: 'from-git' }),
    );
    expect(deployed.success).toBe(true);
    expect(deployed.logs.map((l) => l.stage)).toEqual(
      expect.arrayContaining(['clone repo', 'pre deploy', 'compose up']),
    );
    expect(deployed.logs.find((l) => l.stage === 'pre deploy')?.stdout).toBe(
      'pre-deploy in deploy\n',
    );
    expect(JSON.stringify(deployed)).not.toContain(GIT_TOKEN);
    const record = JSON.parse(deployed.other_data ?? '{}');
    expect(record).toMatchObject({ commit_hash: firstCommit, commit_message: 'initial commit' });
    expect(record.deployed_contents.map((f: { path: string }) => f.path)).toEqual([
      'compose.yaml',
      'compose.prod.yaml',
    ]);
    const { env } = await eventually(appEnv);
    expect(env).toEqual(expect.arrayContaining(['GREETING=prod-v1', 'TAG=tag-42']));
    const services = await monitor.admin.read<{ service: string; state: string }[]>(
      'ListStackServices',
      { stack: 'from-git' },
    );
    expect(services.map((s) => [s.service, s.state])).toEqual([
      ['app', 'Running'],
      ['sidecar', 'Running'],
    ]);
    const info = await monitor.admin.read<{ info: Record<string, unknown> }>('GetStack', {
      stack: 'from-git',
    });
    expect(info.info).toMatchObject({
      deployed_hash: firstCommit,
      deployed_message: 'initial commit',
    });
  });

  it('ignores or refuses every webhook that is not a signed push to its branch', async () => {
    const after = await git.commitFiles(
      'acme/app',
      { 'deploy/compose.prod.yaml': override('prod-v2') },
      'greet v2',
    );
    const before = stackUpdates();
    const { id } = await appEnv();
    const body = appPush('main', after);
    const push = { 'x-github-event': 'push' };
    const refused = [
      await hook('github/stack/from-git/deploy', body, push),
      await hook('github/stack/from-git/deploy', body, {
        ...push,
        'x-hub-signature-256': sign(body, 'not-the-secret'),
      }),
      await hook('github/stack/from-git/deploy', body, {
        ...push,
        // Signed right, but for other bytes than those sent.
        'x-hub-signature-256': sign(appPush('main', '1'.repeat(40))),
      }),
      await hook('gitlab/stack/from-git/deploy', appGitlabPush('main', after), {
        'x-gitlab-event': 'Push Hook',
        'x-gitlab-token': 'wrong-token',
      }),
      await hook('gitlab/stack/from-git/deploy', appGitlabPush('main', after), {
        'x-gitlab-event': 'Push Hook',
      }),
    ];
    for (const answer of refused) {
      expect(answer.status).toBe(401);
      expect((await answer.json()).error).toMatch(/X-Hub-Signature-256|X-Gitlab-Token/);
    }
    const other = appPush('feature', after);
    const ignored = await hook('github/stack/from-git/deploy', other, {
      ...push,
      'x-hub-signature-256': sign(other),
    });
    expect(ignored.status).toBe(202);
    expect(await ignored.json()).toEqual({
      ignored: true,
      message: "a push to 'feature' is ignored: Stack 'from-git' follows 'main'",
    });
    const unknown = await hook('github/stack/no-such-stack/deploy', body, {
      ...push,
      'x-hub-signature-256': sign(body),
    });
    expect(unknown.status).toBe(404);
    expect(stackUpdates()).toBe(before);
    expect((await appEnv()).id).toBe(id);
  });

  it('redeploys the new commit on a signed GitHub push, as the user "webhook"', async () => {
    const after = await git.commitFiles(
      'acme/app',
      { 'deploy/compose.prod.yaml': override('prod-v3') },
      'greet v3',
    );
    const body = appPush('main', after);
    const answer = await hook('github/stack/from-git/deploy', body, {
      'x-github-event': 'push',
      'x-hub-signature-256': sign(body),
    });
    expect(answer.status).toBe(202);
    const update = await completed((await answer.json()) as Update);
    expect(update).toMatchObject({
      operation: 'DeployStackIfChanged',
      operator: 'webhook',
      success: true,
    });
    expect(JSON.parse(update.other_data ?? '{}')).toMatchObject({ commit_hash: after });
    expect((await appEnv()).env).toContain('GREETING=prod-v3');
  });

  it('does nothing on DeployStackIfChanged when nothing changed, and refreshes on GitLab', async () => {
    const { id } = await appEnv();
    const same = await completed(
      await monitor.admin.execute<Update>('DeployStackIfChanged', { stack: 'from-git' }),
    );
    expect(same.success).toBe(true);
    expect(same.logs.find((l) => l.stage === 'check for changes')?.stdout).toMatch(
      /nothing changed/,
    );
    expect(same.logs.map((l) => l.stage)).not.toContain('compose up');
    expect((await appEnv()).id).toBe(id);

    const body = appGitlabPush('main', 'f'.repeat(40));
    const answer = await hook('gitlab/stack/from-git/refresh', body, {
      'x-gitlab-event': 'Push Hook',
      'x-gitlab-token': HOOK_SECRET,
    });
    expect(answer.status).toBe(202);
    const refresh = await completed((await answer.json()) as Update);
    expect(refresh).toMatchObject({
      operation: 'RefreshStackCache',
      operator: 'webhook',
      success: true,
    });
    expect(refresh.logs.map((l) => l.stage)).not.toContain('compose up');
  });

  it('clones afresh with reclone, and still sees nothing changed', async () => {
    await monitor.admin.write('UpdateStack', { id: 'from-git', config: { reclone: true } });
    const recloned = await completed(
      await monitor.admin.execute<Update>('DeployStackIfChanged', { stack: 'from-git' }),
    );
    expect(recloned.success).toBe(true);
    const stages = recloned.logs.map((l) => l.stage);
    expect(stages).toEqual(expect.arrayContaining(['remove old clone', 'clone repo']));
    expect(stages).not.toContain('compose up');
    await monitor.admin.write('UpdateStack', { id: 'from-git', config: { reclone: false } });
  });

  it("deploys a stack whose files come from its linked Repo's git settings", async () => {
    const provider = gitProvider(git);
    await monitor.admin.write('CreateRepo', {
      name: 'app-repo',
      config: {
        ...gitSource(provider, GIT_USER, 'acme/app'),
      },
    });
    await monitor.admin.write('CreateStack', {
      name: 'linked',
      config: {
        server_id: 'local',
        project_name: `${project}-linked`,
        linked_repo: 'app-repo',
        run_directory: 'deploy',
        file_paths: ['compose.yaml', 'compose.prod.yaml'],
        environment: 'TAG=linked',
        auto_pull: false,
      },
    });
    const deployed = await completed(
      await monitor.admin.execute<Update>('DeployStack', { stack: 'linked' }),
    );
    expect(deployed.success).toBe(true);
    expect(deployed.logs.find((l) => l.stage === 'prepare')?.command).toContain('acme/app.git');
    expect(JSON.stringify(deployed)).not.toContain(GIT_TOKEN);
    const destroyed = await completed(
      await monitor.admin.execute<Update>('DestroyStack', { stack: 'linked' }),
    );
    expect(destroyed.success).toBe(true);
  });

  it('refuses run directories and file paths that leave the stack folder, at write time', async () => {
    for (const config of [
      { run_directory: '../elsewhere' },
      { run_directory: '/etc' },
      { file_paths: ['compose.yaml', '../../etc/passwd'] },
      { env_file_path: '/root/.env' },
    ]) {
      const answer = await monitor.admin.call('write', 'UpdateStack', { id: 'from-git', config });
      expect(answer.status).toBe(400);
      expect(answer.body.error).toMatch(Object.keys(config)[0]);
    }
    const stack = await monitor.admin.read<{ config: { run_directory: string } }>('GetStack', {
      stack: 'from-git',
    });
    expect(stack.config.run_directory).toBe('deploy');
  });
});
