import { WebSocket } from 'ws';
import { authHeaders, signUp, type ApiClient, type Auth } from '../support/api';
import { startEmbedded, type EmbeddedMonitor } from '../support/embedded';

let auth: Auth;

interface SseEvent {
  id: number;
  type: string;
  data: { stream: string; type: string; position: number };
}

/** Reads Server-Sent Events from /events until `count` have arrived. */
async function readEvents(
  url: string,
  count: number,
  headers: Record<string, string> = {},
): Promise<SseEvent[]> {
  const controller = new AbortController();
  const response = await fetch(url, {
    headers: { ...authHeaders(auth), ...headers },
    signal: controller.signal,
  });
  expect(response.status).toBe(200);
  expect(response.headers.get('content-type')).toContain('text/event-stream');
  const reader = response.body!.getReader();
  const decoder = new TextDecoder();
  const events: SseEvent[] = [];
  let buffer = '';
  const deadline = Date.now() + 10_000;
  while (events.length < count && Date.now() < deadline) {
    const { value, done } = await reader.read();
    if (done) break;
    buffer += decoder.decode(value, { stream: true });
    let end: number;
    while ((end = buffer.indexOf('\n\n')) >= 0) {
      const block = buffer.slice(0, end);
      buffer = buffer.slice(end + 2);
      const fields = Object.fromEntries(
        block
          .split('\n')
          .filter((l) => !l.startsWith(':'))
          .map((l) => [l.slice(0, l.indexOf(':')), l.slice(l.indexOf(':') + 2)]),
      );
      if (fields.data)
        events.push({ id: Number(fields.id), type: fields.event, data: JSON.parse(fields.data) });
    }
  }
  controller.abort();
  return events;
}

/** What polling writes when a deployment's container changes state. */
function appendObserved(monitor: EmbeddedMonitor, deploymentId: string, state: string) {
  const at = Date.now();
  return monitor.runtime.store.append(
    `deploymentstatus-${deploymentId}`,
    [
      {
        id: `observed-${deploymentId}-${state}-${at}`,
        type: 'DeploymentStateObserved',
        data: { state, image: 'app:1', at },
        metadata: { userId: 'system', via: 'system', correlationId: 'c', causationId: 'c', at },
      },
    ],
    'any',
  );
}

describe('GET /events (Server-Sent Events)', () => {
  let monitor: EmbeddedMonitor;
  let client: ApiClient;

  beforeAll(async () => {
    monitor = await startEmbedded();
    client = monitor.admin;
    auth = monitor.adminAuth;
  });
  afterAll(() => monitor.destroy());

  it('streams domain events filtered by kind and resource, resumable from a position', async () => {
    const a = await client.write<{ _id: { $oid: string } }>('CreateDeployment', { name: 'sse-a' });
    await client.write('CreateServer', { name: 'sse-server' });
    await client.write('UpdateDeployment', { id: 'sse-a', config: { command: 'x' } });
    await client.write('CreateDeployment', { name: 'sse-b' });

    const deployments = await readEvents(`${monitor.url}/events?kind=Deployment`, 3);
    expect(deployments.map((e) => e.type)).toEqual([
      'DeploymentCreated',
      'DeploymentConfigUpdated',
      'DeploymentCreated',
    ]);

    const onlyA = await readEvents(
      `${monitor.url}/events?kind=Deployment&resource=${a._id.$oid}`,
      2,
    );
    expect(onlyA.map((e) => e.data.stream)).toEqual([
      `deployment-${a._id.$oid}`,
      `deployment-${a._id.$oid}`,
    ]);

    const resumed = await readEvents(`${monitor.url}/events?kind=Deployment`, 1, {
      'last-event-id': String(deployments[1].id),
    });
    expect(resumed[0].id).toBe(deployments[2].id);

    const live = readEvents(`${monitor.url}/events?kind=Alerter`, 1);
    await new Promise((r) => setTimeout(r, 100));
    await client.write('CreateAlerter', { name: 'sse-live' });
    expect((await live)[0].type).toBe('AlerterCreated');
  });

  it('starts at the end of the log with after=now, and selects observed streams', async () => {
    const { _id } = await client.write<{ _id: { $oid: string } }>('CreateDeployment', {
      name: 'sse-observed',
    });
    const observed = readEvents(`${monitor.url}/events?after=now&streams=deploymentstatus`, 1);
    await new Promise((r) => setTimeout(r, 100));
    await client.write('CreateAlerter', { name: 'sse-not-observed' });
    await appendObserved(monitor, _id.$oid, 'running');
    const [event] = await observed;
    expect(event).toMatchObject({
      type: 'DeploymentStateObserved',
      data: { stream: `deploymentstatus-${_id.$oid}` },
    });
  });

  it('refuses a bad position, kind or stream with 400', async () => {
    const headers = authHeaders(auth);
    expect((await fetch(`${monitor.url}/events?streams=widget`, { headers })).status).toBe(400);
    expect((await fetch(`${monitor.url}/events?after=-3`, { headers })).status).toBe(400);
    expect((await fetch(`${monitor.url}/events?kind=Widget`, { headers })).status).toBe(400);
    expect((await fetch(`${monitor.url}/events`)).status).toBe(401);
  });
});

