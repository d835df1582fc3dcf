import { request } from 'node:http';
import { WebSocket } from 'ws';
import { api, authHeaders, signUp, TEST_PASSWORD, type Auth } from '../../support/api';
import { startEmbedded, type EmbeddedMonitor } from '../../support/embedded';
import { startFreshMonitor } from '../../support/fresh-monitor';

type Answer = {
  status: number;
  body: { error?: string; data?: { jwt: string } };
  retryAfter?: string;
};

/**
 * A login from a loopback address of our choosing (all of 127/8 reaches the gateway), so one
 * test plays an admin and strangers at different addresses.
 */
function loginFrom(baseUrl: string, address: string, username: string, password: string) {
  const url = new URL(`${baseUrl}/auth/login/LoginLocalUser`);
  const body = JSON.stringify({ username, password });
  return new Promise<Answer>((resolve, reject) => {
    const req = request(
      {
        host: url.hostname,
        port: url.port,
        path: url.pathname,
        method: 'POST',
        localAddress: address,
        agent: false,
        headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) },
      },
      (res) => {
        let text = '';
        res.on('data', (chunk: Buffer) => (text += chunk.toString()));
        res.on('end', () =>
          resolve({
            status: res.statusCode ?? 0,
            body: JSON.parse(text),
            retryAfter: res.headers['retry-after'],
          }),
        );
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

const countBy = (answers: Answer[]) =>
  answers.reduce<Record<number, number>>((counts, { status }) => {
    counts[status] = (counts[status] ?? 0) + 1;
    return counts;
  }, {});

const WRONG = 'not the right password';

describe('security: logins', () => {
  let monitor: EmbeddedMonitor;
  const login = (address: string, username: string, password = TEST_PASSWORD) =>
    loginFrom(monitor.url, address, username, password);

  /** An enabled user of its own, so each test's failures count against nobody else. */
  async function enabledUser(username: string): Promise<Auth> {
    const auth = await signUp(monitor.url, username);
    const { _id } = await monitor.admin.read<{ _id: { $oid: string } }>('FindUser', {
      user: username,
    });
    await monitor.admin.write('UpdateUserBasePermissions', { user_id: _id.$oid, enabled: true });
    return auth;
  }

  beforeAll(async () => {
    monitor = await startEmbedded({
      MONITOR_AUTH_ALLOW_SIGNUPS: 'true',
      MONITOR_AUTH_LOGIN_ATTEMPTS_PER_USER_GLOBAL: '25',
    });
  });
  afterAll(() => monitor.destroy());

  it('checks no more than the limit of a burst of parallel guesses, and writes nothing', async () => {
    await enabledUser('burst');
    const before = await monitor.runtime.store.headPosition();
    const answers = await Promise.all(
      Array.from({ length: 300 }, () => login('127.0.0.10', 'burst', WRONG)),
    );
    expect(countBy(answers)).toEqual({ 401: 10, 429: 290 });
    const limited = answers.find((a) => a.status === 429);
    expect(limited?.body.error).toMatch(/try again in \d+ s/);
    expect(Number(limited?.retryAfter)).toBeGreaterThan(0);
    expect((await login('127.0.0.10', 'burst')).status).toBe(429);
    expect(await monitor.runtime.store.headPosition()).toBe(before);
  });

  it('refuses the right password sent inside a burst of wrong ones', async () => {
    await enabledUser('inside');
    const wrong = Array.from({ length: 149 }, () => login('127.0.0.11', 'inside', WRONG));
    // Sent while the first guesses are still being checked: their attempts count already.
    await new Promise((resolve) => setTimeout(resolve, 100));
    const right = await login('127.0.0.11', 'inside');
    const answers = await Promise.all(wrong);
    expect(right.status).toBe(429);
    expect(countBy(answers)).toEqual({ 401: 10, 429: 139 });
  });

  it("does not let a stranger's guesses lock a user out of their own address", async () => {
    await enabledUser('victim');
    expect((await login('127.0.0.20', 'victim')).status).toBe(200);
    const stranger = await Promise.all(
      Array.from({ length: 50 }, () => login('127.0.0.21', 'victim', WRONG)),
    );
    expect(countBy(stranger)).toEqual({ 401: 10, 429: 40 });
    const own = await login('127.0.0.20', 'victim');
    expect(own.status).toBe(200);
    expect((await api(monitor.url, own.body.data).call('read', 'GetVersion')).status).toBe(200);
    // A new address of the user's is not locked out by one stranger either.
    expect((await login('127.0.0.22', 'victim')).status).toBe(200);
  });

  it('slows a user down from new addresses only, once guesses come from many', async () => {
    await enabledUser('popular');
    expect((await login('127.0.0.30', 'popular')).status).toBe(200);
    for (const address of ['127.0.0.31', '127.0.0.32', '127.0.0.33']) {
      await Promise.all(Array.from({ length: 10 }, () => login(address, 'popular', WRONG)));
    }
    const fresh = await login('127.0.0.34', 'popular');
    expect(fresh.status).toBe(429);
    expect(fresh.body.error).toMatch(/too many failed logins; try again in \d+ s/);
    expect((await login('127.0.0.30', 'popular')).status).toBe(200);
  });

  it('revokes every login token on a password change, and issues working ones after', async () => {
    const first = await enabledUser('changer');
    const second = (await login('127.0.0.40', 'changer')).body.data;
    const key = await api(monitor.url, first).ok<{ key: string; secret: string }>(
      'auth/manage',
      'CreateApiKey',
      { name: 'ci' },
    );
    const newPassword = 'a much better passphrase';
    await api(monitor.url, first).ok('auth/manage', 'UpdatePassword', { password: newPassword });
    for (const token of [first, second]) {
      const refused = await api(monitor.url, token).call('read', 'GetVersion');
      expect(refused.status).toBe(401);
      expect(refused.body.error).toContain('revoked');
    }
    // Issued in the same second as the change, and not caught by it.
    const fresh = (await login('127.0.0.40', 'changer', newPassword)).body.data;
    expect((await api(monitor.url, fresh).call('read', 'GetVersion')).status).toBe(200);
    expect((await api(monitor.url, key).call('read', 'GetVersion')).status).toBe(200);
  });

  it('logs out the token of the request, or every token with all; API keys stay', async () => {
    const one = await enabledUser('leaver');
    const other = (await login('127.0.0.41', 'leaver')).body.data;
    const key = await api(monitor.url, one).ok<{ key: string; secret: string }>(
      'auth/manage',
      'CreateApiKey',
      { name: 'script' },
    );
    expect((await api(monitor.url, key).post('auth/manage/Logout')).status).toBe(400);
    expect((await api(monitor.url).post('auth/manage/Logout')).status).toBe(401);
    expect((await api(monitor.url, one).post('auth/manage/Logout', { all: 'yes' })).status).toBe(
      400,
    );
    await api(monitor.url, one).ok('auth/manage', 'Logout');
    const loggedOut = await api(monitor.url, one).call('read', 'GetVersion');
    expect(loggedOut.status).toBe(401);
    expect(loggedOut.body.error).toContain('revoked');
    expect((await api(monitor.url, one).post('auth/manage/Logout')).status).toBe(401);
    expect((await api(monitor.url, other).call('read', 'GetVersion')).status).toBe(200);

    const later = (await login('127.0.0.41', 'leaver')).body.data;
    await api(monitor.url, other).ok('auth/manage', 'Logout', { all: true });
    for (const token of [other, later])
      expect((await api(monitor.url, token).call('read', 'GetVersion')).status).toBe(401);
    expect((await api(monitor.url, key).call('read', 'GetVersion')).status).toBe(200);
    const again = (await login('127.0.0.41', 'leaver')).body.data;
    expect((await api(monitor.url, again).call('read', 'GetVersion')).status).toBe(200);
  });

  it('ends a live feed logged in with a token once that token is logged out', async () => {
    const watcher = await enabledUser('watcher');
    const socket = new WebSocket(`${monitor.url.replace('http', 'ws')}/ws/update`);
    const closed = new Promise<{ code: number; reason: string }>((resolve) =>
      socket.on('close', (code, reason) => resolve({ code, reason: reason.toString() })),
    );
    await new Promise<void>((resolve) => {
      socket.on('open', () => socket.send(JSON.stringify({ type: 'Jwt', params: watcher })));
      socket.on('message', (data) => data.toString() === 'LOGGED_IN' && resolve());
    });
    await api(monitor.url, watcher).ok('auth/manage', 'Logout');
    await monitor.admin.write('CreateProcedure', { name: 'after-logout' });
    expect(await closed).toEqual({
      code: 1008,
      reason: 'login token revoked or expired; log in again',
    });
  });

  it('ends an /events stream opened with a token once that token is logged out', async () => {
    const reader = await enabledUser('sse-reader');
    const response = await fetch(`${monitor.url}/events?after=now`, {
      headers: authHeaders(reader),
    });
    expect(response.status).toBe(200);
    const body = response.body!.getReader();
    expect(new TextDecoder().decode((await body.read()).value)).toContain(': connected');
    await api(monitor.url, reader).ok('auth/manage', 'Logout');
    await monitor.admin.write('CreateProcedure', { name: 'after-sse-logout' });
    // The next event finds the token logged out and ends the stream, sending nothing.
    let text = '';
    for (;;) {
      const chunk = await body.read();
      if (chunk.done) break;
      text += new TextDecoder().decode(chunk.value);
    }
    expect(text).not.toContain('data:');
  });

  it('keeps user names unique regardless of case, and logs in regardless of case', async () => {
    await enabledUser('Casey');
    const before = await monitor.runtime.store.headPosition();
    for (const name of ['casey', 'CASEY', 'ｃａｓｅｙ']) {
      const taken = await api(monitor.url).post<{ error: string }>('auth/login/SignUpLocalUser', {
        username: name,
        password: TEST_PASSWORD,
      });
      expect(taken.status).toBe(409);
      expect(taken.body.error).toBe("a user named 'Casey' already exists");
    }
    expect(await monitor.runtime.store.headPosition()).toBe(before);
    const lower = await login('127.0.0.50', 'casey');
    expect(lower.status).toBe(200);
    const me = await fetch(`${monitor.url}/user`, {
      headers: { authorization: lower.body.data?.jwt ?? '' },
    });
    expect(((await me.json()) as { username: string }).username).toBe('Casey');
    // The case variants of one name share its limits.
    const guesses = ['casey', 'CASEY', 'Casey', 'cAsEy'].flatMap((name) =>
      Array.from({ length: 5 }, () => login('127.0.0.51', name, WRONG)),
    );
    expect(countBy(await Promise.all(guesses))).toEqual({ 401: 10, 429: 10 });
  });
});

describe('security: the first user', () => {
  /** Monitor on a fresh data folder, with nobody signed up yet. */
  async function fresh(env: Record<string, string> = {}) {
    const app = await startFreshMonitor(env);
    const signUps = () =>
      Promise.all(
        Array.from({ length: 20 }, (_, i) =>
          api(app.url).post<{ jwt?: string; error?: string }>('auth/login/SignUpLocalUser', {
            username: `racer${i}`,
            password: TEST_PASSWORD,
          }),
        ),
      );
    const users = () => app.runtime.readModel.identity.allUsers();
    return { app, signUps, users, destroy: app.destroy };
  }

  it('lets exactly one of 20 parallel sign-ups in, as admin, when sign-ups are closed', async () => {
    const monitor = await fresh();
    try {
      const answers = await monitor.signUps();
      expect(countBy(answers as Answer[])).toEqual({ 200: 1, 403: 19 });
      const refused = answers.find((a) => a.status === 403);
      expect(refused?.body.error).toBe(
        'sign-ups are disabled: ask an admin, or set auth.allow_signups',
      );
      const users = monitor.users();
      expect(users).toHaveLength(1);
      expect(users[0]).toMatchObject({ admin: true, enabled: true });
      const winner = answers.find((a) => a.status === 200)?.body as { jwt: string };
      const me = await api(monitor.app.url, winner).read<{ _id: { $oid: string } }>('ListUsers');
      expect(me).toHaveLength(1);
    } finally {
      await monitor.destroy();
    }
  });

  it('makes one admin of 20 parallel sign-ups and the rest disabled when sign-ups are open', async () => {
    const monitor = await fresh({ MONITOR_AUTH_ALLOW_SIGNUPS: 'true' });
    try {
      expect(countBy((await monitor.signUps()) as Answer[])).toEqual({ 200: 20 });
      const users = monitor.users();
      expect(users.filter((u) => u.admin && u.enabled)).toHaveLength(1);
      expect(users.filter((u) => !u.admin && !u.enabled)).toHaveLength(19);
    } finally {
      await monitor.destroy();
    }
  });
});
