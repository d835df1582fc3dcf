import {
  request,
  type ClientRequest,
  type IncomingMessage,
  type Server,
  type ServerResponse,
} from 'node:http';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { WebSocket } from 'ws';
import { authHeaders, signUp, type Auth } from '../support/api';
import { startEmbedded, type EmbeddedMonitor } from '../support/embedded';
import { floodDeploymentStatus, until } from '../support/live-feeds';

/** One Server-Sent Event as /events sends it. */
interface Sse {
  id: number;
  event: string;
  data: { stream: string; type: string; position: number; [key: string]: unknown };
}

/** Parses the complete SSE blocks of `text`; comments (heartbeats) are counted apart. */
function parseSse(text: string): { events: Sse[]; comments: string[] } {
  const events: Sse[] = [];
  const comments: string[] = [];
  for (const block of text.split('\n\n').slice(0, -1)) {
    const fields: Record<string, string> = {};
    for (const line of block.split('\n')) {
      if (line.startsWith(':')) comments.push(line.slice(1).trim());
      else fields[line.slice(0, line.indexOf(':'))] = line.slice(line.indexOf(':') + 2);
    }
    if (fields.data) {
      events.push({ id: Number(fields.id), event: fields.event, data: JSON.parse(fields.data) });
    }
  }
  return { events, comments };
}

/** Reads /events until `count` events came (then disconnects), or `ms` passed. */
async function readSse(
  url: string,
  auth: Auth,
  { count = Infinity, ms = 5_000, headers = {} as Record<string, string> } = {},
): Promise<{ events: Sse[]; comments: string[]; status: number }> {
  const controller = new AbortController();
  const response = await fetch(url, {
    headers: { ...authHeaders(auth), ...headers },
    signal: controller.signal,
  });
  if (response.status !== 200) return { events: [], comments: [], status: response.status };
  const reader = response.body!.getReader();
  const decoder = new TextDecoder();
  let text = '';
  const deadline = Date.now() + ms;
  while (parseSse(text).events.length < count && Date.now() < deadline) {
    const chunk = await Promise.race([
      reader.read(),
      new Promise<undefined>((resolve) => setTimeout(resolve, Math.max(deadline - Date.now(), 0))),
    ]);
    if (!chunk || chunk.done) break;
    text += decoder.decode(chunk.value, { stream: true });
  }
  controller.abort();
  const parsed = parseSse(text);
  return { ...parsed, events: parsed.events.slice(0, count), status: 200 };
}

/** The heap after a full collection: what the process holds, not what it has yet to free. */
function heapUsed(): number {
  setFlagsFromString('--expose-gc');
  (runInNewContext('gc') as () => void)();
  return process.memoryUsage().heapUsed;
}

