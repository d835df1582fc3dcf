import { loadConfig } from './load-config';

describe('[sync] settings', () => {
  it('defaults: the data folder, a refresh every five minutes, half a MiB a file', () => {
    expect(loadConfig({}).sync).toEqual({
      directory: '',
      poll_interval_ms: 300_000,
      max_file_bytes: 524_288,
    });
  });

  it('takes the environment, and refuses a file cap past 4 MiB naming the key', () => {
    const config = loadConfig({
      MONITOR_SYNC_DIRECTORY: '/srv/syncs',
      MONITOR_SYNC_POLL_INTERVAL_MS: '0',
    });
    expect(config.sync).toMatchObject({ directory: '/srv/syncs', poll_interval_ms: 0 });
    expect(() => loadConfig({ MONITOR_SYNC_MAX_FILE_BYTES: String(8 * 1024 * 1024) })).toThrow(
      /max_file_bytes/,
    );
  });
});
