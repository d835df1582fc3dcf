import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig } from './load-config';

describe('the limits section', () => {
  it('has defaults that bound every HTTP server', () => {
    expect(loadConfig({}).limits).toEqual({
      json_max_depth: 64,
      json_max_keys: 10_000,
      max_connections: 8_192,
      connections_per_address: 1_024,
      headers_timeout_ms: 10_000,
      request_timeout_ms: 30_000,
      keep_alive_timeout_ms: 5_000,
      events_per_user: 4,
      feed_buffer: 1_000,
      feed_heartbeat_ms: 15_000,
    });
  });

  it('reads [limits] from the file and MONITOR_LIMITS_* from the environment', () => {
    const path = join(mkdtempSync(join(tmpdir(), 'monitor-limits-')), 'm.toml');
    writeFileSync(path, '[limits]\nconnections_per_address = 4096\nevents_per_user = 8\n');
    const config = loadConfig({ MONITOR_CONFIG: path, MONITOR_LIMITS_EVENTS_PER_USER: '2' });
    expect(config.limits).toMatchObject({ connections_per_address: 4096, events_per_user: 2 });
  });

  it('refuses limits validation itself would not honour', () => {
    expect(() => loadConfig({ MONITOR_LIMITS_JSON_MAX_DEPTH: '500' })).toThrow(
      /limits\.json_max_depth/,
    );
    expect(() => loadConfig({ MONITOR_LIMITS_JSON_MAX_KEYS: '50000' })).toThrow(
      /limits\.json_max_keys/,
    );
    expect(() => loadConfig({ MONITOR_LIMITS_EVENTS_PER_USER: '0' })).toThrow(
      /limits\.events_per_user/,
    );
    expect(() => loadConfig({ MONITOR_LIMITS_FEED_BUFFER: '4' })).toThrow(/limits\.feed_buffer/);
  });
});
