import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer, request, type Server } from 'node:http';
import { join } from 'node:path';
import { startGitHttpServer, type GitHttpServer } from '@monitor/testing';
import type { Log } from '../docker/docker-shapes';
import { startTestAgent, type TestAgent } from '../testing/test-agent';
import type { RepoAnswer } from '@monitor/contracts';

const USERNAME = 'monitor';
const TOKEN = 'tok-s3cret-7f9d2a41';

describe('CloneOrPullRepo (real git over HTTP with basic auth)', () => {
  let server: GitHttpServer;
  let agent: TestAgent;
  let firstCommit: string;

  const clone = (params: object) => agent.call<RepoAnswer>('CloneOrPullRepo', params);
  const allText = (answer: unknown, agentLogs: string[]) =>
    JSON.stringify(answer) + agentLogs.join('\n');
  const stackDir = (stack: string) => join(agent.config.root_directory, 'stacks', stack);

  beforeAll(async () => {
    server = await startGitHttpServer({ username: USERNAME, password: TOKEN });
    firstCommit = await server.createRepo('app', { 'compose.yaml': 'services: {}\n' });
    agent = await startTestAgent();
  });

  afterAll(async () => {
    await agent?.close(); // its root directory, with the clones, goes with it
    await server?.stop();
  });

  it('clones with the token, which is in no answer, log or .git/config', async () => {
    const answer = await clone({
      stack: 'cloned',
      url: server.url('app'),
      username: USERNAME,
      token: TOKEN,
    });
    expect(answer.status).toBe(200);
    expect(answer.body).toMatchObject({
      success: true,
      commit_hash: firstCommit,
      commit_message: 'initial commit',
    });
    expect(answer.body.logs.map((l: Log) => l.stage)).toEqual([
      'init repo',
      'set remote',
      'clone repo',
      'reset to commit',
    ]);
    expect(readFileSync(join(stackDir('cloned'), 'compose.yaml'), 'utf8')).toBe('services: {}\n');
    const basic = Buffer.from(`${USERNAME}:${TOKEN}`).toString('base64');
    const gitConfig = readFileSync(join(stackDir('cloned'), '.git', 'config'), 'utf8');
    for (const secret of [TOKEN, basic]) {
      expect(allText(answer.body, agent.logger.lines)).not.toContain(secret);
      expect(gitConfig).not.toContain(secret);
    }
    expect(gitConfig).toContain(server.url('app'));
  });

  it('fails clearly with a wrong token, without echoing it', async () => {
    const wrong = 'wrong-token-0c1d';
    const answer = await clone({
      stack: 'refused',
      url: server.url('app'),
      username: USERNAME,
      token: wrong,
    });
    expect(answer.status).toBe(200);
    expect(answer.body).toMatchObject({ success: false, commit_hash: null });
    const failed = answer.body.logs[answer.body.logs.length - 1];
    expect(failed).toMatchObject({ stage: 'clone repo', success: false });
    expect(failed.stderr).toContain('refused the credentials');
    expect(allText(answer.body, agent.logger.lines)).not.toContain(wrong);
  });

  it('pulls a pushed commit on the second call, and checks out a given commit', async () => {
    const params = { stack: 'pulled', url: server.url('app'), username: USERNAME, token: TOKEN };
    expect((await clone(params)).body.commit_hash).toBe(firstCommit);
    const second = await server.commitFiles(
      'app',
      { 'compose.yaml': 'services: {a: {}}\n' },
      'second',
    );
    const pulled = await clone(params);
    expect(pulled.body).toMatchObject({
      success: true,
      commit_hash: second,
      commit_message: 'second',
    });
    expect(pulled.body.logs.map((l: Log) => l.stage)).toContain('pull repo');
    expect(readFileSync(join(stackDir('pulled'), 'compose.yaml'), 'utf8')).toContain('a: {}');

    const pinned = await clone({ ...params, branch: 'main', commit: firstCommit });
    expect(pinned.body).toMatchObject({ success: true, commit_hash: firstCommit });
  });

  it('reclones afresh when asked: what was left beside the clone is gone', async () => {
    const params = { stack: 'recloned', url: server.url('app'), username: USERNAME, token: TOKEN };
    expect((await clone(params)).body.success).toBe(true);
    const leftover = join(stackDir('recloned'), 'leftover.txt');
    writeFileSync(leftover, 'from an earlier deploy');
    const pulled = await clone(params);
    expect(pulled.body.logs.map((l: Log) => l.stage)).toContain('pull repo');
    expect(existsSync(leftover)).toBe(true);

    const recloned = await clone({ ...params, reclone: true });
    expect(recloned.body.success).toBe(true);
    expect(recloned.body.logs.map((l: Log) => l.stage)).toEqual([
      'remove old clone',
      'init repo',
      'set remote',
      'clone repo',
      'reset to commit',
    ]);
    expect(existsSync(leftover)).toBe(false);
    expect(existsSync(join(stackDir('recloned'), 'compose.yaml'))).toBe(true);
  });

  it('never sends the token to another origin the repository redirects to', async () => {
    // The other origin serves the same repository (it adds the credentials itself, so git is
    // content) and notes every Authorization it is sent.
    const received: (string | undefined)[] = [];
    const gitUrl = new URL(server.url('app'));
    const basic = `Basic ${Buffer.from(`${USERNAME}:${TOKEN}`).toString('base64')}`;
    const elsewhere = await listen((req, res) => {
      received.push(req.headers.authorization);
      const headers = { ...req.headers, authorization: basic, host: gitUrl.host };
      const upstream = request(
        { host: gitUrl.hostname, port: gitUrl.port, path: req.url, method: req.method, headers },
        (answer) => {
          res.writeHead(answer.statusCode ?? 502, answer.headers);
          answer.pipe(res);
        },
      );
      req.pipe(upstream);
    });
    const redirector = await listen((req, res) => {
      res.writeHead(302, { location: `http://localhost:${port(elsewhere)}${req.url}` }).end();
    });
    try {
      const answer = await clone({
        stack: 'redirected',
        url: `http://127.0.0.1:${port(redirector)}/app.git`,
        username: USERNAME,
        token: TOKEN,
      });
      expect(answer.status).toBe(200);
      expect(received.length).toBeGreaterThan(1);
      expect(received.filter(Boolean)).toEqual([]);
    } finally {
      for (const s of [elsewhere, redirector]) s.close();
    }
  });

  it('answers 400 for non-http URLs, credentials in the URL and option-like branches', async () => {
    for (const [field, params] of [
      ['url', { url: 'file:///etc' }],
      ['url', { url: 'ssh://git@127.0.0.1/x.git' }],
      ['url', { url: `http://${USERNAME}:${TOKEN}@127.0.0.1/x.git` }],
      ['branch', { url: server.url('app'), branch: '--upload-pack=touch /tmp/x' }],
      ['stack', { url: server.url('app'), stack: '../evil' }],
    ] as const) {
      const answer = await agent.call<{ error: string }>('CloneOrPullRepo', {
        stack: 's',
        ...params,
      });
      expect(answer.status).toBe(400);
      expect(answer.body.error).toContain(field);
      expect(answer.body.error).not.toContain(TOKEN);
    }
    expect(existsSync(stackDir('s'))).toBe(false);
  });
});

function listen(handler: Parameters<typeof createServer>[1]): Promise<Server> {
  const server = createServer(handler);
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(server)));
}

function port(server: Server): number {
  return (server.address() as { port: number }).port;
}
