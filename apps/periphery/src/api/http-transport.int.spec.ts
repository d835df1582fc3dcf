import { signRequest } from '@monitor/agent-client';
import { connect } from 'node:net';
import { gzipSync } from 'node:zlib';
import { startTestAgent, TEST_PASSKEY, type TestAgent } from '../testing/test-agent';

/** The agent's plain Node server: what Express and Nest did for it before, it does itself. */
describe('the agent over HTTP', () => {
  let agent: TestAgent;

  beforeAll(async () => {
    agent = await startTestAgent({ stats_polling_rate_ms: 60_000 });
  });
  afterAll(() => agent.close());

  it('answers JSON with its length, and no framework header', async () => {
    const body = JSON.stringify({ type: 'GetHealth', params: {} });
    const authorization = await signRequest(TEST_PASSKEY, { method: 'POST', path: '/', body });
    const response = await fetch(`${agent.url}/`, {
      method: 'POST',
      headers: { authorization },
      body,
    });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/json; charset=utf-8');
    expect(response.headers.get('content-length')).toBe('2');
    expect(response.headers.get('x-powered-by')).toBeNull();
    expect(await response.json()).toEqual({});
  });

  it('routes by the path, a query signed with it', async () => {
    const body = JSON.stringify({ type: 'GetHealth', params: {} });
    const path = '/?from=core';
    const authorization = await signRequest(TEST_PASSKEY, { method: 'POST', path, body });
    const response = await fetch(`${agent.url}${path}`, {
      method: 'POST',
      headers: { authorization },
      body,
    });
    expect(response.status).toBe(200);
  });

  it('refuses a compressed body with 400, saying to send it plain', async () => {
    const body = gzipSync(JSON.stringify({ type: 'GetHealth', params: {} }));
    const authorization = await signRequest(TEST_PASSKEY, { method: 'POST', path: '/', body });
    const response = await fetch(`${agent.url}/`, {
      method: 'POST',
      headers: { authorization, 'content-encoding': 'gzip' },
      body,
    });
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({
      code: 'VALIDATION',
      error: 'request body: content-encoding gzip is not accepted: send it uncompressed',
    });
  });

  it('refuses a body declared larger than the limit before reading it', async () => {
    const authorization = await signRequest(TEST_PASSKEY, { method: 'POST', path: '/', body: '{' });
    const answer = await rawRequest(
      agent.url,
      `POST / HTTP/1.1\r\nhost: x\r\nauthorization: ${authorization}\r\ncontent-length: 2000000\r\n\r\n{`,
    );
    expect(answer).toMatch(/^HTTP\/1\.1 413 /);
    expect(answer).toContain('"code":"TOO_LARGE"');
  });

  it('ends open requests when it closes, without waiting for them', async () => {
    const open = await startTestAgent({ passkeys: [], allow_no_passkey: true });
    const socket = connect(Number(new URL(open.url).port), '127.0.0.1');
    await new Promise((resolve) => socket.once('connect', resolve));
    // A body that never comes: the request stays open until the agent ends it.
    socket.write('POST / HTTP/1.1\r\nhost: x\r\ncontent-length: 100\r\n\r\n{"type":');
    const ended = new Promise((resolve) => socket.once('close', resolve));
    await new Promise((resolve) => setTimeout(resolve, 100));
    const started = Date.now();
    await open.close();
    await ended;
    expect(Date.now() - started).toBeLessThan(2000);
  });
});

/** Sends `text` as is and answers all the agent wrote back before closing the connection. */
async function rawRequest(url: string, text: string): Promise<string> {
  const socket = connect(Number(new URL(url).port), '127.0.0.1');
  const chunks: Buffer[] = [];
  socket.on('data', (chunk: Buffer) => chunks.push(chunk));
  socket.write(text);
  await new Promise((resolve) => socket.once('close', resolve));
  return Buffer.concat(chunks).toString('utf8');
}
