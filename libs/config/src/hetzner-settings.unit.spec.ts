import { loadConfig } from './load-config';

describe("the core's Hetzner settings (ServerTemplates naming no cloud account)", () => {
  const token = 'aB3'.repeat(21) + 'x';

  it('are empty by default: a Hetzner template must then name a cloud account', () => {
    expect(loadConfig({}).hetzner).toEqual({ token: '', base_url: '' });
  });

  it('come from the environment under [hetzner]', () => {
    const { hetzner } = loadConfig({ MONITOR_HETZNER_TOKEN: token });
    expect(hetzner.token).toBe(token);
  });

  it('refuse a token that is not 64 letters and digits, naming the setting and not echoing it', () => {
    const bad = token.slice(1) + '!';
    const refusal = (() => {
      try {
        loadConfig({ MONITOR_HETZNER_TOKEN: bad });
      } catch (error) {
        return (error as Error).message;
      }
    })();
    expect(refusal).toMatch(/hetzner.*token must be Hetzner's 64 letters and digits/);
    expect(refusal).not.toContain(bad);
  });
});
