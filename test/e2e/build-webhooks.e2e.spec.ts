import Dockerode from 'dockerode';
import { randomBytes } from 'node:crypto';
import { removeImageTags, type GitHttpServer, type TestRegistry } from '@monitor/testing';
import { startEmbedded, LOCAL_AGENT_ENV, type EmbeddedMonitor } from '../support/embedded';
import { eventually } from '../support/eventually';
import { completed as completedUpdate, type UpdateView as Update } from '../support/updates';
import { removeContainers } from '../support/leftovers';
import { createServerBuilder } from '../support/builders';
import { gitProvider, gitSource } from '../support/git-accounts';
import { githubPush, githubSignature, gitlabPush } from '../support/signed-webhook';
import {
  addSourceAccounts,
  COPY_BUSYBOX,
  scratchDockerfile,
  startBuildSources,
} from '../support/build-sources';

const GIT_USER = 'hook-git';
const GIT_TOKEN = `git-token-${randomBytes(6).toString('hex')}`;
const REGISTRY_USER = 'hook-builder';
const REGISTRY_TOKEN = `registry-token-${randomBytes(6).toString('hex')}`;
const ACCOUNTS = {
  git: { username: GIT_USER, token: GIT_TOKEN },
  registry: { username: REGISTRY_USER, token: REGISTRY_TOKEN },
};
const HOOK_SECRET = `build-hook-secret-${randomBytes(4).toString('hex')}`;
/** FROM scratch with the host's static busybox, which the pre-build command copies in. */
const DOCKERFILE = scratchDockerfile('COPY VERSION /VERSION');
const IDLE = `/bin/busybox sh -c "trap 'exit 0' TERM; sleep 3600 & wait"`;

const hookedPush = (branch: string, after: string) =>
  githubPush(branch, after, { repository: { full_name: 'acme/hooked' } });
const sign = (body: string, secret = HOOK_SECRET) => githubSignature(body, secret);

