import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { authHeaders } from '../support/api';
import { CapturingLogger } from '../support/capturing-logger';
import { startEmbedded, type EmbeddedMonitor } from '../support/embedded';

/** Distinct, recognisable plaintexts, one per path that accepts a secret. */
const SECRET = (n: number) => `plaintext-secret-${n}-${'q'.repeat(8)}`;

describe('secrets never leak', () => {
  let monitor: EmbeddedMonitor;
  const logger = new CapturingLogger();
  const answers: string[] = [];

  beforeAll(async () => {
    monitor = await startEmbedded({}, undefined, logger);
  });
  afterAll(() => monitor.destroy());

  /** Every answer is kept, to be searched at the end. */
  const call = async (verb: string, request: string, params: unknown) => {
    const answer = await monitor.admin.call(verb, request, params);
    answers.push(JSON.stringify(answer.body));
    return answer;
  };
  const ok = async (verb: string, request: string, params: unknown) => {
    const answer = await call(verb, request, params);
    if (answer.status !== 200)
      throw new Error(`${request}: ${answer.status} ${JSON.stringify(answer.body)}`);
    return answer.body as Record<string, unknown>;
  };

  it('are sealed in the store and masked in answers, Updates, history, feeds and logs', async () => {
    await ok('write', 'CreateVariable', { name: 'TOKEN', value: SECRET(1), is_secret: true });
    await ok('write', 'UpdateVariableValue', { name: 'TOKEN', value: SECRET(2) });
    const git = await ok('write', 'CreateGitProviderAccount', {
      account: { domain: 'git.local', username: 'me', token: SECRET(3) },
    });
    await ok('write', 'UpdateGitProviderAccount', {
      id: (git._id as { $oid: string }).$oid,
      account: { token: SECRET(4) },
    });
    await ok('write', 'CreateImageRegistryAccount', {
      account: { domain: '127.0.0.1:5000', username: 'me', token: SECRET(5) },
    });
    await ok('write', 'CreateServer', { name: 'srv', config: { passkey: SECRET(6) } });
    await ok('write', 'UpdateServer', { id: 'srv', config: { passkey: SECRET(7) } });
    await ok('write', 'CreateStack', { name: 'stk', config: { webhook_secret: SECRET(8) } });
    await ok('write', 'CreateAlerter', {
      name: 'alr',
      config: { endpoint: { type: 'Slack', params: { url: `https://hooks.local/${SECRET(9)}` } } },
    });
    await ok('write', 'CreateBuilder', {
      name: 'bld',
      config: { type: 'Url', params: { address: 'http://127.0.0.1:8120', passkey: SECRET(10) } },
    });
    await ok('write', 'CreateBuild', {
      name: 'b',
      config: { webhook_secret: SECRET(11), secret_args: `NPM_TOKEN=${SECRET(12)}` },
    });
    for (const kind of ['Repo', 'Procedure', 'ResourceSync']) {
      await ok('write', `Create${kind}`, {
        name: `r-${kind}`,
        config: { webhook_secret: SECRET(13) },
      });
    }
    // bad input carrying a secret: the error must not echo it
    const refused = await call('write', 'UpdateServer', {
      id: 'srv',
      config: { passkey: SECRET(14), region: 5 },
    });
    expect(refused.status).toBe(400);
    expect(
      (await call('write', 'UpdateVariableValue', { name: 'NOPE', value: SECRET(15) })).status,
    ).toBe(404);
    // unchanged secret: no new event, no change in the Update log
    const head = await monitor.runtime.store.headPosition();
    await ok('write', 'UpdateServer', { id: 'srv', config: { passkey: SECRET(7) } });
    expect(await monitor.runtime.store.headPosition()).toBe(head);

    const server = await ok('read', 'GetServer', { server: 'srv' });
    expect((server.config as { passkey: string }).passkey).toBe('*****');
    const variable = await ok('read', 'GetVariable', { name: 'TOKEN' });
    expect(variable).toMatchObject({ value: '*****', is_secret: true });
    for (const [request, params] of [
      ['ListFullServers', {}],
      ['ListVariables', {}],
      ['ListGitProviderAccounts', {}],
      ['ListImageRegistryAccounts', {}],
      ['ListFullStacks', {}],
      ['ListFullAlerters', {}],
      ['ListFullBuilders', {}],
      ['ListFullBuilds', {}],
      ['ListFullRepos', {}],
      ['ListFullProcedures', {}],
      ['ListFullResourceSyncs', {}],
    ] as const) {
      await ok('read', request, params);
    }
    const updates = (await ok('read', 'ListUpdates', {})).updates as {
      id: string;
      target: { type: string; id: string };
    }[];
    expect(updates.length).toBe(14);
    for (const update of updates) {
      await ok('read', 'GetUpdate', { id: update.id });
      if (update.target.type !== 'System') {
        await ok('read', 'GetResourceHistory', { target: update.target });
        await ok('read', 'GetResourceAt', { target: update.target, revision: 0 });
      }
    }
    const history = await ok('read', 'GetResourceHistory', {
      target: { type: 'Server', id: 'srv' },
    });
    expect(JSON.stringify(history)).toContain('"passkey":{"from":"*****","to":"*****"}');

    const sse = await readSse(`${monitor.url}/events`, authHeaders(monitor.adminAuth));
    expect(sse).toContain('ServerConfigUpdated');
    answers.push(sse);

    const storeFiles = readdirSync(monitor.dataDir)
      .filter((f) => f.startsWith('events'))
      .map((f) => readFileSync(join(monitor.dataDir, f)).toString('latin1'));
    expect(storeFiles.join('').length).toBeGreaterThan(10_000);
    const places = {
      store: storeFiles.join('\n'),
      answers: answers.join('\n'),
      logs: logger.lines.join('\n'),
    };
    for (let n = 1; n <= 15; n++) {
      for (const [place, text] of Object.entries(places)) {
        expect([place, n, text.includes(SECRET(n))]).toEqual([place, n, false]);
      }
    }
  });
});

async function readSse(url: string, headers: Record<string, string>): Promise<string> {
  const response = await fetch(url, { headers });
  const reader = response.body!.getReader();
  let text = '';
  const until = Date.now() + 1500;
  while (Date.now() < until && !text.includes('ResourceSyncCreated')) {
    text += new TextDecoder().decode((await reader.read()).value);
  }
  await reader.cancel();
  return text;
}
