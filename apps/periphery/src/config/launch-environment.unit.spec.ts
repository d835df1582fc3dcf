import { AGENT_CERT_FILE, AGENT_KEY_FILE, agentEnvironment } from '@monitor/domain';
import { loadPeripheryConfig } from './load-periphery-config';

/** An EnvironmentFile as systemd reads it: KEY=VALUE lines. */
const environmentOf = (text: string) =>
  Object.fromEntries(
    text
      .trim()
      .split('\n')
      .map((line) => [line.slice(0, line.indexOf('=')), line.slice(line.indexOf('=') + 1)]),
  );

const passkey = 'p4ssk3y_base64url-0123456789abcdef';

describe('the settings a launched server starts its agent with', () => {
  it('are what the agent reads: passkey, port, TLS key and certificate', () => {
    const env = environmentOf(
      agentEnvironment({ passkey, port: 9120, tls: { key: 'k', cert: 'c' } }),
    );
    expect(loadPeripheryConfig(env)).toMatchObject({
      passkeys: [passkey],
      port: 9120,
      ssl_enabled: true,
      ssl_key_file: AGENT_KEY_FILE,
      ssl_cert_file: AGENT_CERT_FILE,
    });
  });

  it('without https, leave TLS off', () => {
    const env = environmentOf(agentEnvironment({ passkey, port: 8120 }));
    expect(loadPeripheryConfig(env)).toMatchObject({ passkeys: [passkey], ssl_enabled: false });
  });
});
