import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadPeripheryConfig, peripheryConfig } from './load-periphery-config';

describe('loadPeripheryConfig', () => {
  const dir = mkdtempSync(join(tmpdir(), 'periphery-config-'));
  const file = (name: string, text: string) => {
    const path = join(dir, name);
    writeFileSync(path, text);
    return path;
  };
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('has working defaults once a passkey is given', () => {
    expect(loadPeripheryConfig({ PERIPHERY_PASSKEYS: 'k' })).toMatchObject({
      port: 8120,
      bind_ip: '0.0.0.0',
      passkeys: ['k'],
      allowed_ips: [],
      ssl_enabled: false,
      root_directory: '/etc/monitor-periphery',
      docker_socket: '/var/run/docker.sock',
      stats_polling_rate_ms: 5000,
      compose_command: 'auto',
    });
  });

  it('takes the compose program from the environment, and refuses one it does not know', () => {
    const given = { PERIPHERY_PASSKEYS: 'k', PERIPHERY_COMPOSE_COMMAND: 'docker-compose' };
    expect(loadPeripheryConfig(given).compose_command).toBe('docker-compose');
    expect(() =>
      loadPeripheryConfig({ ...given, PERIPHERY_COMPOSE_COMMAND: 'podman-compose' }),
    ).toThrow(/compose_command/);
  });

  it('takes a log level, and refuses one it does not know', () => {
    const given = { PERIPHERY_PASSKEYS: 'k' };
    expect(loadPeripheryConfig(given).log_level).toBe('log');
    expect(loadPeripheryConfig({ ...given, PERIPHERY_LOG_LEVEL: 'warn' }).log_level).toBe('warn');
    expect(() => loadPeripheryConfig({ ...given, PERIPHERY_LOG_LEVEL: 'chatty' })).toThrow(
      /log_level/,
    );
  });

  it("takes command_env's names, and refuses the agent's or Monitor's own", () => {
    const given = { PERIPHERY_PASSKEYS: 'k' };
    expect(loadPeripheryConfig(given).command_env).toEqual([]);
    expect(
      loadPeripheryConfig({ ...given, PERIPHERY_COMMAND_ENV: 'SOPS_AGE_KEY_FILE,OP_TOKEN' })
        .command_env,
    ).toEqual(['SOPS_AGE_KEY_FILE', 'OP_TOKEN']);
    expect(() =>
      loadPeripheryConfig({ ...given, PERIPHERY_COMMAND_ENV: 'PERIPHERY_PASSKEYS' }),
    ).toThrow(/command_env/);
  });

  it('refuses to start without a passkey unless allow_no_passkey is set', () => {
    expect(() => loadPeripheryConfig({})).toThrow(/no passkey configured/);
    expect(loadPeripheryConfig({ PERIPHERY_ALLOW_NO_PASSKEY: 'true' }).passkeys).toEqual([]);
  });

  it('reads the TOML file, then lets the environment override it', () => {
    const path = file(
      'a.toml',
      'port = 9000\npasskeys = ["a", "b"]\nallowed_ips = ["10.0.0.0/8", "::1"]\nssl_enabled = true\n',
    );
    const config = loadPeripheryConfig({
      PERIPHERY_CONFIG: path,
      PERIPHERY_PORT: '9001',
      PERIPHERY_ALLOWED_IPS: '127.0.0.0/8, fd00::/8',
      PERIPHERY_SSL_ENABLED: 'false',
    });
    expect(config).toMatchObject({
      port: 9001,
      passkeys: ['a', 'b'],
      allowed_ips: ['127.0.0.0/8', 'fd00::/8'],
      ssl_enabled: false,
      config_path: path,
    });
    expect(loadPeripheryConfig({ PERIPHERY_PASSKEYS: '["x,y"]' }).passkeys).toEqual(['x,y']);
  });

  it('refuses bad values and unknown keys, naming them', () => {
    const env = { PERIPHERY_PASSKEYS: 'k' };
    expect(() => loadPeripheryConfig({ ...env, PERIPHERY_PORT: 'eighty' })).toThrow(/port/);
    expect(() => loadPeripheryConfig({ ...env, PERIPHERY_BIND_IP: 'everywhere' })).toThrow(
      /bind_ip/,
    );
    expect(() => loadPeripheryConfig({ ...env, PERIPHERY_ALLOWED_IPS: '10.0.0.0/33,ok' })).toThrow(
      /allowed_ips.*10\.0\.0\.0\/33.*ok/,
    );
    expect(() => loadPeripheryConfig({ ...env, PERIPHERY_STATS_POLLING_RATE_MS: '5' })).toThrow(
      /stats_polling_rate_ms/,
    );
    expect(() =>
      loadPeripheryConfig({ ...env, PERIPHERY_CONFIG: file('c.toml', 'colour = 1\n') }),
    ).toThrow(/unknown key 'colour'/);
    expect(() =>
      loadPeripheryConfig({ ...env, PERIPHERY_CONFIG: file('d.toml', 'port = \n') }),
    ).toThrow(/d.toml/);
    expect(() => loadPeripheryConfig({ ...env, PERIPHERY_CONFIG: join(dir, 'none.toml') })).toThrow(
      /does not exist/,
    );
    expect(() => loadPeripheryConfig({ ...env, PERIPHERY_PASSKEYS: '[' })).toThrow(
      /PERIPHERY_PASSKEYS/,
    );
  });

  it('builds a config in code the same way', () => {
    expect(peripheryConfig({ passkeys: ['k'], port: 0 }).port).toBe(0);
    expect(() => peripheryConfig({ passkeys: [''] })).toThrow(/passkeys/);
  });
});
