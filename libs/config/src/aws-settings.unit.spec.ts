import { loadConfig } from './load-config';

describe("the core's AWS settings (Aws builders)", () => {
  it('are empty by default: no Aws builder can launch until they are set', () => {
    expect(loadConfig({}).aws).toMatchObject({
      access_key_id: '',
      secret_access_key: '',
      endpoint: '',
      launch_timeout_ms: 300_000,
      agent_timeout_ms: 300_000,
    });
  });

  it('come from the environment as Komodo names them under [aws]', () => {
    const { aws } = loadConfig({
      MONITOR_AWS_ACCESS_KEY_ID: 'AKIAEXAMPLE',
      MONITOR_AWS_SECRET_ACCESS_KEY: 'secret-value',
      MONITOR_AWS_ENDPOINT: 'http://127.0.0.1:4566',
    });
    expect(aws).toMatchObject({
      access_key_id: 'AKIAEXAMPLE',
      secret_access_key: 'secret-value',
      endpoint: 'http://127.0.0.1:4566',
    });
  });

  it('refuse a key id without its secret, naming the setting and not echoing the key', () => {
    const refusal = (() => {
      try {
        loadConfig({ MONITOR_AWS_ACCESS_KEY_ID: 'AKIAEXAMPLE' });
      } catch (error) {
        return (error as Error).message;
      }
    })();
    expect(refusal).toMatch(/aws.*secret_access_key is required with access_key_id/);
    expect(refusal).not.toContain('AKIAEXAMPLE');
  });
});
