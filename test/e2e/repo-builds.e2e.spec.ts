import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { freePort, startGitHttpServer, type GitHttpServer } from '@monitor/testing';
import { startEmbedded, LOCAL_AGENT_ENV, type EmbeddedMonitor } from '../support/embedded';
import { eventually } from '../support/eventually';
import { completed as completedUpdate, type UpdateView as Update } from '../support/updates';
import { createServerBuilder } from '../support/builders';
import { addGitAccount, gitProvider, gitSource } from '../support/git-accounts';
import { expectNoSecret } from '../support/secret-search';
import { githubPush, githubSignature } from '../support/signed-webhook';

const GIT_USER = 'repo-builder';
const GIT_TOKEN = 'repo-build-git-token-5150';
const API_KEY = 'repo-build-api-key-8080';
const HOOK_SECRET = 'repo-build-hook-secret';

const sitePush = (branch: string, after: string) =>
  githubPush(branch, after, { repository: { full_name: 'acme/site' } });
const sign = (body: string) => githubSignature(body, HOOK_SECRET);

describe('BuildRepo: a Repo cloned on its Builder, its commands run there', () => {
  let monitor: EmbeddedMonitor;
  let git: GitHttpServer;
  let provider: string;
  let first: string;
  const name = `site-${process.pid}`;

  const completed = (update: Update) => completedUpdate(monitor.admin, update);
  const config = (extra: object) => ({
    ...gitSource(provider, GIT_USER, 'acme/site'),
    ...extra,
  });

  beforeAll(async () => {
    git = await startGitHttpServer({ username: GIT_USER, password: GIT_TOKEN });
    first = await git.createRepo('acme/site', { 'README.md': 'site v1\n' });
    provider = gitProvider(git);
    monitor = await startEmbedded(LOCAL_AGENT_ENV);
    await addGitAccount(monitor.admin, git, { username: GIT_USER, token: GIT_TOKEN });
    await monitor.admin.write('CreateVariable', {
      name: 'SITE_KEY',
      value: API_KEY,
      is_secret: true,
    });
    await createServerBuilder(monitor.admin, `repo-builder-${process.pid}`);
    await monitor.admin.write('CreateRepo', {
      name,
      config: config({
        builder_id: `repo-builder-${process.pid}`,
        environment: 'KEY=[[SITE_KEY]]',
        on_clone: { path: '', command: 'echo built $(cat README.md) with $(cat .env); sleep 2' },
        webhook_secret: HOOK_SECRET,
      }),
    });
    await monitor.admin.write('CreateRepo', { name: `${name}-serverless`, config: config({}) });
  }, 60_000);

  afterAll(async () => {
    await monitor?.destroy();
    await git?.stop();
  });

  it('clones on the builder, writes the env file, runs on_clone there, records the build', async () => {
    const update = await completed(
      await monitor.admin.execute<Update>('BuildRepo', { repo: name }),
    );
    expect(update.success).toBe(true);
    expect(update.logs.map((l) => l.stage)).toEqual(
      expect.arrayContaining(['builder', 'host access', 'get builder', 'clone repo', 'on clone']),
    );
    const onClone = update.logs.find((l) => l.stage === 'on clone')!.stdout;
    expect(onClone).toMatch(/^built site v1 with KEY=\S+/);
    expectNoSecret([update], [API_KEY, GIT_TOKEN]);
    const got = await monitor.admin.read<{ info: { last_built_at: number; built_hash: string } }>(
      'GetRepo',
      { repo: name },
    );
    expect(got.info.last_built_at).toBeGreaterThan(0);
    expect(got.info.built_hash).toBe(first);
    const listed = await monitor.admin.read<{ name: string; info: object }[]>('ListRepos');
    expect(listed.find((r) => r.name === name)?.info).toMatchObject({ built_hash: first });
  }, 60_000);

  // A build on a Server builder is cancelled on its agent: repo-build-cancel.e2e.spec.
  it('cannot cancel a repo build that is not running, and says so', async () => {
    const none = await completed(
      await monitor.admin.execute<Update>('CancelRepoBuild', { repo: name }),
    );
    expect(none.success).toBe(false);
    expect(none.logs[0].stderr).toMatch(/is not building: nothing to cancel/);
  }, 60_000);

  it('cancels a build on an Url builder: the wait for its agent ends, nothing is cloned', async () => {
    const port = await freePort();
    await monitor.admin.write('CreateBuilder', {
      name: `url-builder-${process.pid}`,
      config: { type: 'Url', params: { address: `http://127.0.0.1:${port}`, passkey: 'url-pass' } },
    });
    await monitor.admin.write('CreateRepo', {
      name: `${name}-remote`,
      config: config({ builder_id: `url-builder-${process.pid}` }),
    });
    const started = Date.now();
    const build = await monitor.admin.execute<Update>('BuildRepo', { repo: `${name}-remote` });
    await eventually(async () => {
      const current = await monitor.admin.read<Update>('GetUpdate', { id: build._id.$oid });
      expect(current.logs.map((l) => l.stage)).toContain('git source');
    }, 10_000);
    const cancel = await completed(
      await monitor.admin.execute<Update>('CancelRepoBuild', { repo: `${name}-remote` }),
    );
    expect(cancel.success).toBe(true);
    expect(cancel.logs[0].stdout).toMatch(/cancellation has been queued/);
    const ended = await completed(build);
    // The agent is waited for 10 s: the cancel ended the wait before.
    expect(Date.now() - started).toBeLessThan(9_000);
    expect(ended.success).toBe(false);
    const failed = ended.logs.find((l) => !l.success)!;
    expect([failed.stage, failed.stderr]).toEqual([
      'connect to builder',
      expect.stringMatching(/cancel/),
    ]);
    expect(ended.logs.map((l) => l.stage)).not.toContain('clone repo');
    expect(ended.logs.at(-1)).toMatchObject({ stage: 'Repo Build Cancelled', success: false });
  }, 60_000);

  it('cancels a build whose clone runs on an Url builder: it ends unrecorded, the cancel says so', async () => {
    // A git server that holds each request 3 s, then fails it: the clone runs on the agent.
    const asked: string[] = [];
    const slowGit = createServer((req, res) => {
      asked.push(req.url ?? '');
      setTimeout(() => res.writeHead(503).end('busy\n'), 3_000);
    });
    await new Promise<void>((resolve) => slowGit.listen(0, '127.0.0.1', resolve));
    const local = monitor.runtime.readModel.resource('Server', 'local')!;
    const passkey = readFileSync(join(monitor.dataDir, 'local-agent.passkey'), 'utf8').trim();
    await monitor.admin.write('CreateBuilder', {
      name: `agent-builder-${process.pid}`,
      config: { type: 'Url', params: { address: local.config.address, passkey } },
    });
    const repo = `${name}-on-agent`;
    await monitor.admin.write('CreateRepo', {
      name: repo,
      config: config({
        builder_id: `agent-builder-${process.pid}`,
        git_provider: `127.0.0.1:${(slowGit.address() as AddressInfo).port}`,
        git_account: '',
      }),
    });
    try {
      const build = await monitor.admin.execute<Update>('BuildRepo', { repo });
      await eventually(async () => expect(asked.length).toBeGreaterThan(0), 20_000);
      const cancel = await completed(
        await monitor.admin.execute<Update>('CancelRepoBuild', { repo }),
      );
      expect(cancel.success).toBe(true);
      expect(cancel.logs.map((l) => l.stdout)).toEqual([
        expect.stringMatching(/cancellation has been queued/),
        'the repo build stopped: nothing was recorded as built',
      ]);
      const ended = await completed(build);
      expect(ended.success).toBe(false);
      expect(ended.logs.at(-1)).toMatchObject({ stage: 'Repo Build Cancelled', success: false });
      const got = await monitor.admin.read<{ info: { last_built_at: number } }>('GetRepo', {
        repo,
      });
      expect(got.info.last_built_at).toBe(0);
    } finally {
      slowGit.close();
    }
  }, 60_000);

  it('fails the builder stage of a Repo with no builder, naming the field, before any git step', async () => {
    const update = await completed(
      await monitor.admin.execute<Update>('BuildRepo', { repo: `${name}-serverless` }),
    );
    expect(update.success).toBe(false);
    expect(update.logs.map((l) => l.stage)).toEqual(['builder']);
    expect(update.logs[0].stderr).toMatch(/config.builder_id: .* has no builder/);
  });

  it('builds from BatchBuildRepo and from a signed push to /build', async () => {
    const batch = await monitor.admin.execute<{ status: string; data: unknown }[]>(
      'BatchBuildRepo',
      { pattern: name },
    );
    expect(batch.map((a) => a.status)).toEqual(['Ok']);
    expect((await completed(batch[0].data as Update)).success).toBe(true);

    const after = await git.commitFiles('acme/site', { 'README.md': 'site v2\n' }, 'second');
    const body = sitePush('main', after);
    const hook = await fetch(`${monitor.url}/listener/github/repo/${name}/build`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'x-github-event': 'push',
        'x-hub-signature-256': sign(body),
      },
      body,
    });
    expect(hook.status).toBe(202);
    const update = await completed((await hook.json()) as Update);
    expect(update).toMatchObject({ operation: 'BuildRepo', operator: 'webhook', success: true });
    expect(update.logs.find((l) => l.stage === 'on clone')!.stdout).toMatch(/^built site v2/);
  }, 60_000);
});
