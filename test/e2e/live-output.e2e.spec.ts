import Dockerode from 'dockerode';
import { updateStream } from '@monitor/domain';
import { ensureBusyboxImage } from '@monitor/testing';
import type { WebSocket } from 'ws';
import { startEmbedded, LOCAL_AGENT_ENV, type EmbeddedMonitor } from '../support/embedded';
import { destroyStack, removeComposeProject } from '../support/leftovers';
import {
  followUpdate,
  updateFeed,
  type FeedMessage,
  type SeenUpdate,
} from '../support/update-feed';
import type { UpdateView } from '../support/updates';
import { expectNoSecret } from '../support/secret-search';
import { deployIdleStack } from '../support/idle-stack';

const SECRET = 'live-secret-4711';
// Prints a line (with the secret, on both streams), sleeps 3 s, then another; each says when
// it was printed by the host's clock, which the test shares.
const PRE_DEPLOY =
  'echo first-line-at $(date +%s%3N) [[LIVE_TOKEN]]; echo warn [[LIVE_TOKEN]] >&2; sleep 3; ' +
  'echo second-line-at $(date +%s%3N)';

describe('live output: a running stage grows on /ws/update', () => {
  const docker = new Dockerode({ socketPath: '/var/run/docker.sock' });
  const project = `e2e-live-${process.pid}`;
  let monitor: EmbeddedMonitor;
  let socket: WebSocket;
  const messages: FeedMessage[] = [];
  /** What GetUpdate answered after each feed message of the deploy's Update. */
  const seen: SeenUpdate[] = [];
  let update: UpdateView;

  beforeAll(async () => {
    await ensureBusyboxImage(docker);
    monitor = await startEmbedded(LOCAL_AGENT_ENV);
    await monitor.admin.write('CreateVariable', {
      name: 'LIVE_TOKEN',
      value: SECRET,
      is_secret: true,
    });
    socket = await updateFeed(monitor.url, monitor.adminAuth.jwt, messages);
  }, 60_000);
  afterAll(async () => {
    socket?.close();
    await destroyStack(monitor?.admin, 'live');
    await monitor?.destroy();
    await removeComposeProject(docker, project);
  });

  it("shows the pre-deploy command's first line before it prints the second", async () => {
    const started = await deployIdleStack(monitor.admin, { name: 'live', project }, PRE_DEPLOY);
    // Each feed message about the Update is followed by a read of it, in order, as the page does.
    update = await followUpdate(monitor.admin, messages, started._id.$oid, seen);
    expect(update.success).toBe(true);

    const running = seen.find(({ update: u }) =>
      u.logs.some((log) => log.stage === 'pre deploy' && log.end_ts === 0),
    );
    expect(running).toBeDefined();
    const first = running!.update.logs.find((log) => log.stage === 'pre deploy')!;
    expect(first.stdout).toContain('first-line');
    expect(first.stdout).not.toContain('second-line');
    expect(first.success).toBe(false);
    expect(running!.update.status).toBe('InProgress');

    const final = update.logs.find((log) => log.stage === 'pre deploy')!;
    const secondAt = Number(/second-line-at (\d+)/.exec(final.stdout)?.[1]);
    expect(secondAt).toBeGreaterThan(0);
    const firstAt = Number(/first-line-at (\d+)/.exec(final.stdout)?.[1]);
    const lead = secondAt - running!.at;
    console.log(
      `first line on /ws/update ${running!.at - firstAt} ms after it was printed, ` +
        `${lead} ms before the second was printed`,
    );
    expect(lead).toBeGreaterThan(1000);
    // The stage's log is the text that streamed, and only one log of the stage is left.
    expect(final.stdout.startsWith(first.stdout)).toBe(true);
    expect(final.end_ts).toBeGreaterThan(0);
    expect(update.logs.filter((log) => log.stage === 'pre deploy')).toHaveLength(1);
  }, 90_000);

  it('never lets the secret out: not in an event, an Update or a feed message', async () => {
    const events = await monitor.runtime.store.readStream(updateStream(update._id.$oid));
    const outputs = events.filter((e) => e.type === 'UpdateOutputAppended');
    expect(outputs.length).toBeGreaterThan(0);
    expect(JSON.stringify(outputs)).toMatch(/first-line-at \d+ \*{3,}/);
    expect(JSON.stringify(outputs)).toMatch(/warn \*{3,}/);
    expectNoSecret([events, seen, update, ...messages.map((m) => m.text)], [SECRET]);
  });
});
