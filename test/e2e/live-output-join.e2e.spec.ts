import Dockerode from 'dockerode';
import { ensureBusyboxImage } from '@monitor/testing';
import type { WebSocket } from 'ws';
import { startEmbedded, LOCAL_AGENT_ENV, type EmbeddedMonitor } from '../support/embedded';
import {
  followUpdate,
  updateFeed,
  type FeedMessage,
  type SeenUpdate,
} from '../support/update-feed';
import type { UpdateView } from '../support/updates';
import { destroyStack, removeComposeProject } from '../support/leftovers';
import { deployIdleStack } from '../support/idle-stack';

const LINES = ['line-1', 'line-2', 'line-3', 'line-4', 'line-5'];
// One line a second: a client joins after the first and hears the rest.
const PRE_DEPLOY = LINES.map((line) => `echo ${line}`).join('; sleep 1; ');

/** The numbered lines a pre deploy stage's stdout shows, in order. */
const shownLines = (u: UpdateView) =>
  (u.logs.find((log) => log.stage === 'pre deploy')?.stdout ?? '')
    .split('\n')
    .filter((line) => line.startsWith('line-'));

describe('live output: a client that joins while a stage runs', () => {
  const docker = new Dockerode({ socketPath: '/var/run/docker.sock' });
  const project = `e2e-live-join-${process.pid}`;
  let monitor: EmbeddedMonitor;
  let socket: WebSocket | undefined;

  beforeAll(async () => {
    await ensureBusyboxImage(docker);
    monitor = await startEmbedded(LOCAL_AGENT_ENV);
  }, 60_000);
  afterAll(async () => {
    socket?.close();
    await destroyStack(monitor?.admin, 'join');
    await monitor?.destroy();
    await removeComposeProject(docker, project);
  });

  it('sees the output so far, then each new line once, with no gap', async () => {
    const started = await deployIdleStack(monitor.admin, { name: 'join', project }, PRE_DEPLOY);
    const id = started._id.$oid;
    // Joins once the stage has printed its first line, as a page opened then would.
    const deadline = Date.now() + 30_000;
    while (!shownLines(await monitor.admin.read<UpdateView>('GetUpdate', { id })).length) {
      if (Date.now() > deadline) throw new Error('the first line never showed');
      await new Promise((r) => setTimeout(r, 50));
    }
    const messages: FeedMessage[] = [];
    socket = await updateFeed(monitor.url, monitor.adminAuth.jwt, messages);
    // The page's first read, then one read per feed message, in order.
    const joined = await monitor.admin.read<UpdateView>('GetUpdate', { id });
    const seen: SeenUpdate[] = [{ at: Date.now(), update: joined }];
    const update = await followUpdate(monitor.admin, messages, id, seen);
    expect(update.success).toBe(true);

    const first = shownLines(joined);
    expect(first[0]).toBe('line-1');
    expect(first.length).toBeLessThan(LINES.length);
    // Every read shows the lines printed so far, in order, each once, none skipped: each read's
    // lines are a start of the whole, and no read shows fewer than the one before.
    let before = 0;
    for (const { update: u } of seen) {
      const lines = shownLines(u);
      expect(lines).toEqual(LINES.slice(0, lines.length));
      expect(lines.length).toBeGreaterThanOrEqual(before);
      before = lines.length;
    }
    // Lines printed after the join reached the client while the stage still ran.
    const runningReads = seen.filter(({ update: u }) =>
      u.logs.some((log) => log.stage === 'pre deploy' && log.end_ts === 0),
    );
    expect(Math.max(...runningReads.map(({ update: u }) => shownLines(u).length))).toBeGreaterThan(
      first.length,
    );
    expect(shownLines(update)).toEqual(LINES);
  }, 90_000);
});
