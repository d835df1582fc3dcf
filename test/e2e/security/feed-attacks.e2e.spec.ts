import { api, authHeaders, logIn, type Auth } from '../../support/api';
import { startEmbedded, type EmbeddedMonitor } from '../../support/embedded';
import { graphqlWs, subscribe, until } from '../../support/live-feeds';
import { enabledUser, grant } from '../../support/security';

/**
 * Issue 18's feeds (/events; /ws/update and the GraphQL subscriptions share their core),
 * attacked by users with few rights: other users' streams asked for by type, a resume from 0
 * after a grant was taken away, filters naming what one cannot read, an admin's API key after
 * the admin was demoted, and a stream whose API key was deleted.
 */
interface Sse {
  id: number;
  data: { stream: string; type: string };
}

/** An open /events stream: what came so far, and whether the server ended it. */
function openSse(url: string, auth: Auth) {
  const state = { events: [] as Sse[], status: 0, ended: false, text: '' };
  const controller = new AbortController();
  const done = (async () => {
    const response = await fetch(url, { headers: authHeaders(auth), signal: controller.signal });
    state.status = response.status;
    if (response.status !== 200) return void (state.ended = true);
    const reader = response.body!.getReader();
    const decoder = new TextDecoder();
    for (;;) {
      const chunk = await reader.read();
      if (chunk.done) return void (state.ended = true);
      state.text += decoder.decode(chunk.value, { stream: true });
      const blocks = state.text.split('\n\n');
      state.text = blocks.pop()!;
      for (const block of blocks) {
        const id = /^id: (\d+)$/m.exec(block)?.[1];
        const data = /^data: (.*)$/m.exec(block)?.[1];
        if (id && data)
          state.events.push({ id: Number(id), data: JSON.parse(data) as Sse['data'] });
      }
    }
  })().catch(() => undefined);
  return { state, close: () => controller.abort(), done };
}

/** Reads a stream for `ms`, then closes it. */
async function readFor(url: string, auth: Auth, ms = 1_500) {
  const sse = openSse(url, auth);
  await new Promise((resolve) => setTimeout(resolve, ms));
  sse.close();
  await sse.done;
  return sse.state;
}

/** A graphql-ws client signed in with a login token. */
const wsClient = (monitor: EmbeddedMonitor, auth: Auth) =>
  graphqlWs(monitor, { authorization: `Bearer ${(auth as { jwt: string }).jwt}` }).client;

