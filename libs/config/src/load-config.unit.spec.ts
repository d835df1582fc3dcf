import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig } from './load-config';

describe('loadConfig', () => {
  const dir = mkdtempSync(join(tmpdir(), 'monitor-config-'));
  const file = (name: string, text: string) => {
    const path = join(dir, name);
    writeFileSync(path, text);
    return path;
  };

  it('has working defaults', () => {
    const config = loadConfig({});
    expect(config).toMatchObject({
      port: 9120,
      data_dir: './data',
      event_store: { kind: 'sqlite' },
      auth: { allow_signups: false },
    });
  });

  it('reads the TOML file, then lets the environment override it', () => {
    const path = file(
      'a.toml',
      'port = 9000\n[event_store]\nkind = "jetstream"\n[auth]\nallow_signups = true\n',
    );
    const config = loadConfig({
      MONITOR_CONFIG: path,
      MONITOR_PORT: '9001',
      MONITOR_AUTH_ALLOW_SIGNUPS: 'false',
    });
    expect(config.port).toBe(9001);
    expect(config.event_store.kind).toBe('jetstream');
    expect(config.auth.allow_signups).toBe(false);
    expect(config.config_path).toBe(path);
  });

  it('reads Komodo-style account lists', () => {
    const path = file(
      'b.toml',
      '[[git_provider]]\ndomain = "github.com"\naccounts = [{ username = "me", token = "t" }]\n',
    );
    expect(loadConfig({ MONITOR_CONFIG: path }).git_provider[0]).toMatchObject({
      domain: 'github.com',
      https: true,
      accounts: [{ username: 'me' }],
    });
  });

  it('refuses bad values and unknown keys, naming them', () => {
    expect(() => loadConfig({ MONITOR_PORT: 'eighty' })).toThrow(/port/);
    expect(() => loadConfig({ MONITOR_EVENT_STORE_KIND: 'mongo' })).toThrow(/event_store.kind/);
    expect(() => loadConfig({ MONITOR_CONFIG: file('c.toml', 'colour = "blue"\n') })).toThrow(
      /colour/,
    );
    expect(() => loadConfig({ MONITOR_CONFIG: file('d.toml', 'port = \n') })).toThrow(/d.toml/);
    expect(() => loadConfig({ MONITOR_CONFIG: join(dir, 'missing.toml') })).toThrow(
      /does not exist/,
    );
    expect(() => loadConfig({ MONITOR_GIT_PROVIDER: '[{' })).toThrow(/MONITOR_GIT_PROVIDER/);
  });
});
