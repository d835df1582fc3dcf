import { freePort } from '@monitor/testing';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { peripheryConfig, startPeriphery, type PeripheryApp } from '../../apps/periphery/src';
import { callAgent } from '@monitor/agent-client';
import { AgentError } from '@monitor/agent-client';

describe('callAgent against a real agent', () => {
  let http: PeripheryApp;
  let https: PeripheryApp;

  beforeAll(async () => {
    const base = { bind_ip: '127.0.0.1', passkeys: ['the-passkey'], stats_polling_rate_ms: 1000 };
    http = await startPeriphery(
      peripheryConfig({
        ...base,
        port: await freePort(),
        root_directory: mkdtempSync(join(tmpdir(), 'agent-http-')),
      }),
      { logger: false },
    );
    https = await startPeriphery(
      peripheryConfig({
        ...base,
        port: await freePort(),
        ssl_enabled: true,
        root_directory: mkdtempSync(join(tmpdir(), 'agent-https-')),
      }),
      { logger: false },
    );
  });
  afterAll(async () => {
    await http?.close();
    await https?.close();
  });

  const address = (app: PeripheryApp, passkey = 'the-passkey', pinnedFingerprint?: string) => ({
    address: app.url,
    passkey,
    insecureTls: true,
    pinnedFingerprint,
  });

  it('calls over http and says why it fails', async () => {
    expect(
      (await callAgent<{ version: string }>(address(http), 'GetVersion', {}, 2000)).body.version,
    ).toBeTruthy();
    await expect(callAgent(address(http, 'wrong'), 'GetVersion', {}, 2000)).rejects.toMatchObject({
      code: 'REFUSED',
    });
    await expect(callAgent(address(http), 'NoSuchRequest', {}, 2000)).rejects.toMatchObject({
      code: 'AGENT',
      status: 404,
    });
    const closed = { ...address(http), address: `http://127.0.0.1:${await freePort()}` };
    await expect(callAgent(closed, 'GetVersion', {}, 2000)).rejects.toMatchObject({
      code: 'UNREACHABLE',
      message: expect.stringContaining('connection refused'),
    });
  });

  it('pins the https certificate: the first contact learns it, another one is refused before any request', async () => {
    const first = await callAgent(address(https), 'GetVersion', {}, 2000);
    expect(first.fingerprint).toMatch(/^([0-9A-F]{2}:){31}[0-9A-F]{2}$/);
    const pinned = await callAgent(
      address(https, 'the-passkey', first.fingerprint),
      'GetVersion',
      {},
      2000,
    );
    expect(pinned.fingerprint).toBe(first.fingerprint);
    const impostor = callAgent(
      address(https, 'the-passkey', 'AA:'.repeat(31) + 'AA'),
      'GetVersion',
      {},
      2000,
    );
    await expect(impostor).rejects.toBeInstanceOf(AgentError);
    await expect(impostor).rejects.toMatchObject({ code: 'CERTIFICATE' });
  });

  it('refuses a self-signed certificate unless told to accept it', async () => {
    await expect(
      callAgent({ ...address(https), insecureTls: false }, 'GetVersion', {}, 2000),
    ).rejects.toMatchObject({ code: 'CERTIFICATE' });
  });
});
