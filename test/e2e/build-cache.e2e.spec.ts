import { FakeEc2, startGitHttpServer, type GitHttpServer } from '@monitor/testing';
import { startEmbedded, LOCAL_AGENT_ENV, type EmbeddedMonitor } from '../support/embedded';
import { enabledUser, expectRefused, grant } from '../support/security';
import { completed, type UpdateView } from '../support/updates';
import { addGitAccount, gitProvider, gitSource } from '../support/git-accounts';

const GIT_USER = 'builder';
const GIT_TOKEN = 'git-token-3107-secret';
const WRONG_TOKEN = 'wrong-token-8824-secret';

type Info = Record<string, unknown>;

describe("RefreshBuildCache: a Build's latest remote commit and Dockerfile, read by the core", () => {
  let monitor: EmbeddedMonitor;
  let git: GitHttpServer;
  let ec2: FakeEc2;
  let first: string;
  let provider: string;
  const run = process.pid;

  const short = (hash: string) => hash.slice(0, 7);
  const refresh = (build: string) => monitor.admin.call('write', 'RefreshBuildCache', { build });
  const fullInfo = async (build: string) =>
    (await monitor.admin.read<{ info: Info }>('GetBuild', { build })).info;
  const listInfo = async (name: string) =>
    (await monitor.admin.read<{ name: string; info: Info }[]>('ListBuilds')).find(
      (b) => b.name === name,
    )!.info;
  const source = (account: string) => ({
    ...gitSource(provider, account, 'acme/app'),
  });

  beforeAll(async () => {
    git = await startGitHttpServer({ username: GIT_USER, password: GIT_TOKEN });
    first = await git.createRepo('acme/app', {
      Dockerfile: 'FROM scratch\n',
      'web/build.Dockerfile': 'FROM alpine\n',
    });
    provider = gitProvider(git);
    ec2 = await FakeEc2.start();
    monitor = await startEmbedded({
      MONITOR_AUTH_ALLOW_SIGNUPS: 'true',
      ...LOCAL_AGENT_ENV,
      MONITOR_AWS_ACCESS_KEY_ID: 'AKIATESTKEY',
      MONITOR_AWS_SECRET_ACCESS_KEY: 'aws-secret-for-refresh-test',
      MONITOR_AWS_ENDPOINT: ec2.endpoint,
    });
    await addGitAccount(monitor.admin, git, { username: GIT_USER, token: GIT_TOKEN });
    await addGitAccount(monitor.admin, git, { username: 'intruder', token: WRONG_TOKEN });
    await monitor.admin.write('CreateBuilder', {
      name: 'aws-builder',
      config: { type: 'Aws', params: { ami_id: 'ami-12345678' } },
    });
    const builder = { builder_id: 'aws-builder' };
    await monitor.admin.write('CreateBuild', {
      name: `app-${run}`,
      config: { ...builder, ...source(GIT_USER) },
    });
    await monitor.admin.write('CreateBuild', {
      name: `app-${run}-bad`,
      config: { ...builder, ...source('intruder') },
    });
    await monitor.admin.write('CreateBuild', {
      name: `inline-${run}`,
      config: { ...builder, dockerfile: 'FROM scratch\n' },
    });
    await monitor.admin.write('CreateBuild', {
      name: `host-${run}`,
      config: { ...builder, ...source(GIT_USER), files_on_host: true },
    });
    await monitor.admin.write('CreateBuild', {
      name: `paths-${run}`,
      config: {
        ...builder,
        ...source(GIT_USER),
        build_path: 'web',
        dockerfile_path: 'build.Dockerfile',
      },
    });
    await monitor.admin.write('CreateBuild', {
      name: `absent-${run}`,
      config: { ...builder, ...source(GIT_USER), dockerfile_path: 'Missing.Dockerfile' },
    });
    await monitor.admin.write('CreateRepo', { name: `app-repo-${run}`, config: source(GIT_USER) });
    await monitor.admin.write('CreateBuild', {
      name: `linked-${run}`,
      config: { ...builder, linked_repo: `app-repo-${run}` },
    });
  }, 60_000);

  afterAll(async () => {
    await monitor?.destroy();
    await git?.stop();
    await ec2?.close();
  });

  it("shows the remote's commit and Dockerfile, then newer ones after a commit and a refresh", async () => {
    expect(await refresh(`app-${run}`)).toEqual({ status: 200, body: {} });
    const info = await fullInfo(`app-${run}`);
    expect(info).toMatchObject({
      latest_hash: short(first),
      latest_message: 'initial commit',
      remote_path: './Dockerfile',
      remote_contents: 'FROM scratch\n',
    });
    expect(info.remote_error).toBeUndefined();
    expect(await listInfo(`app-${run}`)).toMatchObject({ latest_hash: short(first) });

    const second = await git.commitFiles('acme/app', { Dockerfile: 'FROM busybox\n' }, 'second');
    expect((await fullInfo(`app-${run}`)).latest_hash).toBe(short(first));
    expect((await refresh(`app-${run}`)).status).toBe(200);
    expect(await fullInfo(`app-${run}`)).toMatchObject({
      latest_hash: short(second),
      latest_message: 'second',
      remote_contents: 'FROM busybox\n',
    });
    expect(await listInfo(`app-${run}`)).toMatchObject({ latest_hash: short(second) });
  });

  it('reads the Dockerfile at build_path/dockerfile_path, and says why one cannot be read', async () => {
    expect((await refresh(`paths-${run}`)).status).toBe(200);
    expect(await fullInfo(`paths-${run}`)).toMatchObject({
      remote_path: 'web/build.Dockerfile',
      remote_contents: 'FROM alpine\n',
    });
    expect((await refresh(`absent-${run}`)).status).toBe(200);
    const info = await fullInfo(`absent-${run}`);
    expect(info).toMatchObject({
      remote_path: './Missing.Dockerfile',
      remote_error: "no file 'Missing.Dockerfile' in the repository",
      latest_hash: expect.stringMatching(/^[0-9a-f]{7}$/),
    });
    expect(info.remote_contents).toBeUndefined();
  });

  it('acquires no builder: the Aws builder launches no instance, and the Update has no builder stage', async () => {
    const started = await monitor.admin.execute<UpdateView>('RefreshBuildCache', {
      build: `app-${run}`,
    });
    const ended = await completed(monitor.admin, started);
    expect(ended.success).toBe(true);
    expect(ended.logs.map((log) => log.stage)).toEqual(['git source', 'fetch latest']);
    expect(ec2.calls.map((call) => call.action)).not.toContain('RunInstances');
    expect(ec2.instances.size).toBe(0);
  });

  it('also runs as an execution (/execute), answering its Update at once, as repos and stacks', async () => {
    const started = await monitor.admin.execute<UpdateView>('RefreshBuildCache', {
      build: `app-${run}`,
    });
    expect(started.operation).toBe('RefreshBuildCache');
    const ended = await completed(monitor.admin, started);
    expect(ended.success).toBe(true);
    expect((await fullInfo(`app-${run}`)).latest_hash).toMatch(/^[0-9a-f]{7}$/);
  });

  it("reads a linked Repo's remote with that Repo's account", async () => {
    expect((await refresh(`linked-${run}`)).status).toBe(200);
    const head = await git.commitFiles('acme/app', { 'README.md': 'v3\n' }, 'third');
    expect((await refresh(`linked-${run}`)).status).toBe(200);
    expect(await fullInfo(`linked-${run}`)).toMatchObject({
      latest_hash: short(head),
      latest_message: 'third',
    });
  });

  it('answers {} at once for a build with no repository or built from host files, running nothing', async () => {
    const refreshes = () =>
      monitor.runtime.readModel.listUpdates((u) => u.operation === 'RefreshBuildCache').length;
    const before = refreshes();
    for (const name of [`inline-${run}`, `host-${run}`]) {
      expect(await refresh(name)).toEqual({ status: 200, body: {} });
      expect((await fullInfo(name)).latest_hash).toBeUndefined();
    }
    expect(refreshes()).toBe(before);
  });

  it("fails with git's message on a bad token, shows no token and records nothing", async () => {
    const answer = await refresh(`app-${run}-bad`);
    expect(answer.status).toBe(500);
    expect(answer.body.error).toMatch(
      /RefreshBuildCache failed at fetch latest: .*refused the credentials/s,
    );
    expect(JSON.stringify(answer.body)).not.toContain(WRONG_TOKEN);
    const update = monitor.runtime.readModel
      .listUpdates((u) => u.operation === 'RefreshBuildCache')
      .find((u) => String(answer.body.error).includes(`Update '${u.id}'`));
    expect(update).toBeDefined();
    expect(JSON.stringify(update)).not.toContain(WRONG_TOKEN);
    expect((await fullInfo(`app-${run}-bad`)).latest_hash).toBeUndefined();
  });

  it('refuses an unknown build with 404', async () => {
    const answer = await refresh(`missing-${run}`);
    expect(answer.status).toBe(404);
  });

  it('refuses a user with only Read on the build (403, nothing run), lets one with Execute', async () => {
    const reader = (await enabledUser(monitor, `reader-${run}`)).client;
    const runner = (await enabledUser(monitor, `runner-${run}`)).client;
    const target = { type: 'Build', id: `app-${run}` };
    await grant(monitor.admin, `reader-${run}`, target, 'Read');
    await grant(monitor.admin, `runner-${run}`, target, 'Execute');
    const refreshes = () =>
      monitor.runtime.readModel.listUpdates((u) => u.operation === 'RefreshBuildCache').length;
    const before = refreshes();
    const head = await git.commitFiles('acme/app', { 'README.md': 'v4\n' }, 'fourth');
    const params = { build: `app-${run}` };
    await expectRefused(reader, 'write', 'RefreshBuildCache', params, 403, /Execute/);
    expect(refreshes()).toBe(before);
    expect((await fullInfo(`app-${run}`)).latest_hash).not.toBe(short(head));
    expect(await runner.write('RefreshBuildCache', params)).toEqual({});
    expect((await fullInfo(`app-${run}`)).latest_hash).toBe(short(head));
  });
});
