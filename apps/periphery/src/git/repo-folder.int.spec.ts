import { existsSync, readdirSync, readFileSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import type { RepoAnswer } from '@monitor/contracts';
import { startGitHttpServer, type GitHttpServer } from '@monitor/testing';
import type { Log } from '../docker/docker-shapes';
import { eventually } from '../testing/eventually';
import { startTestAgent, type TestAgent } from '../testing/test-agent';

const USERNAME = 'monitor';
const TOKEN = 'tok-repo-5e1a77c2';

describe("PullOrCloneRepo and GetLatestCommit: a Repo's folder (real git over HTTP)", () => {
  let server: GitHttpServer;
  let agent: TestAgent;
  let first: string;

  const login = () => ({ url: server.url('tools'), username: USERNAME, token: TOKEN });
  const pull = (params: object) =>
    agent.call<RepoAnswer & { error: string }>('PullOrCloneRepo', { ...login(), ...params });
  const repos = () => join(agent.config.root_directory, 'repos');

  beforeAll(async () => {
    server = await startGitHttpServer({ username: USERNAME, password: TOKEN });
    first = await server.createRepo('tools', { 'README.md': 'v1\n' });
    agent = await startTestAgent();
  });

  afterAll(async () => {
    await agent?.close();
    await server?.stop();
  });

  it('clones into its folder, writes the env file, then runs the commands there', async () => {
    const answer = await pull({
      directory: 'apps/tools',
      env: { path: 'conf/.env', contents: 'MODE=test\n' },
      commands: [{ stage: 'on clone', path: 'conf', command: 'pwd; cat .env ../README.md' }],
    });
    expect(answer.status).toBe(200);
    expect(answer.body).toMatchObject({ success: true, commit_hash: first });
    const logs = answer.body.logs as Log[];
    expect(logs.map((l) => l.stage)).toEqual([
      'init repo',
      'set remote',
      'clone repo',
      'reset to commit',
      'write env file',
      'on clone',
    ]);
    const folder = join(repos(), 'apps', 'tools');
    expect(logs.at(-1)!.stdout).toBe(`${join(folder, 'conf')}\nMODE=test\nv1\n`);
    expect(readFileSync(join(folder, 'conf', '.env'), 'utf8')).toBe('MODE=test\n');
  });

  it('stops at the first failing command, its output in the log', async () => {
    const answer = await pull({
      directory: 'apps/tools',
      commands: [
        { stage: 'on pull', command: 'echo before; exit 3' },
        { stage: 'never', command: 'touch ran' },
      ],
    });
    expect(answer.body.success).toBe(false);
    const last = (answer.body.logs as Log[]).at(-1)!;
    expect([last.stage, last.success, last.stdout]).toEqual(['on pull', false, 'before\n']);
    expect(existsSync(join(repos(), 'apps', 'tools', 'ran'))).toBe(false);
  });

  it('refuses folders, env files and command paths outside the repo, symlinks too', async () => {
    const folder = join(repos(), 'apps', 'tools');
    symlinkSync('/tmp', join(folder, 'out'));
    for (const [params, field] of [
      [{ directory: '../escape' }, 'directory'],
      [{ directory: '/etc' }, 'directory'],
      [{ directory: 'apps/tools', env: { path: '../x.env', contents: '' } }, 'env'],
      [{ directory: 'apps/tools', env: { path: '.git/config', contents: '' } }, '.git'],
      [
        { directory: 'apps/tools', commands: [{ stage: 's', path: '../..', command: 'id' }] },
        'path',
      ],
    ] as const) {
      const answer = await pull(params);
      expect([answer.status, answer.body.error]).toEqual([400, expect.stringContaining(field)]);
    }
    const linked = await pull({
      directory: 'apps/tools',
      env: { path: 'out/x.env', contents: '' },
    });
    expect([linked.status, linked.body.error]).toEqual([400, expect.stringMatching(/outside/)]);
    expect(existsSync('/tmp/x.env')).toBe(false);
  });

  it('is cancelled by CancelRepoRun with its id: on_clone killed within 2 s, a cancelled log', async () => {
    const id = 'repo-0041';
    const marker = join(repos(), 'apps', 'slow-marker');
    const running = pull({
      id,
      directory: 'apps/slow',
      reclone: true,
      commands: [
        { stage: 'on clone', command: `echo started; touch ran; sleep 30; touch ${marker}` },
      ],
    });
    await eventually(
      async () => existsSync(join(repos(), 'apps', 'slow', 'ran')) || undefined,
      'on_clone',
    );
    // A second run of the same id while one runs is refused.
    const again = await pull({ id, directory: 'apps/slow-too' });
    expect(again.status).toBe(409);
    const asked = Date.now();
    expect(await agent.call('CancelRepoRun', { id })).toEqual({ status: 200, body: {} });
    const answer = await running;
    expect(Date.now() - asked).toBeLessThan(2_000);
    expect(answer.body.success).toBe(false);
    const last = (answer.body.logs as Log[]).at(-1)!;
    expect([last.stage, last.success, last.stdout]).toEqual(['on clone', false, 'started\n']);
    expect(last.stderr).toMatch(/cancelled: killed with everything it started/);
    expect(existsSync(marker)).toBe(false);
    expect((await agent.call('CancelRepoRun', { id })).status).toBe(404);
    // The id is free again once the run has ended.
    expect((await pull({ id, directory: 'apps/slow' })).body.success).toBe(true);
  }, 30_000);

  it("is cancelled by CancelBuild too: a Build's checkout runs its pre-build under its id", async () => {
    const id = 'build-0041';
    const running = pull({
      id,
      directory: 'build-0041',
      commands: [{ stage: 'Pre Build', command: 'touch ran; sleep 30' }],
    });
    await eventually(
      async () => existsSync(join(repos(), 'build-0041', 'ran')) || undefined,
      'pre-build',
    );
    expect((await agent.call('CancelBuild', { id })).status).toBe(200);
    const answer = await running;
    expect(answer.body.success).toBe(false);
    expect((answer.body.logs as Log[]).at(-1)).toMatchObject({
      stage: 'Pre Build',
      success: false,
    });
  }, 30_000);

  it('refuses an id that is not one, naming the field', async () => {
    for (const id of ['', '../x', 'a b', 'x'.repeat(129)]) {
      const answer = await pull({ id, directory: 'apps/tools' });
      expect([answer.status, answer.body.error]).toEqual([400, expect.stringContaining('id')]);
      const cancel = await agent.call<{ error: string }>('CancelRepoRun', { id });
      expect([cancel.status, cancel.body.error]).toEqual([400, expect.stringContaining('id')]);
    }
  });

  it('reads the remote branch head without touching the clone, leaving no scratch folder', async () => {
    const second = await server.commitFiles('tools', { 'README.md': 'v2\n' }, 'second');
    const answer = await agent.call<RepoAnswer>('GetLatestCommit', { ...login(), branch: 'main' });
    expect(answer.body).toMatchObject({
      success: true,
      commit_hash: second,
      commit_message: 'second',
    });
    expect(readFileSync(join(repos(), 'apps', 'tools', 'README.md'), 'utf8')).toBe('v1\n');
    expect(readdirSync(join(repos(), '.latest'))).toEqual([]);
    expect(JSON.stringify(answer.body)).not.toContain(TOKEN);
  });
});
