import { startGitHttpServer, type GitHttpServer } from '@monitor/testing';
import type { WebSocket } from 'ws';
import { startEmbedded, LOCAL_AGENT_ENV, type EmbeddedMonitor } from '../support/embedded';
import {
  followUpdate,
  updateFeed,
  type FeedMessage,
  type SeenUpdate,
} from '../support/update-feed';
import type { UpdateView } from '../support/updates';
import { addGitAccount, gitProvider, gitSource } from '../support/git-accounts';

const GIT_USER = 'live-reader';
const GIT_TOKEN = 'live-git-token-6120';
// Prints a line, sleeps 2 s, prints another; each says when by the host's clock.
const ON_CLONE = 'echo first-line-at $(date +%s%3N); sleep 2; echo second-line-at $(date +%s%3N)';

describe("Repos' live output: a clone's on_clone grows on /ws/update while it runs", () => {
  let monitor: EmbeddedMonitor;
  let git: GitHttpServer;
  let socket: WebSocket;
  const messages: FeedMessage[] = [];

  beforeAll(async () => {
    git = await startGitHttpServer({ username: GIT_USER, password: GIT_TOKEN });
    await git.createRepo('acme/live', { 'README.md': 'live\n' });
    const provider = gitProvider(git);
    monitor = await startEmbedded(LOCAL_AGENT_ENV);
    await addGitAccount(monitor.admin, git, { username: GIT_USER, token: GIT_TOKEN });
    await monitor.admin.write('CreateRepo', {
      name: `live-${process.pid}`,
      config: {
        server_id: 'local',
        ...gitSource(provider, GIT_USER, 'acme/live'),
        on_clone: { path: '', command: ON_CLONE },
      },
    });
    socket = await updateFeed(monitor.url, monitor.adminAuth.jwt, messages);
  }, 60_000);

  afterAll(async () => {
    socket?.close();
    await monitor?.destroy();
    await git?.stop();
  });

  it("shows on_clone's first line before it prints the second, and the log is that text", async () => {
    const started = await monitor.admin.execute<UpdateView>('CloneRepo', {
      repo: `live-${process.pid}`,
    });
    const seen: SeenUpdate[] = [];
    const update = await followUpdate(monitor.admin, messages, started._id.$oid, seen);
    expect(update.success).toBe(true);

    const running = seen.find(({ update: u }) =>
      u.logs.some((log) => log.stage === 'on clone' && log.end_ts === 0),
    );
    expect(running).toBeDefined();
    expect(running!.update.status).toBe('InProgress');
    const partial = running!.update.logs.find((log) => log.stage === 'on clone')!;
    expect(partial.stdout).toContain('first-line');
    expect(partial.stdout).not.toContain('second-line');

    const final = update.logs.find((log) => log.stage === 'on clone')!;
    const secondAt = Number(/second-line-at (\d+)/.exec(final.stdout)?.[1]);
    expect(secondAt).toBeGreaterThan(0);
    expect(secondAt - running!.at).toBeGreaterThan(1000);
    expect(final.stdout.startsWith(partial.stdout)).toBe(true);
    expect(update.logs.filter((log) => log.stage === 'on clone')).toHaveLength(1);
    expect(JSON.stringify(seen)).not.toContain(GIT_TOKEN);
  }, 90_000);
});
