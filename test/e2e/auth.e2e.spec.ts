import { signJwt } from '@monitor/auth';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { api, signUp, TEST_PASSWORD } from '../support/api';
import { startEmbedded, type EmbeddedMonitor } from '../support/embedded';

describe('users, logins and API keys', () => {
  let monitor: EmbeddedMonitor;

  beforeAll(async () => {
    monitor = await startEmbedded({
      MONITOR_AUTH_ALLOW_SIGNUPS: 'true',
      MONITOR_AUTH_LOGIN_ATTEMPTS_PER_USER: '3',
    });
  });
  afterAll(() => monitor.destroy());

  const login = (username: string, password: string) =>
    api(monitor.url).post<{ type: string; data: { jwt: string }; error?: string }>(
      'auth/login/LoginLocalUser',
      {
        username,
        password,
      },
    );

  it('makes the first user an enabled admin', async () => {
    const user = await fetch(`${monitor.url}/user`, {
      headers: { authorization: monitor.adminAuth.jwt },
    });
    const body = (await user.json()) as Record<string, unknown>;
    expect(body).toMatchObject({ username: 'admin', admin: true, enabled: true });
    expect(JSON.stringify(body)).not.toContain('scrypt');
  });

  it('starts later users disabled until an admin enables them', async () => {
    const bob = await signUp(monitor.url, 'bob');
    const asBob = api(monitor.url, bob);
    const refused = await asBob.call<{ error: string }>('read', 'ListDeployments');
    expect(refused.status).toBe(403);
    expect(refused.body.error).toContain("user 'bob' is disabled");
    const { _id } = await monitor.admin.read<{ _id: { $oid: string } }>('FindUser', {
      user: 'bob',
    });
    await monitor.admin.write('UpdateUserBasePermissions', { user_id: _id.$oid, enabled: true });
    expect((await asBob.call('read', 'ListDeployments')).status).toBe(200);
  });

  it('logs in with the right password only, and limits failed attempts', async () => {
    await signUp(monitor.url, 'carol');
    const ok = await login('carol', TEST_PASSWORD);
    expect(ok.status).toBe(403); // disabled, but the password was right
    expect((await login('carol', 'wrong password!')).status).toBe(401);
    expect((await login('nobody', 'wrong password!')).body.error).toBe(
      'invalid username or password',
    );
    await login('carol', 'wrong password!');
    await login('carol', 'wrong password!');
    const limited = await login('carol', TEST_PASSWORD);
    expect(limited.status).toBe(429);
    expect(limited.body.error).toMatch(/try again in \d+ s/);
    const admin = await login('admin', TEST_PASSWORD);
    expect(admin.status).toBe(200);
    expect(admin.body.type).toBe('Jwt');
    expect(
      (await api(monitor.url, { jwt: admin.body.data.jwt }).call('read', 'GetVersion')).status,
    ).toBe(200);
  });

  it('refuses weak passwords and taken usernames, changing nothing', async () => {
    const before = await monitor.runtime.store.headPosition();
    const signUpWith = (username: string, password: string) =>
      api(monitor.url).post<{ error: string }>('auth/login/SignUpLocalUser', {
        username,
        password,
      });
    expect((await signUpWith('dave', '')).status).toBe(400);
    expect((await signUpWith('dave', 'short')).body.error).toContain('password');
    expect((await signUpWith('dave', 'password123')).status).toBe(400);
    expect((await signUpWith('dave', 'dave-dave-dave')).status).toBe(400);
    expect((await signUpWith('admin', TEST_PASSWORD)).status).toBe(409);
    expect((await signUpWith('', TEST_PASSWORD)).status).toBe(400);
    expect(await monitor.runtime.store.headPosition()).toBe(before);
  });

  it('refuses forged, expired and unsigned tokens', async () => {
    const secret = Buffer.from(
      readFileSync(join(monitor.dataDir, 'jwt.secret'), 'utf8').trim(),
      'base64',
    );
    const adminId = (
      await monitor.admin.read<{ _id: { $oid: string } }>('FindUser', { user: 'admin' })
    )._id.$oid;
    const forged = await signJwt({ sub: adminId }, Buffer.alloc(32, 7), { expiresInSeconds: 3600 });
    const expired = await signJwt({ sub: adminId }, secret, {
      expiresInSeconds: 60,
      now: Date.now() - 3600_000,
    });
    const header = Buffer.from('{"alg":"none","typ":"JWT"}').toString('base64url');
    const payload = Buffer.from(
      JSON.stringify({ sub: adminId, exp: 9e9, iat: 1, jti: 'x' }),
    ).toString('base64url');
    for (const jwt of [forged, expired, `${header}.${payload}.`, 'not-a-token']) {
      const answer = await api(monitor.url, { jwt }).call<{ error: string }>('read', 'ListServers');
      expect(answer.status).toBe(401);
      expect(answer.body.error).toContain('login token refused');
    }
    const valid = await signJwt({ sub: adminId }, secret, { expiresInSeconds: 60 });
    expect((await api(monitor.url, { jwt: valid }).call('read', 'ListServers')).status).toBe(200);
  });

  it('creates API keys whose secret is shown once and works until deleted', async () => {
    const { key, secret } = await monitor.admin.ok<{ key: string; secret: string }>(
      'auth/manage',
      'CreateApiKey',
      {
        name: 'ci',
      },
    );
    const withKey = api(monitor.url, { key, secret });
    expect((await withKey.call('read', 'ListServers')).status).toBe(200);
    expect(
      (await api(monitor.url, { key, secret: `${secret}x` }).call('read', 'ListServers')).status,
    ).toBe(401);
    const listed = await monitor.admin.read<{ key: string }[]>('ListApiKeys');
    expect(listed.map((k) => k.key)).toContain(key);
    expect(JSON.stringify(listed)).not.toContain(secret);
    await monitor.admin.ok('auth/manage', 'DeleteApiKey', { key });
    expect((await withKey.call('read', 'ListServers')).status).toBe(401);
  });

  it('changes a password: the old one stops working', async () => {
    const erin = await signUp(monitor.url, 'erin');
    const { _id } = await monitor.admin.read<{ _id: { $oid: string } }>('FindUser', {
      user: 'erin',
    });
    await monitor.admin.write('UpdateUserBasePermissions', { user_id: _id.$oid, enabled: true });
    const weak = await api(monitor.url, erin).post('auth/manage/UpdatePassword', {
      password: 'erin',
    });
    expect(weak.status).toBe(400);
    await api(monitor.url, erin).ok('auth/manage', 'UpdatePassword', {
      password: 'a much better passphrase',
    });
    expect((await login('erin', TEST_PASSWORD)).status).toBe(401);
    expect((await login('erin', 'a much better passphrase')).status).toBe(200);
  });

  it('refuses sign-ups when the config does not allow them', async () => {
    const closed = await startEmbedded();
    try {
      const answer = await api(closed.url).post<{ error: string }>('auth/login/SignUpLocalUser', {
        username: 'late',
        password: TEST_PASSWORD,
      });
      expect(answer.status).toBe(403);
      expect(answer.body.error).toContain('sign-ups are disabled');
      const options = await api(closed.url).post<{ registration_disabled: boolean }>(
        'auth/login/GetLoginOptions',
      );
      expect(options.body.registration_disabled).toBe(true);
    } finally {
      await closed.destroy();
    }
  });
});