/** A `/ws/update` socket logged in with `jwt`, its JSON messages kept in order. */
async function feedSocket(url: string, jwt: string) {
  const socket = new WebSocket(`${url.replace('http', 'ws')}/ws/update`);
  const messages: { type?: string; [key: string]: unknown }[] = [];
  await new Promise<void>((resolve, reject) => {
    socket.on('open', () => socket.send(JSON.stringify({ type: 'Jwt', params: { jwt } })));
    socket.on('message', (data) => {
      const text = data.toString();
      if (text === 'LOGGED_IN') return resolve();
      messages.push(JSON.parse(text) as (typeof messages)[number]);
    });
    socket.on('close', (code) => reject(new Error(`closed with ${code}`)));
  });
  const sent = (message: unknown) => socket.send(JSON.stringify(message));
  const next = async (type: string, from = 0) => {
    const deadline = Date.now() + 5000;
    for (;;) {
      const found = messages.slice(from).find((m) => m.type === type);
      if (found) return found;
      if (Date.now() > deadline)
        throw new Error(`no ${type} message in ${JSON.stringify(messages)}`);
      await new Promise((r) => setTimeout(r, 20));
    }
  };
  return { messages, sent, next, close: () => socket.close() };
}

describe('/ws/update: observed changes on the same socket (Observe)', () => {
  let monitor: EmbeddedMonitor;
  const ids: Record<string, string> = {};

  const observe = (deployment: string, state: string) =>
    appendObserved(monitor, ids[deployment], state);

  beforeAll(async () => {
    monitor = await startEmbedded({ MONITOR_AUTH_ALLOW_SIGNUPS: 'true' });
    for (const name of ['ws-seen', 'ws-unseen']) {
      const created = await monitor.admin.write<{ _id: { $oid: string } }>('CreateDeployment', {
        name,
      });
      ids[name] = created._id.$oid;
    }
  });
  afterAll(() => monitor.destroy());

  it('sends the observed changes asked for, only those the user may see, until asked to stop', async () => {
    const readerJwt = (await signUp(monitor.url, 'ws-reader')).jwt;
    const { _id } = await monitor.admin.read<{ _id: { $oid: string } }>('FindUser', {
      user: 'ws-reader',
    });
    await monitor.admin.write('UpdateUserBasePermissions', { user_id: _id.$oid, enabled: true });
    await monitor.admin.write('UpdatePermissionOnTarget', {
      user_target: { type: 'User', id: 'ws-reader' },
      resource_target: { type: 'Deployment', id: 'ws-seen' },
      permission: 'Read',
    });
    const reader = await feedSocket(monitor.url, readerJwt);
    const admin = await feedSocket(monitor.url, monitor.adminAuth.jwt);
    for (const socket of [reader, admin]) {
      socket.sent({ type: 'Observe', params: { streams: ['deploymentstatus', 'alert'] } });
      expect(await socket.next('Observing')).toEqual({
        type: 'Observing',
        streams: ['deploymentstatus', 'alert'],
      });
    }
    await observe('ws-unseen', 'running');
    await observe('ws-seen', 'running');
    const seen = (await reader.next('Observed')) as { event: { stream: string; type: string } };
    expect(seen.event).toMatchObject({
      stream: `deploymentstatus-${ids['ws-seen']}`,
      type: 'DeploymentStateObserved',
    });
    await admin.next('Observed');
    await new Promise((r) => setTimeout(r, 200));
    const streams = (socket: typeof reader) =>
      socket.messages
        .filter((m) => m.type === 'Observed')
        .map((m) => (m.event as { stream: string }).stream);
    expect(streams(reader)).toEqual([`deploymentstatus-${ids['ws-seen']}`]);
    expect(streams(admin)).toEqual([
      `deploymentstatus-${ids['ws-unseen']}`,
      `deploymentstatus-${ids['ws-seen']}`,
    ]);

    const from = reader.messages.length;
    reader.sent({ type: 'Observe', params: { streams: [] } });
    await reader.next('Observing', from);
    const adminFrom = admin.messages.length;
    await observe('ws-seen', 'exited');
    await admin.next('Observed', adminFrom);
    await new Promise((r) => setTimeout(r, 200));
    expect(streams(reader)).toHaveLength(1);
    reader.close();
    admin.close();
  });

  it('answers a bad Observe with an Error naming the field, and keeps the socket', async () => {
    const socket = await feedSocket(monitor.url, monitor.adminAuth.jwt);
    socket.sent({ type: 'Observe', params: { streams: ['widget'] } });
    const error = (await socket.next('Error')) as { error: string };
    expect(error.error).toContain('params.streams');
    socket.sent('not json');
    await new Promise((r) => setTimeout(r, 100));
    expect(socket.messages.filter((m) => m.type === 'Error')).toHaveLength(2);
    socket.sent({ type: 'Observe', params: { streams: ['serverstatus'] } });
    expect(await socket.next('Observing')).toEqual({
      type: 'Observing',
      streams: ['serverstatus'],
    });
    socket.close();
  });
});
