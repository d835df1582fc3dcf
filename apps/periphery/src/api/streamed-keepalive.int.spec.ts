import { callAgentStreaming, signRequest, type AgentOutputFrame } from '@monitor/agent-client';
import { limitConnections, SILENT_LOGGER } from '@monitor/process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createAccessCheck } from '../auth/access-check';
import { peripheryConfig } from '../config';
import { createPeripheryServices } from '../periphery-services';
import { callAgent } from '../testing/call-agent';
import { TEST_PASSKEY } from '../testing/test-agent';
import { AGENT_LIMITS } from './agent-limits';
import { createHttpHandler } from './http-handler';

/**
 * A step that prints nothing for longer than the core's wait for the next frame (a `RUN sleep
 * 600`, a slow pull) is not cut: the agent sends keep-alive frames, and Node's request timeout,
 * which bounds receiving a request, does not apply to an answer still being written. Wired as
 * startPeriphery wires the agent, with every wait shortened (keep-alive 200 ms, the core's idle
 * timeout 1 s, Node's request timeout 1 s checked every 100 ms) rather than waiting minutes.
 */
describe('a silent streamed request', () => {
  const root = mkdtempSync(join(tmpdir(), 'periphery-keepalive-'));
  const config = peripheryConfig({
    port: 0,
    bind_ip: '127.0.0.1',
    passkeys: [TEST_PASSKEY],
    root_directory: root,
    stats_polling_rate_ms: 60_000,
  });
  const stack = `keepalive-${process.pid}`;
  let server: Server;
  let url: string;
  const address = () => ({ address: url, passkey: TEST_PASSKEY, insecureTls: false });
  const silent = { stack, stage: 'pre deploy', command: 'sleep 2.5; echo done' };

  beforeAll(async () => {
    const { registry } = createPeripheryServices(config, SILENT_LOGGER);
    const handler = createHttpHandler(
      registry,
      createAccessCheck(config, SILENT_LOGGER),
      {
        error: () => undefined,
      },
      { keepAliveMs: 200 },
    );
    server = createServer({ connectionsCheckingInterval: 100 }, handler);
    limitConnections(
      server,
      { ...AGENT_LIMITS, headers_timeout_ms: 500, request_timeout_ms: 1_000 },
      SILENT_LOGGER,
    );
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    const files = [{ path: 'compose.yaml', contents: '' }];
    const written = await callAgent(
      url,
      'WriteComposeFiles',
      { stack, files },
      { passkey: TEST_PASSKEY },
    );
    expect(written.status).toBe(200);
  });
  afterAll(async () => {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
    rmSync(root, { recursive: true, force: true });
  });

  it('answers after 2.5 s of silence, past the 1 s idle timeout and request timeout', async () => {
    const frames: AgentOutputFrame[] = [];
    const started = Date.now();
    const answer = await callAgentStreaming<{ stdout: string; success: boolean }>(
      address(),
      'RunStackCommand',
      silent,
      1_000,
      (frame) => frames.push(frame),
    );
    expect(Date.now() - started).toBeGreaterThan(2_400);
    expect(answer.body).toMatchObject({ stdout: 'done\n', success: true });
    // Keep-alive frames are not output.
    expect(frames.map((f) => f.text)).toEqual(['done\n']);
  });

  it('sends a keep-alive frame every interval while the work is silent', async () => {
    const body = JSON.stringify({ type: 'RunStackCommand', params: silent });
    const authorization = await signRequest(TEST_PASSKEY, { method: 'POST', path: '/', body });
    const response = await fetch(`${url}/`, {
      method: 'POST',
      headers: {
        authorization,
        accept: 'application/x-ndjson',
        'content-type': 'application/json',
      },
      body,
    });
    expect(response.headers.get('content-type')).toMatch(/^application\/x-ndjson/);
    const frames = (await response.text())
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    const keepAlives = frames.filter((f) => f.keepalive === true);
    // 2.5 s at one every 200 ms: about a dozen (fewer on a loaded machine), none after the answer.
    expect(keepAlives.length).toBeGreaterThanOrEqual(5);
    expect(frames.at(-1)).toMatchObject({ answer: { success: true } });
  });

  it('answers a plain (unstreamed) request that works longer than the request timeout', async () => {
    const plain = await callAgent<{ success: boolean }>(url, 'RunStackCommand', silent, {
      passkey: TEST_PASSKEY,
    });
    expect(plain.status).toBe(200);
    expect(plain.body.success).toBe(true);
  });

  it('still cuts a request whose body does not arrive within the request timeout', async () => {
    const socket = connect(Number(new URL(url).port), '127.0.0.1');
    await new Promise((resolve) => socket.once('connect', resolve));
    // Signed for its whole body, of which only the start is sent.
    const body = JSON.stringify({ type: 'GetHealth', params: {} });
    const authorization = await signRequest(TEST_PASSKEY, { method: 'POST', path: '/', body });
    socket.write(
      `POST / HTTP/1.1\r\nhost: x\r\nauthorization: ${authorization}\r\n` +
        `content-length: ${body.length}\r\n\r\n${body.slice(0, 8)}`,
    );
    let answer = '';
    socket.on('data', (chunk) => (answer += chunk.toString()));
    const started = Date.now();
    await new Promise((resolve) => socket.once('close', resolve));
    expect(Date.now() - started).toBeLessThan(2_500);
    expect(answer).toMatch(/^HTTP\/1\.1 408 /);
  });
});