describe('the event feeds: /events (SSE) and /ws/update on one core', () => {
  let monitor: EmbeddedMonitor;
  const created: string[] = [];
  let before = 0;

  beforeAll(async () => {
    monitor = await startEmbedded({
      MONITOR_AUTH_ALLOW_SIGNUPS: 'true',
      MONITOR_LIMITS_FEED_HEARTBEAT_MS: '300',
      MONITOR_LIMITS_FEED_BUFFER: '50',
      MONITOR_LIMITS_EVENTS_PER_USER: '6',
    });
    before = monitor.runtime.readModel.position;
    for (let i = 1; i <= 6; i++) {
      const { _id } = await monitor.admin.write<{ _id: { $oid: string } }>('CreateDeployment', {
        name: `feed-${i}`,
      });
      created.push(_id.$oid);
    }
  }, 60_000);
  afterAll(() => monitor.destroy());

  const ours = () => `types=DeploymentCreated&resources=${created.join(',')}`;

  it('SSE: a client that disconnects at event N resumes with Last-Event-ID and gets N+1..M exactly, in order', async () => {
    const first = await readSse(
      `${monitor.url}/events?after=${before}&${ours()}`,
      monitor.adminAuth,
      {
        count: 3,
      },
    );
    expect(first.events.map((e) => e.data.data)).toMatchObject([
      { name: 'feed-1' },
      { name: 'feed-2' },
      { name: 'feed-3' },
    ]);
    expect(first.events.every((e) => e.id === e.data.position)).toBe(true);
    // Written while it was away.
    for (const name of ['feed-7', 'feed-8']) {
      const { _id } = await monitor.admin.write<{ _id: { $oid: string } }>('CreateDeployment', {
        name,
      });
      created.push(_id.$oid);
    }
    const resumed = await readSse(`${monitor.url}/events?${ours()}`, monitor.adminAuth, {
      ms: 1_500,
      headers: { 'last-event-id': String(first.events[2].id) },
    });
    expect(resumed.events.map((e) => (e.data.data as { name: string }).name)).toEqual([
      'feed-4',
      'feed-5',
      'feed-6',
      'feed-7',
      'feed-8',
    ]);
    const positions = resumed.events.map((e) => e.id);
    expect(positions).toEqual([...positions].sort((a, b) => a - b));
    expect(positions[0]).toBeGreaterThan(first.events[2].id);
  });

  it('SSE: filters by kind, resource, event type and tag (by name or id), and sends heartbeats', async () => {
    const from = monitor.runtime.readModel.position;
    const tag = await monitor.admin.write<{ _id: { $oid: string } }>('CreateTag', {
      name: 'feed-prod',
    });
    await monitor.admin.write('UpdateTagsOnResource', {
      target: { type: 'Deployment', id: created[0] },
      tags: [tag._id.$oid],
    });
    await monitor.admin.write('UpdateDeployment', { id: created[0], config: { command: 'a' } });
    await monitor.admin.write('UpdateDeployment', { id: created[1], config: { command: 'b' } });
    await monitor.admin.write('CreateServer', { name: 'feed-server' });
    const read = (query: string) =>
      readSse(`${monitor.url}/events?after=${from}&${query}`, monitor.adminAuth, { ms: 1_000 });

    const byTag = await read('tags=feed-prod');
    expect(byTag.events.map((e) => e.data.stream)).toEqual([
      `deployment-${created[0]}`,
      `deployment-${created[0]}`,
    ]);
    expect((await read(`tags=${tag._id.$oid}`)).events).toHaveLength(2);
    const servers = (await read('kinds=Server')).events;
    expect(servers.map((e) => e.event)).toContain('ServerCreated');
    expect(servers.every((e) => /^server(status)?-/.test(e.data.stream))).toBe(true);
    const byType = await read(`types=DeploymentConfigUpdated&resources=${created[1]}`);
    expect(byType.events.map((e) => e.data.stream)).toEqual([`deployment-${created[1]}`]);
    expect(byType.comments.filter((c) => c === 'keep-alive').length).toBeGreaterThanOrEqual(2);

    const bad = await readSse(`${monitor.url}/events?kinds=Widget`, monitor.adminAuth);
    expect(bad.status).toBe(400);
  });

  it("SSE: a tag filter still takes a deleted resource's events, its delete too", async () => {
    const from = monitor.runtime.readModel.position;
    const tag = await monitor.admin.write<{ _id: { $oid: string } }>('CreateTag', {
      name: 'feed-gone',
    });
    const doomed = await monitor.admin.write<{ _id: { $oid: string } }>('CreateDeployment', {
      name: 'feed-doomed',
    });
    await monitor.admin.write('UpdateTagsOnResource', {
      target: { type: 'Deployment', id: doomed._id.$oid },
      tags: [tag._id.$oid],
    });
    await monitor.admin.write('DeleteDeployment', { id: doomed._id.$oid });
    const { events } = await readSse(
      `${monitor.url}/events?after=${from}&tags=feed-gone`,
      monitor.adminAuth,
      {
        ms: 1_000,
      },
    );
    expect(events.map((e) => e.event)).toEqual([
      'DeploymentCreated',
      'DeploymentTagsUpdated',
      'DeploymentDeleted',
    ]);
  });

  it('SSE: a user without rights on a resource never receives its events', async () => {
    const reader = await signUp(monitor.url, 'feed-reader');
    const { _id } = await monitor.admin.read<{ _id: { $oid: string } }>('FindUser', {
      user: 'feed-reader',
    });
    await monitor.admin.write('UpdateUserBasePermissions', { user_id: _id.$oid, enabled: true });
    await monitor.admin.write('UpdatePermissionOnTarget', {
      user_target: { type: 'User', id: 'feed-reader' },
      resource_target: { type: 'Deployment', id: created[2] },
      permission: 'Read',
    });
    const seen = await readSse(`${monitor.url}/events?after=0&kinds=Deployment`, reader, {
      ms: 1_000,
    });
    expect(new Set(seen.events.map((e) => e.data.stream))).toEqual(
      new Set([`deployment-${created[2]}`]),
    );
  });

  it('/ws/update: Updates carry their position; a socket resumes after the last it got', async () => {
    const from = monitor.runtime.readModel.position;
    for (let i = 1; i <= 4; i++) {
      await monitor.admin.write('UpdateDeployment', {
        id: created[3],
        config: { command: `r${i}` },
      });
    }
    const mine = (m: Record<string, unknown>) =>
      (m.target as { id?: string } | undefined)?.id === created[3];
    const first = await updateSocket(monitor, { after: from });
    await until(() => first.messages.filter(mine).length >= 2);
    first.socket.terminate();
    const got = first.messages.filter(mine).slice(0, 2);
    expect(got.map((m) => m.operation)).toEqual(['UpdateDeployment', 'UpdateDeployment']);
    await monitor.admin.write('UpdateDeployment', { id: created[3], config: { command: 'r5' } });

    const second = await updateSocket(monitor, {});
    second.socket.send(JSON.stringify({ type: 'Resume', after: got[1].position }));
    await until(() => second.messages.filter(mine).length >= 3);
    await new Promise((r) => setTimeout(r, 300));
    const rest = second.messages.filter(mine);
    expect(rest).toHaveLength(3);
    const positions = [...got, ...rest].map((m) => m.position as number);
    expect(positions).toEqual([...positions].sort((a, b) => a - b));
    expect(new Set(positions).size).toBe(5);
    expect(second.pings).toBeGreaterThanOrEqual(1);
    second.socket.close();
  });

  it('drops an SSE client that stops reading, with the reason; memory stays flat; it resumes', async () => {
    const server = monitor.app.getHttpServer() as Server;
    const responses: ServerResponse[] = [];
    const capture = (req: IncomingMessage, res: ServerResponse) => {
      if (req.url?.startsWith('/events?after=now&streams')) responses.push(res);
    };
    server.on('request', capture);
    const deployment = created[4];
    const write = (stream: string, tag: string) =>
      floodDeploymentStatus(monitor.runtime.store, stream, tag, 20);
    // What 32 MB of writes cost the process with no feed (the store and read model's share).
    const heapAtStart = heapUsed();
    await write(`deploymentstatus-${created[0]}`, 'alone');
    const baseline = heapUsed() - heapAtStart;
    // The client subscribes, then stops reading its socket.
    const again = await pausedSse(
      `${monitor.url}/events?after=now&streams=deploymentstatus`,
      monitor.adminAuth,
    );
    const heapBefore = heapUsed();
    await write(`deploymentstatus-${deployment}`, 'slow');
    await until(() => responses[0]?.writableEnded === true);
    const grown = heapUsed() - heapBefore;
    server.off('request', capture);
    // 32 MB went by it; what it held beyond the writes' own cost was a queue of 50 messages.
    expect(grown - baseline).toBeLessThan(8 * 1024 * 1024);
    expect(responses[0].writableLength).toBeLessThan(4 * 1024 * 1024);

    const text = await readRest(again.response);
    const { events } = parseSse(text);
    const dropped = events.at(-1)!;
    expect(dropped.event).toBe('dropped');
    expect(dropped.data).toMatchObject({ code: 'DROPPED' });
    expect(String(dropped.data.reason)).toMatch(/read too slowly.*limits\.feed_buffer/);
    const last = events.filter((e) => e.event === 'DeploymentStateObserved').at(-1)!;
    again.req.destroy();

    const resumed = await readSse(
      `${monitor.url}/events?streams=deploymentstatus`,
      monitor.adminAuth,
      {
        count: 1,
        headers: { 'last-event-id': String(last.id) },
      },
    );
    expect(resumed.events[0].id).toBeGreaterThan(last.id);
    expect((await monitor.runtime.store.readAll(last.id, 1))[0].position).toBe(
      resumed.events[0].id,
    );
  }, 60_000);

  it('drops a /ws/update socket that stops reading with close code 4008 and the reason', async () => {
    const client = await updateSocket(monitor, {});
    client.socket.send(
      JSON.stringify({ type: 'Observe', params: { streams: ['deploymentstatus'] } }),
    );
    await until(() => client.messages.some((m) => m.type === 'Observing'));
    client.socket.pause();
    await floodDeploymentStatus(
      monitor.runtime.store,
      `deploymentstatus-${created[5]}`,
      'ws-slow',
      12,
    );
    client.socket.resume();
    await until(() => client.closed !== undefined);
    expect(client.closed).toMatchObject({ code: 4008 });
    expect(client.closed!.reason).toMatch(
      /^dropped: read too slowly \(limits\.feed_buffer\); resume after \d+/,
    );
  }, 60_000);

  it('counts every feed of a user together (limits.events_per_user)', async () => {
    // The streams of the cases before close as their sockets do.
    await new Promise((r) => setTimeout(r, 500));
    const held = await Promise.all(
      Array.from({ length: 6 }, () =>
        fetch(`${monitor.url}/events?after=now`, { headers: authHeaders(monitor.adminAuth) }),
      ),
    );
    try {
      expect(held.map((r) => r.status)).toEqual([200, 200, 200, 200, 200, 200]);
      const socket = await updateSocket(monitor, {});
      socket.socket.send(JSON.stringify({ type: 'Resume', after: 0 }));
      await until(() => socket.messages.some((m) => m.type === 'Error'));
      expect(socket.messages.find((m) => m.type === 'Error')!.error).toMatch(
        /^you have 6 event feeds open/,
      );
      socket.socket.close();
    } finally {
      for (const r of held) await r.body?.cancel();
    }
  });
});

