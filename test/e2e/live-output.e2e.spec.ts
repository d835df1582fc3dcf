import Dockerode from 'dockerode';
import { updateStream } from '@monitor/domain';
import { BUSYBOX_TEST_IMAGE, ensureBusyboxImage } from '@monitor/testing';
import { WebSocket } from 'ws';
import { startEmbedded, type EmbeddedMonitor } from '../support/embedded';
import { completed, type UpdateView } from '../support/updates';

const SECRET = 'live-secret-4711';
const COMPOSE = `services:
  idle:
    image: ${BUSYBOX_TEST_IMAGE}
    command: ["/bin/sh", "-c", "trap 'exit 0' TERM; sleep 3600 & wait"]
    network_mode: none
`;
// Prints a line (with the secret, on both streams), sleeps 3 s, then another; each says when
// it was printed by the host's clock, which the test shares.
const PRE_DEPLOY =
  'echo first-line-at $(date +%s%3N) [[LIVE_TOKEN]]; echo warn [[LIVE_TOKEN]] >&2; sleep 3; ' +
  'echo second-line-at $(date +%s%3N)';

/** Each `/ws/update` message, with when it arrived. */
interface FeedMessage {
  at: number;
  text: string;
}

describe('live output: a running stage grows on /ws/update', () => {
  const docker = new Dockerode({ socketPath: '/var/run/docker.sock' });
  const project = `e2e-live-${process.pid}`;
  let monitor: EmbeddedMonitor;
  let socket: WebSocket;
  const messages: FeedMessage[] = [];
  /** What GetUpdate answered after each feed message of the deploy's Update. */
  const seen: { at: number; update: UpdateView }[] = [];
  let update: UpdateView;

  beforeAll(async () => {
    await ensureBusyboxImage(docker);
    monitor = await startEmbedded({
      MONITOR_LOCAL_AGENT_ENABLED: 'true',
      MONITOR_LOCAL_AGENT_PORT: '0',
    });
    await monitor.admin.write('CreateVariable', {
      name: 'LIVE_TOKEN',
      value: SECRET,
      is_secret: true,
    });
    socket = await feed(monitor.url, monitor.adminAuth.jwt, messages);
  }, 60_000);
  afterAll(async () => {
    socket?.close();
    await monitor?.admin
      .execute<UpdateView>('DestroyStack', { stack: 'live' })
      .then((u) => completed(monitor.admin, u))
      .catch(() => undefined);
    await monitor?.destroy();
    const left = await docker.listContainers({
      all: true,
      filters: { label: [`com.docker.compose.project=${project}`] },
    });
    await Promise.all(left.map((c) => docker.getContainer(c.Id).remove({ force: true })));
  });

  it("shows the pre-deploy command's first line before it prints the second", async () => {
    await monitor.admin.write('CreateStack', {
      name: 'live',
      config: {
        server_id: 'local',
        project_name: project,
        auto_pull: false,
        file_contents: COMPOSE,
        pre_deploy: { path: '', command: PRE_DEPLOY },
      },
    });
    const started = await monitor.admin.execute<UpdateView>('DeployStack', { stack: 'live' });
    const id = started._id.$oid;
    // Each feed message about the Update is followed by a read of it, in order, as the page does.
    let read = 0;
    const follow = async () => {
      for (;;) {
        const next = messages.slice(read).findIndex((m) => m.text.includes(id));
        if (next < 0) {
          await new Promise((r) => setTimeout(r, 5));
          continue;
        }
        read += next + 1;
        const at = messages[read - 1].at;
        const current = await monitor.admin.read<UpdateView>('GetUpdate', { id });
        seen.push({ at, update: current });
        if (current.status === 'Complete') return current;
      }
    };
    let timer: NodeJS.Timeout | undefined;
    update = await Promise.race([
      follow(),
      new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new Error('the deploy did not end in 60 s')), 60_000);
      }),
    ]).finally(() => clearTimeout(timer));
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
    for (const text of [
      JSON.stringify(events),
      JSON.stringify(seen),
      JSON.stringify(update),
      ...messages.map((m) => m.text),
    ]) {
      expect(text).not.toContain(SECRET);
    }
  });
});

async function feed(url: string, jwt: string, into: FeedMessage[]): Promise<WebSocket> {
  const socket = new WebSocket(`${url.replace('http', 'ws')}/ws/update`);
  await new Promise<void>((resolve, reject) => {
    socket.on('open', () => socket.send(JSON.stringify({ type: 'Jwt', params: { jwt } })));
    socket.on('message', (data) => {
      const text = data.toString();
      if (text === 'LOGGED_IN') return resolve();
      into.push({ at: Date.now(), text });
    });
    socket.on('close', (code) => reject(new Error(`closed with ${code}`)));
  });
  return socket;
}