describe('build webhooks: a push to the branch builds, and the build redeploys its followers', () => {
  const docker = new Dockerode({ socketPath: '/var/run/docker.sock' });
  const run = randomBytes(3).toString('hex');
  const build = `hooked-${run}`;
  const deployment = `hooked-app-${run}`;
  const image = (tag: string) => `${registry.address}/team/${build}:${tag}`;
  let monitor: EmbeddedMonitor;
  let git: GitHttpServer;
  let registry: TestRegistry;

  const completed = (update: Update) => completedUpdate(monitor.admin, update, 120_000);
  const buildUpdates = () =>
    monitor.runtime.readModel.listUpdates((u) => u.target?.type === 'Build').length;
  const hook = (path: string, body: string, headers: Record<string, string>) =>
    fetch(`${monitor.url}/listener/${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body,
    });
  const deploys = () => {
    const id = monitor.runtime.readModel.resource('Deployment', deployment)!.id;
    return monitor.runtime.readModel.listUpdates(
      (u) => u.target?.id === id && u.operation === 'Deploy',
    );
  };

  beforeAll(async () => {
    ({ git, registry } = await startBuildSources(ACCOUNTS));
    await git.createRepo('acme/hooked', { Dockerfile: DOCKERFILE, VERSION: 'one\n' });
    const provider = gitProvider(git);
    monitor = await startEmbedded({
      ...LOCAL_AGENT_ENV,
      MONITOR_MONITORING_ENABLED: 'true',
      MONITOR_MONITORING_INTERVAL_MS: '400',
    });
    await addSourceAccounts(monitor.admin, { git, registry }, ACCOUNTS);
    await createServerBuilder(monitor.admin, `hook-builder-${run}`);
    await monitor.admin.write('CreateBuild', {
      name: build,
      config: {
        builder_id: `hook-builder-${run}`,
        ...gitSource(provider, GIT_USER, 'acme/hooked'),
        pre_build: { path: '', command: COPY_BUSYBOX },
        image_registry: [
          { domain: registry.address, account: REGISTRY_USER, organization: 'team' },
        ],
        webhook_secret: HOOK_SECRET,
      },
    });
    const first = await completed(await monitor.admin.execute<Update>('RunBuild', { build }));
    expect(first.success).toBe(true);
    await monitor.admin.write('CreateDeployment', {
      name: deployment,
      config: {
        server_id: 'local',
        image: {
          type: 'Build',
          params: { build_id: build, version: { major: 0, minor: 0, patch: 0 } },
        },
        redeploy_on_build: true,
        command: IDLE,
        network: 'none',
      },
    });
    const deployed = await completed(await monitor.admin.execute<Update>('Deploy', { deployment }));
    expect(deployed.success).toBe(true);
    await eventually(async () => {
      const items =
        await monitor.admin.read<{ name: string; info: { state: string } }[]>('ListDeployments');
      expect(items.find((d) => d.name === deployment)?.info.state).toBe('running');
    }, 10_000);
  }, 240_000);

  afterAll(async () => {
    await monitor?.destroy();
    await removeContainers(docker, deployment);
    // Every tag the builds left here: versions, latest, short commits.
    const tags = (await docker.listImages())
      .flatMap((i) => i.RepoTags ?? [])
      .filter((tag) => tag.startsWith(`${registry.address}/team/${build}:`));
    await removeImageTags(docker, tags).catch(() => undefined);
    await Promise.all([git?.stop(), registry?.stop()]);
  }, 60_000);

  it('refuses unsigned or wrongly signed deliveries and ignores other branches, running nothing', async () => {
    const after = 'a'.repeat(40);
    const before = buildUpdates();
    const body = hookedPush('main', after);
    const push = { 'x-github-event': 'push' };
    for (const headers of [push, { ...push, 'x-hub-signature-256': sign(body, 'wrong') }]) {
      expect((await hook(`github/build/${build}`, body, headers)).status).toBe(401);
    }
    const gitlab = await hook(`gitlab/build/${build}`, gitlabPush('main', after), {
      'x-gitlab-event': 'Push Hook',
      'x-gitlab-token': 'wrong',
    });
    expect(gitlab.status).toBe(401);
    const other = hookedPush('feature', after);
    const ignored = await hook(`github/build/${build}`, other, {
      ...push,
      'x-hub-signature-256': sign(other),
    });
    expect(ignored.status).toBe(202);
    expect(await ignored.json()).toEqual({
      ignored: true,
      message: `a push to 'feature' is ignored: Build '${build}' follows 'main'`,
    });
    expect((await hook(`github/build/no-such-${run}`, body, push)).status).toBe(404);
    expect((await hook(`bitbucket/build/${build}`, body, push)).status).toBe(404);
    expect(buildUpdates()).toBe(before);
  });

  it('builds on a signed push to its branch, once, and the deployment runs the new version', async () => {
    const after = await git.commitFiles('acme/hooked', { VERSION: 'two\n' }, 'second');
    const body = hookedPush('main', after);
    const headers = {
      'x-github-event': 'push',
      'x-github-delivery': `delivery-${run}`,
      'x-hub-signature-256': sign(body),
    };
    const answer = await hook(`github/build/${build}`, body, headers);
    expect(answer.status).toBe(202);
    const built = await completed((await answer.json()) as Update);
    expect(built).toMatchObject({ operation: 'RunBuild', operator: 'webhook', success: true });

    const again = await hook(`github/build/${build}`, body, headers);
    expect(again.status).toBe(409);

    const redeploy = await eventually(async () => {
      const [latest] = deploys();
      expect(latest).toMatchObject({ operator: 'auto-redeploy', status: 'Complete' });
      return latest;
    }, 60_000);
    expect(redeploy.success).toBe(true);
    expect(redeploy.logs.find((l) => l.stage === 'build')?.stdout).toBe(
      `redeploy after Build '${build}' built version 0.0.2 (Update ${built._id.$oid})`,
    );
    expect((await docker.getContainer(deployment).inspect()).Config.Image).toBe(image('0.0.2'));
  }, 240_000);

  it('cancels a build still running when a newer push comes, and builds that one', async () => {
    const slow = `${DOCKERFILE}RUN ["/bin/busybox", "sleep", "4"]\n`;
    const push = async (files: Record<string, string>, delivery: string) => {
      const after = await git.commitFiles('acme/hooked', files, delivery);
      const body = hookedPush('main', after);
      const answer = await hook(`github/build/${build}`, body, {
        'x-github-event': 'push',
        'x-github-delivery': `${delivery}-${run}`,
        'x-hub-signature-256': sign(body),
      });
      expect(answer.status).toBe(202);
      return (await answer.json()) as Update;
    };
    const first = await push({ Dockerfile: slow, VERSION: 'three\n' }, 'slow-one');
    await eventually(async () => {
      const current = await monitor.admin.read<Update>('GetUpdate', { id: first._id.$oid });
      expect(current.logs.map((l) => l.stage)).toContain('Docker Build');
    }, 60_000);
    const second = await push({ VERSION: 'four\n' }, 'slow-two');

    const cancelled = await completed(first);
    expect(cancelled.success).toBe(false);
    expect(cancelled.logs.map((l) => l.stage)).toContain('Build Cancelled');
    const cancel = monitor.runtime.readModel.listUpdates((u) => u.operation === 'CancelBuild');
    expect(cancel.map((u) => u.operator)).toEqual(['webhook']);
    const built = await completed(second);
    expect(built).toMatchObject({ operation: 'RunBuild', operator: 'webhook', success: true });
    const got = await monitor.admin.read<{ config: { version: object } }>('GetBuild', { build });
    expect(got.config.version).toEqual({ major: 0, minor: 0, patch: 3 });
  }, 240_000);
});
