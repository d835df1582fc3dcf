import Dockerode from 'dockerode';
import { mkdtempSync } from 'node:fs';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  BUSYBOX_TEST_IMAGE,
  ensureBusyboxImage,
  freePort,
  startGitHttpServer,
  type GitHttpServer,
} from '@monitor/testing';
import { peripheryConfig, startPeriphery, type PeripheryApp } from '../../../apps/periphery/src';
import { startEmbedded, LOCAL_AGENT_ENV, type EmbeddedMonitor } from '../../support/embedded';
import { completed as completedUpdate, type UpdateView as Update } from '../../support/updates';
import { addGitAccount, gitProvider, gitSource } from '../../support/git-accounts';
import { githubSignature } from '../../support/signed-webhook';

const PASSKEY = 'host-passkey-5f1c9e2a77';
const GIT_USER = 'deployer';
const GIT_TOKEN = 'git-token-agent-webhooks';
const HOOK_SECRET = 'hook-secret-agent-webhooks';

interface Captured {
  method: string;
  url: string;
  headers: IncomingHttpHeaders;
  body: string;
}

/** A plain listener of the test's own: what a Server's address could be pointed at. */
async function startListener(): Promise<{ server: Server; url: string; captured: Captured[] }> {
  const captured: Captured[] = [];
  const server = createServer((req, res) => {
    let body = '';
    req.on('data', (chunk: Buffer) => (body += chunk.toString()));
    req.on('end', () => {
      captured.push({ method: req.method ?? '', url: req.url ?? '', headers: req.headers, body });
      res.writeHead(200, { 'content-type': 'application/json' }).end('{}');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  return { server, url: `http://127.0.0.1:${port}`, captured };
}

describe('security: the agent passkey never crosses the wire; webhooks act once', () => {
  const docker = new Dockerode({ socketPath: '/var/run/docker.sock' });
  const project = `e2e-sec-hooks-${process.pid}`;
  let monitor: EmbeddedMonitor;
  let host: PeripheryApp;
  let listener: Awaited<ReturnType<typeof startListener>>;
  let git: GitHttpServer;

  /** Sends a captured request again, as is, to the real agent. */
  const replay = async (request: Captured, body = request.body) => {
    const answer = await fetch(`${host.url}${request.url}`, {
      method: request.method,
      headers: {
        'content-type': 'application/json',
        authorization: String(request.headers.authorization),
      },
      body,
    });
    return { status: answer.status, body: (await answer.json()) as { error?: string } };
  };
  const sign = (body: string) => githubSignature(body, HOOK_SECRET);
  const hook = (body: string, headers: Record<string, string>) =>
    fetch(`${monitor.url}/listener/github/stack/hooked/deploy`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body,
    });
  const stackUpdates = () =>
    monitor.runtime.readModel.listUpdates((u) => u.target?.type === 'Stack').length;

  beforeAll(async () => {
    await ensureBusyboxImage(docker);
    host = await startPeriphery(
      peripheryConfig({
        port: await freePort(),
        bind_ip: '127.0.0.1',
        passkeys: [PASSKEY],
        root_directory: mkdtempSync(join(tmpdir(), 'monitor-sec-agent-')),
        stats_polling_rate_ms: 60_000,
      }),
      { logger: false },
    );
    listener = await startListener();
    git = await startGitHttpServer({ username: GIT_USER, password: GIT_TOKEN });
    await git.createRepo('acme/hooked', {
      'compose.yaml': `services:\n  app:\n    image: ${BUSYBOX_TEST_IMAGE}\n    network_mode: none\n    command: ["/bin/sh", "-c", "trap 'exit 0' TERM; sleep 3600 & wait"]\n`,
    });
    monitor = await startEmbedded(LOCAL_AGENT_ENV);
    await monitor.admin.write('CreateServer', {
      name: 'host',
      config: { address: host.url, passkey: PASSKEY, enabled: true },
    });
    const provider = gitProvider(git);
    await addGitAccount(monitor.admin, git, { username: GIT_USER, token: GIT_TOKEN });
    await monitor.admin.write('CreateStack', {
      name: 'hooked',
      config: {
        server_id: 'local',
        project_name: project,
        ...gitSource(provider, GIT_USER, 'acme/hooked'),
        webhook_secret: HOOK_SECRET,
        auto_pull: false,
      },
    });
  }, 60_000);

  afterAll(async () => {
    await monitor?.admin
      .execute<Update>('DestroyStack', { stack: 'hooked' })
      .then((update) => completedUpdate(monitor.admin, update))
      .catch(() => undefined);
    await monitor?.destroy();
    await host?.close();
    await git?.stop();
    await new Promise((resolve) => listener?.server.close(resolve));
    jest.useRealTimers();
  });

  it('a Server pointed at a listener gets a signed request: no passkey, nothing that signs another, no replay', async () => {
    // The legitimate use: the core reaches the real agent.
    expect(await monitor.admin.read('GetSystemInformation', { server: 'host' })).toBeTruthy();
    await monitor.admin.write('UpdateServer', { id: 'host', config: { address: listener.url } });
    await monitor.admin.call('read', 'GetSystemInformation', { server: 'host' });
    expect(listener.captured).toHaveLength(1);
    const [request] = listener.captured;
    const authorization = String(request.headers.authorization);
    expect(authorization).toMatch(/^Monitor-HMAC t=\d+,n=[\w-]+,b=[0-9a-f]{64},s=[\w-]{43}$/);
    const everything = JSON.stringify(request);
    for (const form of [
      PASSKEY,
      Buffer.from(PASSKEY).toString('base64'),
      Buffer.from(PASSKEY).toString('hex'),
    ]) {
      expect(everything).not.toContain(form);
    }

    // Relayed as is it is the core's own request, and only once: then it is a replay.
    expect((await replay(request)).status).toBe(200);
    const again = await replay(request);
    expect(again.status).toBe(401);
    expect(again.body.error).toMatch(/^replayed request/);

    // The signature holds for its body alone: another request under it is refused.
    await monitor.admin.call('read', 'GetSystemInformation', { server: 'host' });
    const other = JSON.stringify({ type: 'PruneSystem', params: {} });
    const forged = await replay(listener.captured[1], other);
    expect(forged.status).toBe(401);
    expect(forged.body.error).toMatch(/not the one signed/);

    // Captured now and relayed after the window: stale.
    await monitor.admin.call('read', 'GetSystemInformation', { server: 'host' });
    const late = listener.captured[2];
    jest.useFakeTimers({
      doNotFake: [
        'nextTick',
        'setImmediate',
        'setTimeout',
        'setInterval',
        'clearImmediate',
        'clearTimeout',
        'clearInterval',
        'queueMicrotask',
        'hrtime',
        'performance',
      ],
      now: Date.now() + 61_000,
      advanceTimers: true,
    });
    try {
      const stale = await replay(late);
      expect(stale.status).toBe(401);
      expect(stale.body.error).toMatch(/^stale request: .* behind this agent's clock/);
    } finally {
      jest.useRealTimers();
    }
    await monitor.admin.write('UpdateServer', { id: 'host', config: { address: host.url } });
  });

  it('a push without X-GitHub-Event is refused 400 naming the header, and runs nothing', async () => {
    const before = stackUpdates();
    const body = JSON.stringify({ ref: 'refs/heads/main', after: 'a'.repeat(40) });
    const answer = await hook(body, { 'x-hub-signature-256': sign(body) });
    expect(answer.status).toBe(400);
    expect(((await answer.json()) as { error: string }).error).toMatch(
      /^the X-GitHub-Event header is missing/,
    );
    expect(stackUpdates()).toBe(before);
  });

  it('a signed push deploys once; the same delivery again is refused 409, under any delivery id', async () => {
    const body = JSON.stringify({
      ref: 'refs/heads/main',
      after: 'b'.repeat(40),
      repository: { full_name: 'acme/hooked', pushed_at: Math.floor(Date.now() / 1000) },
    });
    const headers = {
      'x-github-event': 'push',
      'x-github-delivery': 'delivery-1',
      'x-hub-signature-256': sign(body),
    };
    const first = await hook(body, headers);
    expect(first.status).toBe(202);
    const update = await completedUpdate(monitor.admin, (await first.json()) as Update, 60_000);
    expect(update).toMatchObject({ operator: 'webhook', success: true });
    expect(update.logs.map((l) => l.stage)).toContain('compose up');
    const before = stackUpdates();

    const replayed = await hook(body, headers);
    expect(replayed.status).toBe(409);
    expect(((await replayed.json()) as { error: string }).error).toMatch(
      /^delivery 'delivery-1' was already received at .*: a delivery acts once/,
    );
    const renamed = await hook(body, { ...headers, 'x-github-delivery': 'delivery-2' });
    expect(renamed.status).toBe(409);
    expect(stackUpdates()).toBe(before);
  }, 90_000);

  it('a signed push from over a day ago is refused 409', async () => {
    const body = JSON.stringify({
      ref: 'refs/heads/main',
      after: 'c'.repeat(40),
      repository: { pushed_at: Math.floor(Date.now() / 1000) - 2 * 24 * 3600 },
    });
    const before = stackUpdates();
    const answer = await hook(body, {
      'x-github-event': 'push',
      'x-hub-signature-256': sign(body),
    });
    expect(answer.status).toBe(409);
    expect(((await answer.json()) as { error: string }).error).toMatch(/acts only within 24 h/);
    expect(stackUpdates()).toBe(before);
  });
});
