import { existsSync, readFileSync, statSync } from 'node:fs';
import { request } from 'node:https';
import { join } from 'node:path';
import { startTestAgent, TEST_PASSKEY, type TestAgent } from '../testing/test-agent';
import { certificateFingerprint } from './certificate';
import { connectPinned, signRequest } from '@monitor/agent-client';

/** `POST /` over a connection whose certificate matched the pin. */
async function pinnedCall(agent: TestAgent, fingerprint256: string, type: string) {
  const { hostname, port } = new URL(agent.url);
  const socket = await connectPinned({ host: hostname, port: Number(port), fingerprint256 });
  const body = JSON.stringify({ type, params: {} });
  const authorization = await signRequest(TEST_PASSKEY, { method: 'POST', path: '/', body });
  return new Promise<{ status: number; body: unknown }>((resolve, reject) => {
    const req = request(
      {
        host: hostname,
        port,
        method: 'POST',
        path: '/',
        headers: { authorization, 'content-type': 'application/json' },
        createConnection: () => socket,
      },
      (res) => {
        let text = '';
        res.on('data', (chunk: Buffer) => (text += chunk.toString()));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body: JSON.parse(text) }));
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

describe('TLS', () => {
  let agent: TestAgent;

  beforeAll(async () => {
    agent = await startTestAgent({ ssl_enabled: true });
  });
  afterAll(() => agent.close());

  it('generates a self-signed certificate on first start, key readable by the owner only', () => {
    const ssl = join(agent.config.root_directory, 'ssl');
    expect(agent.url).toMatch(/^https:\/\/127\.0\.0\.1:\d+$/);
    expect(agent.certificate).toMatchObject({
      generated: true,
      keyFile: join(ssl, 'key.pem'),
      certFile: join(ssl, 'cert.pem'),
    });
    expect(existsSync(join(ssl, 'cert.pem'))).toBe(true);
    expect(statSync(join(ssl, 'key.pem')).mode & 0o777).toBe(0o600);
  });

  it('serves https to a client pinning the certificate fingerprint', async () => {
    const pin = certificateFingerprint(readFileSync(agent.certificate!.certFile, 'utf8'));
    expect(pin).toMatch(/^([0-9A-F]{2}:){31}[0-9A-F]{2}$/);
    expect(await pinnedCall(agent, pin, 'GetHealth')).toEqual({ status: 200, body: {} });
  });

  it('is refused by a client pinning another fingerprint, before anything is sent', async () => {
    const other = Array(32).fill('AB').join(':');
    await expect(pinnedCall(agent, other, 'GetHealth')).rejects.toThrow(/not the pinned/);
  });

  it('keeps the same certificate across restarts', async () => {
    const again = await startTestAgent({
      ssl_enabled: true,
      root_directory: agent.config.root_directory,
    });
    try {
      expect(again.certificate?.generated).toBe(false);
      expect(again.certificate?.cert).toBe(agent.certificate?.cert);
    } finally {
      await again.close();
    }
  });
});
