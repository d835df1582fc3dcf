import { authHeaders, type ApiClient, type Auth } from '../support/api';
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
    // What polling writes when a container changes state.
    await monitor.runtime.store.append(
      `deploymentstatus-${_id.$oid}`,
      [
        {
          id: `observed-${Date.now()}`,
          type: 'DeploymentStateObserved',
          data: { state: 'running', image: 'app:1', at: Date.now() },
          metadata: {
            userId: 'system',
            via: 'system',
            correlationId: 'c',
            causationId: 'c',
            at: Date.now(),
          },
        },
      ],
      'any',
    );
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
