import { loadConfig } from './load-config';

describe('auth settings', () => {
  it('has login limits per user and address, per address, and per user over all addresses', () => {
    expect(loadConfig({}).auth).toMatchObject({
      login_attempts_per_user: 10,
      login_attempts_per_address: 30,
      login_attempts_per_user_global: 100,
      login_address_trust_days: 30,
      login_window_ms: 300_000,
    });
    const config = loadConfig({
      MONITOR_AUTH_LOGIN_ATTEMPTS_PER_USER_GLOBAL: '40',
      MONITOR_AUTH_LOGIN_ADDRESS_TRUST_DAYS: '0',
    });
    expect(config.auth).toMatchObject({
      login_attempts_per_user_global: 40,
      login_address_trust_days: 0,
    });
    expect(() => loadConfig({ MONITOR_AUTH_LOGIN_ATTEMPTS_PER_USER_GLOBAL: '0' })).toThrow(
      /login_attempts_per_user_global/,
    );
  });
  it('refuses a configured JWT secret shorter than an HS256 key, and takes a long one', () => {
    expect(() => loadConfig({ MONITOR_AUTH_JWT_SECRET: 'short secret' })).toThrow(
      /jwt_secret must be at least 32 characters, or empty to generate one/,
    );
    expect(loadConfig({ MONITOR_AUTH_JWT_SECRET: 'x'.repeat(32) }).auth.jwt_secret).toHaveLength(
      32,
    );
    expect(loadConfig({}).auth.jwt_secret).toBe('');
  });
});
