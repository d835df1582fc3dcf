import Dockerode from 'dockerode';
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { resourceStream } from '@monitor/domain';
import { removeImageTags, type GitHttpServer, type TestRegistry } from '@monitor/testing';
import type { WebSocket } from 'ws';
import { startEmbedded, LOCAL_AGENT_ENV, type EmbeddedMonitor } from '../support/embedded';
import { eventually } from '../support/eventually';
import {
  followUpdate,
  updateFeed,
  type FeedMessage,
  type SeenUpdate,
} from '../support/update-feed';
import { completed as completedUpdate, type UpdateView as Update } from '../support/updates';
import { createServerBuilder } from '../support/builders';
import { gitProvider, gitSource } from '../support/git-accounts';
import { expectNoSecret } from '../support/secret-search';
import {
  addSourceAccounts,
  COPY_BUSYBOX,
  scratchDockerfile,
  startBuildSources,
} from '../support/build-sources';

const GIT_USER = 'builder-git';
const GIT_TOKEN = `git-token-${randomBytes(6).toString('hex')}`;
const REGISTRY_USER = 'builder';
const REGISTRY_TOKEN = `registry-token-${randomBytes(6).toString('hex')}`;
const ACCOUNTS = {
  git: { username: GIT_USER, token: GIT_TOKEN },
  registry: { username: REGISTRY_USER, token: REGISTRY_TOKEN },
};
const BUILD_SECRET = `build-secret-${randomBytes(6).toString('hex')}`;
const SECRETS = [BUILD_SECRET, GIT_TOKEN, REGISTRY_TOKEN];

const sh = (script: string, mount = '') =>
  `RUN ${mount}["/bin/busybox", "sh", "-c", ${JSON.stringify(script)}]`;

/** When the kernel booted, in ms since the epoch (its uptime has 10 ms steps). */
const bootedAt = () =>
  Date.now() - Number(readFileSync('/proc/uptime', 'utf8').split(' ')[0]) * 1000;

interface Version {
  major: number;
  minor: number;
  patch: number;
}

