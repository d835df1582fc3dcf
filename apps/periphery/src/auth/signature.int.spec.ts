import { signRequest } from '@monitor/agent-client';
import { callAgent } from '../testing/call-agent';
import { startTestAgent, TEST_PASSKEY, type TestAgent } from '../testing/test-agent';

/** The agent's check of signed requests, over real HTTP: what the core sends, and what it must not. */
describe('signed requests', () => {
  let agent: TestAgent;
  const body = JSON.stringify({ type: 'GetHealth', params: {} });
  const sign = (passkey = TEST_PASSKEY, options: { now?: number; nonce?: string } = {}) =>
    signRequest(passkey, { method: 'POST', path: '/', body }, options);
  const send = (authorization: string, sent = body) =>
    callAgent<{ error: string; code: string }>(agent.url, '', {}, { authorization, body: sent });

  beforeAll(async () => {
    agent = await startTestAgent({ passkeys: ['an-older-passkey', TEST_PASSKEY] });
  });
  afterAll(() => agent.close());

  it('accepts a request signed with any configured passkey', async () => {
    expect(await send(await sign())).toEqual({ status: 200, body: {} });
    expect(await send(await sign('an-older-passkey'))).toEqual({ status: 200, body: {} });
  });

  it('refuses one signed with another key', async () => {
    const answer = await send(await sign('not-the-passkey'));
    expect(answer).toMatchObject({ status: 401, body: { code: 'UNAUTHORIZED' } });
    expect(answer.body.error).toMatch(/^wrong passkey/);
  });

  it('refuses the plain passkey, telling to upgrade the core', async () => {
    const answer = await send(TEST_PASSKEY);
    expect(answer).toMatchObject({ status: 401, body: { code: 'UNAUTHORIZED' } });
    expect(answer.body.error).toMatch(/no longer accepts the passkey itself/);
    expect(answer.body.error).toMatch(/upgrade Monitor's core/);
    expect(agent.logger.lines.join('\n')).not.toContain(TEST_PASSKEY);
  });

  it('refuses a stale request either way, saying how far apart the clocks are', async () => {
    const behind = await send(await sign(TEST_PASSKEY, { now: Date.now() - 90_000 }));
    expect(behind.status).toBe(401);
    expect(behind.body.error).toMatch(/^stale request: .* 90 s behind this agent's clock/);
    expect(behind.body.error).toMatch(/within ±60 s/);
    const ahead = await send(await sign(TEST_PASSKEY, { now: Date.now() + 90_000 }));
    expect(ahead.body.error).toMatch(/90 s ahead of this agent's clock/);
    // Inside the window a slow clock is fine.
    expect((await send(await sign(TEST_PASSKEY, { now: Date.now() - 30_000 }))).status).toBe(200);
  });

  it('refuses a request replayed within the window', async () => {
    const header = await sign();
    expect((await send(header)).status).toBe(200);
    const again = await send(header);
    expect(again).toMatchObject({ status: 401, body: { code: 'UNAUTHORIZED' } });
    expect(again.body.error).toMatch(/^replayed request/);
  });

  it('refuses a changed body, a changed path and a malformed signature', async () => {
    const header = await sign();
    const other = JSON.stringify({ type: 'PruneSystem', params: {} });
    const changed = await send(header, other);
    expect(changed).toMatchObject({ status: 401, body: { code: 'UNAUTHORIZED' } });
    expect(changed.body.error).toMatch(/body is not the one signed/);
    const elsewhere = await signRequest(TEST_PASSKEY, { method: 'POST', path: '/x', body });
    expect((await send(elsewhere)).body.error).toMatch(/^wrong passkey/);
    const cut = (await sign()).replace(/,s=.*$/, '');
    expect((await send(cut)).body.error).toBe(
      "malformed signature: the signature has no 's=' field",
    );
  });

  it('refuses a signed header sent without its body', async () => {
    const answer = await fetch(`${agent.url}/`, {
      method: 'POST',
      headers: { authorization: await sign() },
    });
    expect(answer.status).toBe(401);
    expect(((await answer.json()) as { error: string }).error).toMatch(/not the one signed/);
  });
});
