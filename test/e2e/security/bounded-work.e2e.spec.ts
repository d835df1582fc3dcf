import { WebSocket } from 'ws';
import type { Server, ServerResponse } from 'node:http';
import { startTestAgent, type TestAgent } from '../../../apps/periphery/src/testing/test-agent';
import { api, authHeaders, signUp, type ApiClient } from '../../support/api';
import { startEmbedded, type EmbeddedMonitor } from '../../support/embedded';
import { eventually } from '../../support/eventually';
import { storeQuiet } from '../../support/quiet-store';
import { flood, openStream, versionFrom } from '../../support/hostile-clients';

type ErrorBody = { error: string; trace: string[]; code: string };

/**
 * Issue 11, finding 6 and the parsing items of finding 8: no request, body or idle socket may
 * hold the process, crash it, or store what it should refuse. Each test is the attack through
 * HTTP, answered with a clear 4xx, with nothing written; and the legitimate use beside it.
 */
describe('bounded work and hostile input', () => {
  let monitor: EmbeddedMonitor;
  let admin: ApiClient;

  const head = () => monitor.runtime.store.headPosition();
  /** Posts a raw body (a string or bytes) as the admin, or as nobody. */
  const postRaw = async (path: string, body: string | Buffer, asAdmin = true) => {
    const response = await fetch(`${monitor.url}/${path}`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        ...(asAdmin ? authHeaders(monitor.adminAuth) : {}),
      },
      body: typeof body === 'string' ? body : new Uint8Array(body),
    });
    return {
      status: response.status,
      poweredBy: response.headers.get('x-powered-by'),
      body: (await response.json()) as ErrorBody,
    };
  };
  /** The answer to `attack`, and that the log did not move. */
  const refused = async <T>(attack: () => Promise<T>) => {
    const before = await head();
    const answer = await attack();
    expect(await head()).toBe(before);
    return answer;
  };

  beforeAll(async () => {
    monitor = await startEmbedded({
      MONITOR_AUTH_ALLOW_SIGNUPS: 'true',
      MONITOR_LIMITS_EVENTS_PER_USER: '2',
      MONITOR_LIMITS_HEADERS_TIMEOUT_MS: '1000',
    });
    admin = monitor.admin;
  });
  afterAll(() => monitor.destroy());

  it('runs a batch pattern that backtracks exponentially elsewhere at once, on RE2', async () => {
    const victim = `${'a'.repeat(40)}!`;
    await admin.write('CreateDeployment', { name: victim });
    await admin.write('CreateDeployment', { name: 'api-1' });
    const started = Date.now();
    const evil = await admin.call('execute', 'BatchDeploy', { pattern: '\\^(a+)+$\\' });
    expect(evil).toEqual({ status: 200, body: [] });
    // Backtracking would take hours on 40 characters; RE2 takes microseconds.
    expect(Date.now() - started).toBeLessThan(5_000);

    const unsupported = await refused(() =>
      admin.call<ErrorBody>('execute', 'BatchDeploy', { pattern: '\\(a)\\1\\' }),
    );
    expect(unsupported.status).toBe(400);
    expect(unsupported.body.error).toMatch(/^pattern: .*not a regular expression RE2 accepts/);

    const legit = await admin.call<{ status: string }[]>('execute', 'BatchDeploy', {
      pattern: '\\^api-\\d$\\',
    });
    expect(legit.status).toBe(200);
    expect(legit.body).toHaveLength(1);
    // Its Deploy fails (no server) and raises an alert: both land before the next test counts writes.
    await storeQuiet(monitor.runtime.store);
  });

  it('refuses a body with 60,000 keys before validating it', async () => {
    const wide = JSON.stringify(
      Object.fromEntries(Array.from({ length: 60_000 }, (_, i) => [`k${i}`, i])),
    );
    const started = Date.now();
    const answer = await refused(() => postRaw('write/CreateTag', wide));
    expect(answer.status).toBe(400);
    expect(answer.body).toMatchObject({
      error: 'request body: body: has more than 10000 keys and items in all',
      code: 'VALIDATION',
    });
    expect(Date.now() - started).toBeLessThan(2_000);
    expect((await postRaw('write/CreateTag', '{"name":"within-limits"}')).status).toBe(200);
  });

  it('refuses JSON 5,000 levels deep and prototype keys with a 400, signed in or not', async () => {
    const deep = `{"name":"x","config":${'['.repeat(5_000)}${']'.repeat(5_000)}}`;
    const attacks = [
      [deep, /^request body: config(\.0)+…? ?: is nested deeper than 64 levels$|deeper than 64/],
      ['{"name":"x","constructor":{"prototype":{}}}', /unknown field 'constructor'/],
      ['{"name":"x","__proto__":{"admin":true}}', /unknown field '__proto__'/],
      ['{"name":"x","config":{"constructor":1}}', /unknown field 'config.constructor'/],
    ] as const;
    for (const [body, message] of attacks) {
      const signedIn = await refused(() => postRaw('write/CreateDeployment', body));
      expect([body.slice(0, 40), signedIn.status]).toEqual([body.slice(0, 40), 400]);
      expect(signedIn.body.error).toMatch(message);
      const anonymous = await refused(() => postRaw('auth/login/LoginLocalUser', body, false));
      expect([body.slice(0, 40), anonymous.status]).toEqual([body.slice(0, 40), 400]);
    }
  });

  it('refuses invalid UTF-8, 1e309, bidi controls and ../ in names, naming the field', async () => {
    const notUtf8 = Buffer.concat([
      Buffer.from('{"name":"web","description":"caf'),
      Buffer.from([0xc3, 0x28]),
      Buffer.from('"}'),
    ]);
    const utf8 = await refused(() => postRaw('write/CreateTag', notUtf8));
    expect(utf8.status).toBe(400);
    expect(utf8.body.error).toBe('request body: description: is not valid UTF-8');
    const surrogate = await refused(() => postRaw('write/CreateTag', '{"name":"a\\ud800"}'));
    expect(surrogate.status).toBe(400);
    expect(surrogate.body.error).toBe(
      'request body: name: holds half a surrogate pair, which is not valid Unicode',
    );

    const huge = await refused(() =>
      postRaw('write/CreateServer', '{"name":"s","config":{"cpu_warning":1e309}}'),
    );
    expect(huge.status).toBe(400);
    expect(huge.body.error).toBe(
      'request body: config.cpu_warning: is not a finite number (too large for JSON)',
    );

    for (const [name, message] of [
      ['prod\u202e-bew', /^name: must not contain bidirectional/],
      ['../../etc', /name: must not start with \/ or \\ nor hold a \. or \.\. path step/],
      ['a/../b', /path step/],
    ] as const) {
      const answer = await refused(() =>
        admin.call<ErrorBody>('write', 'CreateDeployment', { name }),
      );
      expect([name, answer.status]).toEqual([name, 400]);
      expect(answer.body.error).toMatch(message);
    }
    await admin.write('CreateDeployment', { name: 'café/web.v1' });
  });

  it('answers every miss in the API error shape, without X-Powered-By', async () => {
    for (const [method, path] of [
      ['GET', 'read/GetVersion'],
      ['POST', 'nowhere'],
      ['DELETE', 'write/CreateTag'],
    ]) {
      const response = await fetch(`${monitor.url}/${path}`, { method });
      expect([path, response.status]).toEqual([path, 404]);
      expect(response.headers.get('x-powered-by')).toBeNull();
      const body = (await response.json()) as ErrorBody;
      expect(body).toEqual({ error: expect.any(String), trace: [], code: 'NOT_FOUND' });
    }
    const ok = await postRaw('read/GetVersion', '{}');
    expect(ok.status).toBe(200);
    expect(ok.poweredBy).toBeNull();
  });

  it('refuses a variable whose name differs from another only in case', async () => {
    await admin.write('CreateVariable', { name: 'TOKEN', value: 'upper' });
    const twin = await refused(() =>
      admin.call<ErrorBody>('write', 'CreateVariable', { name: 'token', value: 'lower' }),
    );
    expect(twin.status).toBe(409);
    expect(twin.body.error).toBe(
      "name: a variable named 'TOKEN' already exists; 'token' differs from it only in case",
    );
    // At the same time, in two cases: exactly one is stored.
    const raced = await Promise.all(
      ['RACE_X', 'race_x', 'Race_X'].map((name) => admin.call('write', 'CreateVariable', { name })),
    );
    expect(raced.map((a) => a.status).sort()).toEqual([200, 409, 409]);
    const names = (await admin.read<{ name: string }[]>('ListVariables')).map((v) => v.name);
    expect(names.filter((n) => n.toLowerCase() === 'race_x')).toHaveLength(1);
    expect(names).toContain('TOKEN');
    // Deleting frees the name in every case.
    await admin.write('DeleteVariable', { name: 'TOKEN' });
    await admin.write('CreateVariable', { name: 'token', value: 'lower' });
  });

  it('streams /events from the store as the client reads, at most N streams per user', async () => {
    const server = monitor.app.getHttpServer() as Server;
    const responses: ServerResponse[] = [];
    const capture = (req: { url?: string }, res: ServerResponse) => {
      if (req.url?.startsWith('/events')) responses.push(res);
    };
    server.on('request', capture);
    // About 24 MB of log, which a replay from 0 once buffered whole for a client not reading.
    const filler = 'x'.repeat(12_000);
    for (let batch = 0; batch < 20; batch++) {
      await monitor.runtime.store.append(
        `bulk-${batch}`,
        Array.from({ length: 100 }, (_, i) => ({
          id: `bulk-${batch}-${i}`,
          type: 'BulkWritten',
          data: { filler },
          metadata: {
            userId: 'system',
            via: 'system',
            correlationId: 'c',
            causationId: 'c',
            at: 1,
          },
        })),
        'no_stream',
      );
    }
    const stalled = await openStream(monitor.url, authHeaders(monitor.adminAuth));
    const second = await openStream(monitor.url, authHeaders(monitor.adminAuth));
    try {
      expect([stalled.status, second.status]).toEqual([200, 200]);
      await new Promise((resolve) => setTimeout(resolve, 1_000));
      const held = Math.max(...responses.map((r) => r.writableLength));
      expect(held).toBeLessThan(4 * 1024 * 1024);

      const third = await fetch(`${monitor.url}/events?after=0`, {
        headers: authHeaders(monitor.adminAuth),
      });
      expect(third.status).toBe(429);
      expect(((await third.json()) as ErrorBody).error).toMatch(
        /^you have 2 event feeds open \(\/events streams, .*\), the most one user may/,
      );
      // Another user has streams of their own.
      const other = await signUp(monitor.url, 'other-user');
      const { _id } = await admin.read<{ _id: { $oid: string } }>('FindUser', {
        user: 'other-user',
      });
      await admin.write('UpdateUserBasePermissions', { user_id: _id.$oid, enabled: true });
      const theirs = await openStream(monitor.url, authHeaders(other));
      expect(theirs.status).toBe(200);
      theirs.close();
    } finally {
      stalled.close();
      second.close();
      server.off('request', capture);
    }
    // Closed streams are counted off: the user may open one again.
    await eventually(async () => {
      const response = await openStream(monitor.url, authHeaders(monitor.adminAuth));
      response.close();
      expect(response.status).toBe(200);
    }, 5_000);
  });

  it('answers a WebSocket message too deep with an error, and goes on', async () => {
    const socket = new WebSocket(`${monitor.url.replace('http', 'ws')}/ws/update`);
    const messages: string[] = [];
    socket.on('message', (data) => messages.push(data.toString()));
    const heard = async (match: (m: string) => boolean) => {
      const deadline = Date.now() + 5_000;
      while (!messages.some(match) && Date.now() < deadline) {
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
      return messages.find(match);
    };
    await new Promise((resolve) => socket.on('open', resolve));
    try {
      socket.send(JSON.stringify({ type: 'Jwt', params: { jwt: monitor.adminAuth.jwt } }));
      expect(await heard((m) => m === 'LOGGED_IN')).toBe('LOGGED_IN');
      const depth = 20_000;
      socket.send(
        `{"type":"Observe","params":{"streams":${'['.repeat(depth)}${']'.repeat(depth)}}}`,
      );
      expect(await heard((m) => m.includes('"Error"'))).toMatch(/deeper than 128 levels/);
      socket.send(JSON.stringify({ type: 'Observe', params: { streams: ['alert'] } }));
      expect(await heard((m) => m.includes('"Observing"'))).toContain('alert');
    } finally {
      socket.close();
    }
  });

  it('refuses a deep, wide or prototype-keyed body on the agent too', async () => {
    const agent: TestAgent = await startTestAgent({ passkeys: [], allow_no_passkey: true });
    try {
      const post = async (body: string) => {
        const response = await fetch(`${agent.url}/`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body,
        });
        return {
          status: response.status,
          poweredBy: response.headers.get('x-powered-by'),
          body: (await response.json()) as ErrorBody,
        };
      };
      const deep = await post(
        `{"type":"GetHealth","params":${'['.repeat(5000)}${']'.repeat(5000)}}`,
      );
      expect(deep.status).toBe(400);
      expect(deep.body.error).toMatch(/deeper than 64 levels/);
      const proto = await post('{"type":"GetContainerLog","params":{"constructor":{}}}');
      expect(proto.status).toBe(400);
      expect(proto.body.error).toMatch(/unknown field 'constructor'/);
      const huge = await post('{"type":"GetHealth","params":{"n":-1e400}}');
      expect(huge.body.error).toBe(
        'request body: params.n: is not a finite number (too large for JSON)',
      );
      const miss = await fetch(`${agent.url}/nowhere`);
      expect(miss.status).toBe(404);
      expect(miss.headers.get('x-powered-by')).toBeNull();
      expect(((await miss.json()) as ErrorBody).code).toBe('NOT_FOUND');
      const health = await post('{"type":"GetHealth","params":{}}');
      expect(health.status).toBe(200);
      expect(health.poweredBy).toBeNull();
    } finally {
      await agent.close();
    }
  });

  it('survives 20,000 idle connections, closes them, and answers', async () => {
    const port = Number(new URL(monitor.url).port);
    const floods = [flood(port, 10_000), flood(port, 10_000)];
    try {
      await Promise.all(floods.map((f) => f.ready));
      // The server holds one address's share at most and closes the others as they come (bar
      // those still in its listen backlog, which it drains in the seconds after: slower on
      // a CI machine whose other test worker is busy).
      const server = monitor.app.getHttpServer() as Server;
      const connections = () =>
        new Promise<number>((resolve, reject) =>
          server.getConnections((error, count) => (error ? reject(error) : resolve(count))),
        );
      expect(await connections()).toBeLessThanOrEqual(1_024);
      const closed = () => floods.reduce((sum, f) => sum + f.latest().refused, 0);
      const drained = Date.now() + 45_000;
      // Beyond the backlog (511), a connection whose final ACK the kernel dropped while the
      // accept queue was full waits for its SYN-ACK to be sent again (seconds, doubling) before
      // the server sees it: up to another backlog's worth on a busy machine.
      const mustClose = 20_000 - 1_024 - 2 * 512;
      while (closed() < mustClose && Date.now() < drained) {
        await new Promise((resolve) => setTimeout(resolve, 250));
      }
      expect(closed()).toBeGreaterThanOrEqual(mustClose);
      // Meanwhile another address is served.
      expect(await versionFrom('127.0.0.2', port, authHeaders(monitor.adminAuth))).toBe(200);
      // The server closes those that never send a request: limits.headers_timeout_ms (1 s here),
      // which Node checks every 30 s.
      const deadline = Date.now() + 45_000;
      while ((await connections()) > 2 && Date.now() < deadline) {
        await new Promise((resolve) => setTimeout(resolve, 500));
      }
      expect(await connections()).toBeLessThanOrEqual(2);
    } finally {
      await Promise.all(floods.map((f) => f.stop()));
    }
    expect((await admin.call('read', 'GetVersion')).status).toBe(200);
    await expect(api(monitor.url).call('read', 'GetVersion')).resolves.toMatchObject({
      status: 401,
    });
  }, 150_000);
});
