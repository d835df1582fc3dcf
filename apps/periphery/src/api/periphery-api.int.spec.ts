import { signRequest } from '@monitor/agent-client';
import { CapturingLogger } from '../../../../test/support/capturing-logger';
import type { PeripheryConfig } from '../config';
import { callAgent } from '../testing/call-agent';
import { startTestAgent, TEST_PASSKEY as PASSKEY, type TestAgent } from '../testing/test-agent';
import { PERIPHERY_VERSION } from '../version';

describe('the agent API: auth, addresses, envelope', () => {
  const logger = new CapturingLogger();
  const started: TestAgent[] = [];
  let agent: TestAgent;

  /** Every agent of this file logs to one place, so a test reads one list. */
  const start = async (overrides: Partial<PeripheryConfig> = {}) => {
    const app = await startTestAgent({ stats_polling_rate_ms: 60_000, ...overrides }, { logger });
    started.push(app);
    return app;
  };
  /** `passkey: null` sends no authorization header at all; a passkey signs the request. */
  const call = (type: string, params?: unknown, passkey: string | null = PASSKEY) =>
    callAgent<Record<string, unknown>>(agent.url, type, params, { passkey: passkey ?? undefined });

  beforeAll(async () => {
    agent = await start();
  });
  afterAll(async () => {
    await Promise.all(started.map((app) => app.close()));
  });

  it('answers GetHealth and GetVersion', async () => {
    expect(await call('GetHealth')).toEqual({ status: 200, body: {} });
    expect(await call('GetVersion')).toEqual({ status: 200, body: { version: PERIPHERY_VERSION } });
  });

  it('refuses a request without a signature with 401', async () => {
    const answer = await call('GetHealth', {}, null);
    expect(answer.status).toBe(401);
    expect(answer.body).toMatchObject({
      code: 'UNAUTHORIZED',
      error: expect.stringMatching(/missing signature/),
    });
    expect(
      logger.lines.some((l) => /refused a request from 127\.0\.0\.1: no signature/.test(l)),
    ).toBe(true);
  });

  it('refuses a request signed with a wrong passkey with 401 and never logs or echoes it', async () => {
    const wrong = 'wrong-passkey-d41d8cd98f';
    const answer = await call('GetHealth', {}, wrong);
    expect(answer.status).toBe(401);
    expect(answer.body).toEqual({
      error: expect.stringMatching(/wrong passkey/),
      trace: [],
      code: 'UNAUTHORIZED',
    });
    expect(JSON.stringify(answer.body)).not.toContain(wrong);
    const refusal = logger.lines.filter((l) => /the passkey was wrong/.test(l));
    expect(refusal).toHaveLength(1);
    expect(refusal[0]).toContain('127.0.0.1');
    expect(logger.lines.join('\n')).not.toContain(wrong);
    expect(logger.lines.join('\n')).not.toContain(PASSKEY);
  });

  it('refuses an address outside allowed_ips with 403, and serves one inside', async () => {
    const closed = await start({ allowed_ips: ['10.0.0.0/8', 'fd00::/8'] });
    const refused = await callAgent(closed.url, 'GetHealth', {}, { passkey: PASSKEY });
    expect(refused).toMatchObject({ status: 403, body: { code: 'FORBIDDEN' } });
    const open = await start({ allowed_ips: ['127.0.0.0/8'] });
    expect(await callAgent(open.url, 'GetHealth', {}, { passkey: PASSKEY })).toEqual({
      status: 200,
      body: {},
    });
  });

  it('answers an unknown request with 404 naming it', async () => {
    const answer = await call('LaunchMissiles');
    expect(answer).toMatchObject({ status: 404, body: { code: 'NOT_FOUND' } });
    expect(answer.body.error).toContain("'LaunchMissiles'");
  });

  it('answers malformed params with 400 naming the field', async () => {
    const tail = await call('GetContainerLog', { name: 'web', tail: 'ten' });
    expect(tail).toMatchObject({ status: 400, body: { code: 'VALIDATION' } });
    expect(tail.body.error).toMatch(/GetContainerLog: .*tail/);
    const name = await call('InspectContainer', {});
    expect(name.body.error).toMatch(/name/);
    const unknown = await call('GetHealth', { colour: 'blue' });
    expect(unknown).toMatchObject({
      status: 400,
      body: { error: expect.stringMatching(/unknown field 'colour'/) },
    });
    const filters = await call('PruneContainers', { filters: { label: 'not-a-list' } });
    expect(filters).toMatchObject({
      status: 400,
      body: { error: expect.stringMatching(/filters\.label/) },
    });
  });

  it('answers a broken envelope with 400, a huge body with 413, another path with 404', async () => {
    const notJson = await callAgent(agent.url, '', {}, { passkey: PASSKEY, body: '{"type":' });
    expect(notJson).toMatchObject({
      status: 400,
      body: { error: 'request body is not valid JSON' },
    });
    const noType = await callAgent(agent.url, '', {}, { passkey: PASSKEY, body: '{"params":{}}' });
    expect(noType).toMatchObject({ status: 400, body: { error: expect.stringMatching(/^type:/) } });
    const huge = JSON.stringify({ type: 'GetHealth', params: { pad: 'x'.repeat(1024 * 1024) } });
    const tooLarge = await callAgent(agent.url, '', {}, { passkey: PASSKEY, body: huge });
    expect(tooLarge).toMatchObject({ status: 413, body: { code: 'TOO_LARGE' } });
    const signed = { method: 'GET', path: '/elsewhere', body: '' };
    const other = await fetch(`${agent.url}/elsewhere`, {
      headers: { authorization: await signRequest(PASSKEY, signed) },
    });
    expect(other.status).toBe(404);
    expect(await other.json()).toMatchObject({ code: 'NOT_FOUND', trace: [] });
  });

  it('serves anyone when started with allow_no_passkey and no passkey', async () => {
    const open = await start({ passkeys: [], allow_no_passkey: true });
    expect(await callAgent(open.url, 'GetHealth')).toEqual({ status: 200, body: {} });
  });

  it('says which socket it cannot reach when Docker is not there', async () => {
    const blind = await start({ docker_socket: '/nonexistent/docker.sock' });
    const answer = await callAgent<{ error: string }>(
      blind.url,
      'ListDockerContainers',
      {},
      { passkey: PASSKEY },
    );
    expect(answer).toMatchObject({ status: 503, body: { code: 'DOCKER_UNAVAILABLE' } });
    expect(answer.body.error).toContain('/nonexistent/docker.sock');
  });
});