/** A logged-in /ws/update socket (login params may carry `after`), its JSON messages kept. */
async function updateSocket(monitor: EmbeddedMonitor, params: { after?: number }) {
  const socket = new WebSocket(`${monitor.url.replace('http', 'ws')}/ws/update`);
  const state = {
    socket,
    messages: [] as Record<string, unknown>[],
    pings: 0,
    closed: undefined as { code: number; reason: string } | undefined,
  };
  socket.on('ping', () => (state.pings += 1));
  socket.on('close', (code, reason) => (state.closed = { code, reason: reason.toString() }));
  await new Promise<void>((resolve, reject) => {
    socket.on('open', () =>
      socket.send(
        JSON.stringify({
          type: 'Jwt',
          params: { jwt: (monitor.adminAuth as { jwt: string }).jwt, ...params },
        }),
      ),
    );
    socket.on('message', (data) => {
      const text = data.toString();
      if (text === 'LOGGED_IN') return resolve();
      state.messages.push(JSON.parse(text) as Record<string, unknown>);
    });
    socket.on('close', (code) => reject(new Error(`closed with ${code}`)));
  });
  return state;
}

/** An /events request whose client reads the headers, then nothing more. */
function pausedSse(
  url: string,
  auth: Auth,
): Promise<{ req: ClientRequest; response: IncomingMessage }> {
  return new Promise((resolve, reject) => {
    const req = request(url, { headers: authHeaders(auth) }, (response) => {
      response.pause();
      response.socket.pause();
      resolve({ req, response });
    });
    req.on('error', reject);
    req.end();
  });
}

/** Reads the rest of a paused response to its end. */
function readRest(response: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    let text = '';
    response.setEncoding('utf8');
    response.on('data', (chunk: string) => (text += chunk));
    response.on('end', () => resolve(text));
    response.on('error', reject);
    response.socket.resume();
    response.resume();
  });
}