describe('security: live feed attacks (issue 18)', () => {
  let monitor: EmbeddedMonitor;
  let reader: Auth;
  let mineId = '';
  let onceId = '';
  const events = (query: string) => `${monitor.url}/events?${query}`;

  beforeAll(async () => {
    monitor = await startEmbedded({ MONITOR_AUTH_ALLOW_SIGNUPS: 'true' });
    const created = async (name: string) =>
      (await monitor.admin.write<{ _id: { $oid: string } }>('CreateDeployment', { name }))._id.$oid;
    mineId = await created('feed-mine');
    onceId = await created('feed-once');
    await created('feed-never');
    reader = (await enabledUser(monitor, 'feed-reader')).auth;
    await grant(monitor.admin, 'feed-reader', { type: 'Deployment', id: mineId }, 'Read');
    await grant(monitor.admin, 'feed-reader', { type: 'Deployment', id: onceId }, 'Read');
    await monitor.admin.write('UpdateDeployment', {
      id: 'feed-once',
      config: { command: 'sleep 1' },
    });
    await grant(monitor.admin, 'feed-reader', { type: 'Deployment', id: onceId }, 'None');
    await monitor.admin.write('CreateVariable', {
      name: 'FEED_SECRET',
      value: 'v',
      is_secret: true,
    });
    await monitor.admin.ok('auth', 'manage/CreateApiKey', { name: 'admin-key' });
  }, 120_000);
  afterAll(() => monitor.destroy());

  it("answers no other user's, group's, key's or variable's events to a user asking for them by type", async () => {
    const types =
      'UserSignedUp,UserEnabledChanged,UserResourcePermissionSet,ApiKeyCreated,VariableCreated';
    const { events: got, status } = await readFor(events(`after=0&types=${types}`), reader);
    expect(status).toBe(200);
    expect(got).toEqual([]);
    // The legitimate use: an admin asking the same gets them.
    const admin = await readFor(events(`after=0&types=${types}`), monitor.adminAuth);
    expect(new Set(admin.events.map((e) => e.data.type))).toEqual(new Set(types.split(',')));
  });

  it('replays from 0 only the events of resources one may read now, not of one read once', async () => {
    const { events: got } = await readFor(events('after=0&kinds=Deployment'), reader);
    const streams = new Set(got.map((e) => e.data.stream));
    expect(streams).toEqual(new Set([`deployment-${mineId}`]));
  });

  it('answers a filter naming an unreadable resource as one naming nothing: an empty stream, no error', async () => {
    const unreadable = monitor.runtime.readModel.resource('Deployment', 'feed-never')!.id;
    const named = await readFor(events(`after=0&resources=${unreadable}`), reader);
    const nothing = await readFor(events('after=0&resources=000000000000000000000000'), reader);
    expect([named.status, named.events]).toEqual([200, []]);
    expect([nothing.status, nothing.events]).toEqual([200, []]);
  });

  it("shows a demoted admin's API key only what the user may read now", async () => {
    const { auth } = await enabledUser(monitor, 'feed-demoted');
    const user = await monitor.admin.read<{ _id: { $oid: string } }>('FindUser', {
      user: 'feed-demoted',
    });
    await monitor.admin.write('UpdateUserAdmin', { user_id: user._id.$oid, admin: true });
    const { key, secret } = await api(monitor.url, auth).ok<{ key: string; secret: string }>(
      'auth',
      'manage/CreateApiKey',
      { name: 'was-admin' },
    );
    const asAdmin = await readFor(events('after=0&kinds=Deployment'), { key, secret });
    expect(asAdmin.events.length).toBeGreaterThan(2);
    await monitor.admin.write('UpdateUserAdmin', { user_id: user._id.$oid, admin: false });
    const demoted = await readFor(events('after=0&kinds=Deployment'), { key, secret });
    expect([demoted.status, demoted.events]).toEqual([200, []]);
  });

  it('ends an open stream whose API key is deleted, and refuses the key from then on', async () => {
    const { auth } = await enabledUser(monitor, 'feed-keyholder');
    await grant(monitor.admin, 'feed-keyholder', { type: 'Deployment', id: mineId }, 'Read');
    const { key, secret } = await api(monitor.url, auth).ok<{ key: string; secret: string }>(
      'auth',
      'manage/CreateApiKey',
      { name: 'to-delete' },
    );
    const sse = openSse(events('after=now&resources=' + mineId), { key, secret });
    await monitor.admin.write('UpdateDeployment', { id: 'feed-mine', config: { command: 'a' } });
    await until(() => sse.state.events.length === 1);
    await api(monitor.url, auth).ok('auth', 'manage/DeleteApiKey', { key });
    await monitor.admin.write('UpdateDeployment', { id: 'feed-mine', config: { command: 'b' } });
    await until(() => sse.state.ended);
    expect(sse.state.events).toHaveLength(1);
    expect((await readFor(events('after=0'), { key, secret }, 300)).status).toBe(401);
  });

  it('ends an open stream at Logout, keeping the legitimate stream of a new login', async () => {
    const first = await logIn(monitor.url, 'feed-reader');
    const sse = openSse(events('after=now'), first);
    await until(() => sse.state.status === 200);
    await api(monitor.url, first).ok('auth', 'manage/Logout');
    await monitor.admin.write('UpdateDeployment', { id: 'feed-mine', config: { command: 'c' } });
    await until(() => sse.state.ended);
    expect(sse.state.events).toEqual([]);

    const second = await logIn(monitor.url, 'feed-reader');
    const live = openSse(events('after=now'), second);
    await until(() => live.state.status === 200);
    await monitor.admin.write('UpdateDeployment', { id: 'feed-mine', config: { command: 'd' } });
    await until(() => live.state.events.length === 1);
    live.close();
  });

  it("answers a user's GraphQL updates subscription from 0 with the Updates of what they read, none of others'", async () => {
    const client = wsClient(monitor, reader);
    const sub = subscribe(
      client,
      'subscription { updates(after: "0") { position update { operation target { type id } } } }',
    );
    await new Promise((r) => setTimeout(r, 1_500));
    sub.stop();
    await client.dispose();
    const targets = sub.results.map((r) => JSON.stringify(r.data?.updates.update));
    expect(targets.length).toBeGreaterThan(0);
    expect(targets.every((t) => t.includes(mineId))).toBe(true);
    expect(sub.errors()).toEqual([]);
  });

  it('counts GraphQL subscriptions with /events against limits.events_per_user (4): the 5th of either is refused', async () => {
    const { auth } = await enabledUser(monitor, 'feed-many');
    const client = wsClient(monitor, auth);
    const subs = Array.from({ length: 4 }, () =>
      subscribe(client, 'subscription { events(after: "now") { position } }'),
    );
    await new Promise((r) => setTimeout(r, 500));
    const fifth = subscribe(client, 'subscription { events(after: "now") { position } }');
    await until(() => fifth.errors().length > 0);
    expect(fifth.errors()[0]).toMatch(/you have 4 event feeds open/);
    expect((await readFor(events('after=now'), auth, 200)).status).toBe(429);
    subs[0].stop();
    await new Promise((r) => setTimeout(r, 300));
    expect((await readFor(events('after=now'), auth, 200)).status).toBe(200);
    for (const sub of subs) sub.stop();
    await client.dispose();
  });
});
