import { createPrivateKey } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  AgentError,
  callAgent,
  generateAgentCertificate,
  rotateAgentPasskey,
  type AgentAddress,
  type AgentCertificatePems,
} from '@monitor/agent-client';
import { agentCloudConfig } from '@monitor/domain';
import { startTestAgent, TEST_PASSKEY, type TestAgent } from '../testing/test-agent';

/** The key and certificate a launch makes for a new server's agent, and the pin they give. */
describe('generateAgentCertificate', () => {
  let pems: AgentCertificatePems;
  let other: AgentCertificatePems;
  let folder: string;
  let agent: TestAgent;
  const address = (pinnedFingerprint: string): AgentAddress => ({
    address: agent.url,
    passkey: TEST_PASSKEY,
    insecureTls: true,
    pinnedFingerprint,
  });

  beforeAll(async () => {
    pems = await generateAgentCertificate({ commonName: 'launched', ips: ['127.0.0.1'] });
    other = await generateAgentCertificate({ commonName: 'launched', ips: ['127.0.0.1'] });
    folder = mkdtempSync(join(tmpdir(), 'launch-certificate-'));
    const ssl_key_file = join(folder, 'key.pem');
    const ssl_cert_file = join(folder, 'cert.pem');
    writeFileSync(ssl_key_file, pems.keyPem, { mode: 0o600 });
    writeFileSync(ssl_cert_file, pems.certPem);
    agent = await startTestAgent({ ssl_enabled: true, ssl_key_file, ssl_cert_file });
  });
  afterAll(async () => {
    await agent?.close();
    rmSync(folder, { recursive: true, force: true });
  });

  it('makes a P-256 key, a certificate, and its fingerprint as the pin compares it', () => {
    expect(createPrivateKey(pems.keyPem).asymmetricKeyDetails).toEqual({
      namedCurve: 'prime256v1',
    });
    expect(pems.fingerprint256).toMatch(/^([0-9A-F]{2}:){31}[0-9A-F]{2}$/);
    expect(other.fingerprint256).not.toBe(pems.fingerprint256);
    // What the launch's user data writes for the agent takes them as they are.
    expect(() =>
      agentCloudConfig({
        passkey: 'a'.repeat(43),
        port: 8120,
        tls: { key: pems.keyPem, cert: pems.certPem },
      }),
    ).not.toThrow();
  });

  it('is served by an agent started with them, reached with the fingerprint pinned', async () => {
    expect(agent.certificate).toMatchObject({ generated: false });
    const answer = await callAgent(address(pems.fingerprint256), 'GetHealth', {}, 5000);
    expect(answer).toEqual({ body: {}, fingerprint: pems.fingerprint256 });
  });

  it('is refused under another pin, before any request is sent', async () => {
    const refused = callAgent(address(other.fingerprint256), 'GetHealth', {}, 5000);
    await expect(refused).rejects.toBeInstanceOf(AgentError);
    await expect(refused).rejects.toMatchObject({ code: 'CERTIFICATE' });
    await expect(refused).rejects.toThrow(`not the pinned ${other.fingerprint256}`);
    // Nothing reached the agent: no refusal of a request was logged.
    expect(agent.logger.lines.join('\n')).not.toMatch(/refused a request/);
  });

  it("has its passkey rotated over the pinned connection, as a launch's last step does", async () => {
    const { passkey } = await rotateAgentPasskey(address(pems.fingerprint256), 5000);
    const pinned = { ...address(pems.fingerprint256), passkey };
    expect(await callAgent(pinned, 'GetHealth', {}, 5000)).toMatchObject({ body: {} });
    await expect(
      callAgent(address(pems.fingerprint256), 'GetHealth', {}, 5000),
    ).rejects.toMatchObject({ code: 'REFUSED' });
    // Under another pin the rotation is never sent.
    await expect(
      rotateAgentPasskey({ ...pinned, pinnedFingerprint: other.fingerprint256 }, 5000),
    ).rejects.toMatchObject({ code: 'CERTIFICATE' });
    expect(await callAgent(pinned, 'GetHealth', {}, 5000)).toMatchObject({ body: {} });
  });
});
