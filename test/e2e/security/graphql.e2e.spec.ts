import { api, signUp } from '../../support/api';
import { startEmbedded, type EmbeddedMonitor } from '../../support/embedded';
import { graphql, type GraphqlClient } from '../../support/graphql';
import { storeQuiet } from '../../support/quiet-store';

/**
 * Issue 18: GraphQL is a second way in. What the RPC refuses it refuses too, it answers no
 * secret, and a browser on another site cannot make a signed-in user's browser send it a
 * mutation. Each attack goes through /graphql; each checks that nothing was written.
 */
describe('security: GraphQL at /graphql', () => {
  let monitor: EmbeddedMonitor;
  let gql: GraphqlClient;
  const secret = `gql-secret-${process.pid}-${Date.now()}`;

  /** Runs `attack` and checks the store's head did not move. */
  async function unchanged(attack: () => Promise<void>) {
    await storeQuiet(monitor.runtime.store);
    const before = await monitor.runtime.store.headPosition();
    await attack();
    expect(await monitor.runtime.store.headPosition()).toBe(before);
  }

  beforeAll(async () => {
    monitor = await startEmbedded({ MONITOR_AUTH_ALLOW_SIGNUPS: 'true' });
    gql = graphql(monitor.url, monitor.adminAuth);
    await monitor.admin.write('CreateRepo', { name: 'app', config: { webhook_secret: secret } });
    await monitor.admin.write('UpdateRepo', {
      id: 'app',
      config: { webhook_secret: `${secret}-2` },
    });
  });
  afterAll(() => monitor.destroy());

  it('answers no secret: config, history and resourceAt show that one is set, never its value', async () => {
    const repo = monitor.runtime.readModel.resource('Repo', 'app')!;
    const target = `target: { type: Repo, id: "${repo.id}" }`;
    const answer = await gql.post(`{
      repos { edges { node { config { webhook_secret } info } } }
      history(${target}) { diff }
      first: resourceAt(${target}, revision: 0)
      now: resourceAt(${target}, at: ${Date.now() + 1000})
    }`);
    expect(answer.errors).toBeUndefined();
    expect(JSON.stringify(answer.data)).not.toContain(secret);
    expect(JSON.stringify(answer.data)).toContain('webhook_secret');
  });

  it('refuses a disabled user, and one without credentials, before reading anything', async () => {
    const auth = await signUp(monitor.url, 'disabled');
    for (const client of [graphql(monitor.url, auth), graphql(monitor.url)]) {
      await unchanged(async () => {
        const answer = await client.post('mutation { CreateServer(params: { name: "x" }) }');
        expect(answer.status).toBeGreaterThanOrEqual(401);
        expect(answer.status).toBeLessThanOrEqual(403);
        expect(answer.errors?.[0].extensions?.code).toMatch(/UNAUTHENTICATED|FORBIDDEN/);
        expect(answer.data ?? null).toBeNull();
      });
    }
    expect(monitor.runtime.readModel.resource('Server', 'x')).toBeUndefined();
  });

  it("refuses a cross-site form's mutation (text/plain, no preflight), writing nothing", async () => {
    await unchanged(async () => {
      const response = await fetch(`${monitor.url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'text/plain', authorization: monitor.adminAuth.jwt },
        body: JSON.stringify({ query: 'mutation { CreateServer(params: { name: "csrf" }) }' }),
      });
      expect(response.status).toBe(400);
      expect(await response.text()).toMatch(/CSRF|preflight/i);
    });
    expect(monitor.runtime.readModel.resource('Server', 'csrf')).toBeUndefined();
  });

  it('refuses a mutation sent as GET (a link or an image), writing nothing', async () => {
    await unchanged(async () => {
      const query = encodeURIComponent('mutation { CreateServer(params: { name: "by-get" }) }');
      const response = await fetch(`${monitor.url}/graphql?query=${query}`, {
        headers: { authorization: monitor.adminAuth.jwt, 'apollo-require-preflight': 'true' },
      });
      expect(response.status).toBe(405);
    });
    expect(monitor.runtime.readModel.resource('Server', 'by-get')).toBeUndefined();
  });

  it('still serves the legitimate use: an API key reads and writes as its user', async () => {
    const { key, secret: keySecret } = await monitor.admin.ok<{ key: string; secret: string }>(
      'auth',
      'manage/CreateApiKey',
      { name: 'gql' },
    );
    const withKey = graphql(monitor.url, { key, secret: keySecret });
    await withKey.ok('mutation { CreateServer(params: { name: "by-key" }) }');
    const data = await withKey.ok<{ resource: { name: string } }>(
      '{ resource(kind: Server, name: "by-key") { name } }',
    );
    expect(data.resource).toEqual({ name: 'by-key' });
    expect(
      (await api(monitor.url, { key, secret: keySecret }).read('ListServers')) as unknown[],
    ).toHaveLength(1);
  });
});