describe('RunBuild: from a private git repository to versioned tags in a private registry', () => {
  const docker = new Dockerode({ socketPath: '/var/run/docker.sock' });
  const run = randomBytes(3).toString('hex');
  const pushed: string[] = [];
  let monitor: EmbeddedMonitor;
  let git: GitHttpServer;
  let registry: TestRegistry;
  let provider: string;
  /** Every /ws/update message of the whole run, checked for secrets at the end. */
  const messages: FeedMessage[] = [];
  let everything: WebSocket | undefined;

  const completed = (update: Update, ms = 120_000) => completedUpdate(monitor.admin, update, ms);
  const runBuild = async (build: string) =>
    completed(await monitor.admin.execute<Update>('RunBuild', { build }));
  const registryGet = async <T>(path: string): Promise<T | undefined> => {
    const auth = `Basic ${Buffer.from(`${REGISTRY_USER}:${REGISTRY_TOKEN}`).toString('base64')}`;
    const answer = await fetch(`http://${registry.address}/v2/${path}`, {
      headers: { authorization: auth },
    });
    return answer.status === 404 ? undefined : ((await answer.json()) as T);
  };
  const tagsOf = async (image: string) =>
    ((await registryGet<{ tags?: string[] }>(`team/${image}/tags/list`))?.tags ?? []).sort();
  const createBuild = async (name: string, repo: string, config: object = {}) => {
    pushed.push(
      ...['latest', '0.0.1', '0.0.2', '0.0', '0'].map(
        (tag) => `${registry.address}/team/${name}:${tag}`,
      ),
    );
    await monitor.admin.write('CreateBuild', {
      name,
      config: {
        builder_id: 'local-builder',
        ...gitSource(provider, GIT_USER, repo),
        pre_build: { path: '', command: COPY_BUSYBOX },
        image_registry: [
          { domain: registry.address, account: REGISTRY_USER, organization: 'team' },
        ],
        ...config,
      },
    });
  };

  beforeAll(async () => {
    ({ git, registry } = await startBuildSources(ACCOUNTS));
    provider = gitProvider(git);
    monitor = await startEmbedded(LOCAL_AGENT_ENV);
    await addSourceAccounts(monitor.admin, { git, registry }, ACCOUNTS);
    await monitor.admin.write('CreateVariable', {
      name: 'BUILD_SECRET',
      value: BUILD_SECRET,
      is_secret: true,
    });
    await createServerBuilder(monitor.admin, 'local-builder');
    everything = await updateFeed(monitor.url, monitor.adminAuth.jwt, messages);
  }, 60_000);

  afterAll(async () => {
    everything?.close();
    // Every tag the builds made here, the short commits' too.
    const images = await docker.listImages({
      filters: { reference: [`${registry.address}/team/*`] },
    });
    pushed.push(...images.flatMap((i) => i.RepoTags ?? []));
    await removeImageTags(docker, [...new Set(pushed)]);
    await monitor?.destroy();
    await Promise.all([git?.stop(), registry?.stop()]);
  });

  it('builds 0.0.1 then 0.0.2, pushes every tag, records the versions', async () => {
    const name = `app-${run}`;
    const first = await git.createRepo(`acme/${name}`, {
      Dockerfile: scratchDockerfile(
        sh('test -s /run/secrets/TOKEN && echo secret-mounted', '--mount=type=secret,id=TOKEN '),
        sh('echo built $APP_VERSION', ''),
      ).replace('COPY busybox', 'ARG VERSION\nENV APP_VERSION=$VERSION\nCOPY busybox'),
    });
    await createBuild(name, `acme/${name}`, { secret_args: 'TOKEN=[[BUILD_SECRET]]' });

    const one = await runBuild(name);
    expect(one.logs.filter((l) => !l.success)).toEqual([]);
    expect(one.success).toBe(true);
    const stages = one.logs.map((l) => l.stage);
    expect(stages).toEqual(
      expect.arrayContaining(['builder', 'git source', 'Pre Build', 'Docker Build', 'Docker Push']),
    );
    const docker1 = one.logs.find((l) => l.stage === 'Docker Build')!;
    expect(docker1.stdout).toContain('secret-mounted');
    expect(docker1.stdout).toContain('built 0.0.1');

    const two = await runBuild(name);
    expect(two.success).toBe(true);
    expect(JSON.parse(two.other_data ?? '{}')).toEqual({
      version: { major: 0, minor: 0, patch: 2 },
    });
    const short = first.slice(0, 7);
    expect(await tagsOf(name)).toEqual(['0', '0.0', '0.0.1', '0.0.2', short, 'latest'].sort());
    pushed.push(`${registry.address}/team/${name}:${short}`);
    const catalog = await registryGet<{ repositories: string[] }>('_catalog');
    expect(catalog?.repositories).toContain(`team/${name}`);

    const versions = await monitor.admin.read<{ version: Version }[]>('ListBuildVersions', {
      build: name,
    });
    expect(versions.map((v) => v.version.patch)).toEqual([2, 1]);
    const got = await monitor.admin.read<{ config: { version: Version }; info: object }>(
      'GetBuild',
      { build: name },
    );
    expect(got.config.version).toEqual({ major: 0, minor: 0, patch: 2 });
    expect(got.info).toMatchObject({ built_hash: short });
    const list = await monitor.admin.read<{ name: string; info: object }[]>('ListBuilds');
    expect(list.find((b) => b.name === name)?.info).toMatchObject({
      state: 'Ok',
      version: { major: 0, minor: 0, patch: 2 },
      built_hash: short,
    });

    // The secret arg: in no Update, event or the image's history.
    const build = monitor.runtime.readModel.resource('Build', name)!;
    const events = await monitor.runtime.store.readStream(resourceStream('Build', build.id));
    expect(events.map((e) => e.type).filter((t) => t.startsWith('BuildB'))).toEqual([
      'BuildBuilt',
      'BuildBuilt',
    ]);
    const history = await docker.getImage(`${registry.address}/team/${name}:0.0.2`).history();
    expectNoSecret([one, two, events, history], SECRETS);
  }, 240_000);

  it("fails the build stage with Docker's message, pushes nothing, keeps the version", async () => {
    const name = `broken-${run}`;
    await git.createRepo(`acme/${name}`, {
      Dockerfile: scratchDockerfile(sh('echo about to fail; exit 3')),
    });
    await createBuild(name, `acme/${name}`);
    const update = await runBuild(name);
    expect(update.success).toBe(false);
    const failed = update.logs.find((l) => !l.success)!;
    expect(failed.stage).toBe('Docker Build');
    expect(failed.stdout + failed.stderr).toMatch(/exit code: 3/);
    expect(await tagsOf(name)).toEqual([]);
    const got = await monitor.admin.read<{ config: { version: Version } }>('GetBuild', {
      build: name,
    });
    expect(got.config.version).toEqual({ major: 0, minor: 0, patch: 0 });
    const list =
      await monitor.admin.read<{ name: string; info: { state: string } }[]>('ListBuilds');
    expect(list.find((b) => b.name === name)?.info.state).toBe('Failed');
  }, 120_000);

  it('cancels a build mid-way: its Update says so, no tag is pushed', async () => {
    const name = `slow-${run}`;
    await git.createRepo(`acme/${name}`, {
      Dockerfile: scratchDockerfile(sh('echo started-""sleeping; sleep 30; echo wo""ke')),
    });
    await createBuild(name, `acme/${name}`);
    const started = await monitor.admin.execute<Update>('RunBuild', { build: name });
    await eventually(async () => {
      const state = await monitor.admin.read<{ building: boolean }>('GetBuildActionState', {
        build: name,
      });
      expect(state.building).toBe(true);
      const current = await monitor.admin.read<Update>('GetUpdate', { id: started._id.$oid });
      expect(JSON.stringify(current)).toContain('started-sleeping');
    }, 60_000);
    const cancel = await completed(
      await monitor.admin.execute<Update>('CancelBuild', { build: name }),
    );
    expect(cancel.success).toBe(true);
    const update = await completed(started);
    expect(update.success).toBe(false);
    expect(update.logs.at(-1)).toMatchObject({
      stage: 'Build Cancelled',
      stdout: "the agent's build was stopped",
      success: false,
    });
    expect(cancel.logs.map((l) => l.stdout)).toEqual([
      'The build cancel has been triggered',
      'the build stopped: nothing was pushed',
    ]);
    expect(JSON.stringify(update)).not.toContain('woke');
    expect(await tagsOf(name)).toEqual([]);
    const build = monitor.runtime.readModel.resource('Build', name)!;
    expect(monitor.runtime.readModel.builds.of(build.id).runs.map((r) => r.outcome)).toEqual([
      'Cancelled',
    ]);
    const again = await completed(
      await monitor.admin.execute<Update>('CancelBuild', { build: name }),
    );
    expect(again.success).toBe(false);
    expect(again.logs[0].stderr).toContain('is not building');
  }, 120_000);

  it("shows Docker's first line on /ws/update before the second is printed", async () => {
    const name = `live-${run}`;
    await git.createRepo(`acme/${name}`, {
      // The kernel's uptime, which the host reads too: when each line was printed.
      Dockerfile: scratchDockerfile(
        sh(
          'echo first-""line $(cat /proc/uptime); sleep 3; echo second-""line $(cat /proc/uptime)',
        ),
      ),
    });
    await createBuild(name, `acme/${name}`, { extra_args: ['--no-cache'] });
    const started = await monitor.admin.execute<Update>('RunBuild', { build: name });
    const seen: SeenUpdate[] = [];
    const update = await followUpdate(monitor.admin, messages, started._id.$oid, seen, 110_000);
    expect(update.success).toBe(true);
    const stdout = (u: Update) => u.logs.find((l) => l.stage === 'Docker Build')?.stdout ?? '';
    const firstSeen = seen.find(({ update: u }) => stdout(u).includes('first-line'))!;
    const secondSeen = seen.find(({ update: u }) => stdout(u).includes('second-line'))!;
    expect(stdout(firstSeen.update)).not.toContain('second-line');
    expect(firstSeen.update.status).toBe('InProgress');
    const printed = Number(/first-line ([\d.]+)/.exec(stdout(update))?.[1]) * 1000 + bootedAt();
    console.log(
      `first line on /ws/update ${firstSeen.at - printed} ms after it was printed, ` +
        `${secondSeen.at - firstSeen.at} ms before the second`,
    );
    expect(secondSeen.at - firstSeen.at).toBeGreaterThan(2000);
  }, 120_000);

  it("builds a linked Repo's repository with that Repo's account", async () => {
    const name = `linked-${run}`;
    await git.createRepo(`acme/${name}`, {
      Dockerfile: scratchDockerfile(sh('echo from-""linked')),
    });
    await monitor.admin.write('CreateRepo', {
      name: `repo-${name}`,
      config: {
        ...gitSource(provider, GIT_USER, `acme/${name}`),
      },
    });
    await createBuild(name, '', {
      git_account: '',
      linked_repo: `repo-${name}`,
      extra_args: ['--no-cache'],
    });
    const update = await runBuild(name);
    expect(update.logs.filter((l) => !l.success)).toEqual([]);
    expect(update.logs.find((l) => l.stage === 'Docker Build')!.stdout).toContain('from-linked');
    expect(await tagsOf(name)).toEqual(expect.arrayContaining(['0.0.1', 'latest']));
    const list = await monitor.admin.read<{ name: string; info: object }[]>('ListBuilds');
    expect(list.find((b) => b.name === name)?.info).toMatchObject({
      linked_repo_name: `repo-${name}`,
      repo: `acme/${name}`,
    });
  }, 120_000);

  it('refuses a build with an unknown builder: 400 naming the field, nothing run', async () => {
    const name = `nobuilder-${run}`;
    await monitor.admin.write('CreateBuild', {
      name,
      config: { dockerfile: scratchDockerfile(), files_on_host: false },
    });
    const updates = () => monitor.runtime.readModel.listUpdates((u) => u.operation === 'RunBuild');
    const before = updates().length;
    const answer = await monitor.admin.call<{ error: string }>('execute', 'RunBuild', {
      build: name,
    });
    expect(answer.status).toBe(400);
    expect(answer.body.error).toContain('config.builder_id');
    await monitor.admin.write('CreateBuild', {
      name: `nosource-${run}`,
      config: { builder_id: 'local-builder' },
    });
    const nothing = await monitor.admin.call<{ error: string }>('execute', 'RunBuild', {
      build: `nosource-${run}`,
    });
    expect([nothing.status, nothing.body.error]).toEqual([
      400,
      expect.stringContaining('config.repo'),
    ]);
    await monitor.admin.write('CreateBuild', {
      name: `noaccount-${run}`,
      config: {
        builder_id: 'local-builder',
        dockerfile: scratchDockerfile(),
        image_registry: [{ domain: registry.address, account: 'nobody', organization: 'team' }],
      },
    });
    const account = await monitor.admin.call<{ error: string }>('execute', 'RunBuild', {
      build: `noaccount-${run}`,
    });
    expect([account.status, account.body.error]).toEqual([
      400,
      expect.stringContaining("config.image_registry.0.account: no account 'nobody'"),
    ]);
    expect(updates()).toHaveLength(before);
  });
  it('runs every build a BatchRunBuild pattern picks, each its own answer', async () => {
    type Item = { status: string; data: { name?: string; error?: { error: string } } & Update };
    const items = await monitor.admin.execute<Item[]>('BatchRunBuild', {
      pattern: `live-${run}, nobuilder-${run}`,
    });
    const ok = items.find((i) => i.status === 'Ok')!;
    const err = items.find((i) => i.status === 'Err')!;
    expect(err.data).toMatchObject({ name: `nobuilder-${run}` });
    expect(err.data.error?.error).toContain('config.builder_id');
    expect((await completed(ok.data)).success).toBe(true);
    const versions = await monitor.admin.read<{ version: Version }[]>('ListBuildVersions', {
      build: `live-${run}`,
    });
    expect(versions.map((v) => v.version.patch)).toEqual([2, 1]);
  }, 120_000);
  it('answers the monthly stats and the extra args the builds use', async () => {
    const stats = await monitor.admin.read<{ total_count: number; days: { count: number }[] }>(
      'GetBuildMonthlyStats',
      {},
    );
    // 2 built, 1 failed, 1 cancelled, 2 live builds (one in the batch), 1 linked.
    expect(stats.total_count).toBe(7);
    expect(stats.days).toHaveLength(30);
    expect(stats.days.reduce((sum, d) => sum + d.count, 0)).toBe(7);
    const args = await monitor.admin.read<string[]>('ListCommonBuildExtraArgs', {});
    expect(args).toEqual(['--no-cache']);
  });
  it('never let a secret out on /ws/update', () => {
    expect(messages.length).toBeGreaterThan(0);
    expectNoSecret(
      messages.map((m) => m.text),
      SECRETS,
    );
  });
});
