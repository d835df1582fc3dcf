import { commandEnv, isOperatorEnvName, passesToCommands, passToCommands } from './command-env';

describe("commandEnv: what of the agent's environment its programs see", () => {
  const own = {
    PATH: '/usr/bin:/bin',
    HOME: '/root',
    LANG: 'C.UTF-8',
    LC_ALL: 'C.UTF-8',
    DOCKER_HOST: 'unix:///run/docker.sock',
    https_proxy: 'http://proxy:3128',
    NO_PROXY: 'localhost',
    PERIPHERY_PASSKEYS: 'agent-passkey',
    PERIPHERY_SSL_KEY_FILE: '/etc/monitor-periphery/ssl/key.pem',
    MONITOR_AUTH_JWT_SECRET: 'jwt-secret',
    AWS_SECRET_ACCESS_KEY: 'aws-secret',
    GITHUB_TOKEN: 'ghp_operator',
    NODE_OPTIONS: '--require /x.js',
    UNSET: undefined,
  };

  it('keeps the names programs need, and drops everything else', () => {
    expect(commandEnv(own)).toEqual({
      PATH: '/usr/bin:/bin',
      HOME: '/root',
      LANG: 'C.UTF-8',
      LC_ALL: 'C.UTF-8',
      DOCKER_HOST: 'unix:///run/docker.sock',
      https_proxy: 'http://proxy:3128',
      NO_PROXY: 'localhost',
    });
  });

  it("adds the caller's own values last, unfiltered (a git token for git's helper)", () => {
    const env = commandEnv(own, {
      MONITOR_GIT_TOKEN: 't',
      DOCKER_CONFIG: '/tmp/login',
      HOME: '/h',
    });
    expect(env).toMatchObject({ MONITOR_GIT_TOKEN: 't', DOCKER_CONFIG: '/tmp/login', HOME: '/h' });
    expect(env).not.toHaveProperty('PERIPHERY_PASSKEYS');
  });

  it('never passes an agent or Monitor setting, in any case', () => {
    for (const name of ['PERIPHERY_PASSKEYS', 'periphery_passkeys', 'MONITOR_CONFIG', 'Monitor_X'])
      expect(passesToCommands(name)).toBe(false);
    for (const name of ['LC_CTYPE', 'TZ', 'TMPDIR', 'SSL_CERT_FILE', 'DOCKER_TLS_VERIFY'])
      expect(passesToCommands(name)).toBe(true);
    for (const name of ['LC_', 'LD_PRELOAD', 'GIT_CONFIG_GLOBAL', 'DOCKER_AUTH'])
      expect(passesToCommands(name)).toBe(false);
  });

  it("passes the names the operator lists in command_env, and never the agent's own", () => {
    expect(passesToCommands('SOPS_AGE_KEY_FILE')).toBe(false);
    passToCommands(['SOPS_AGE_KEY_FILE']);
    expect(commandEnv({ ...own, SOPS_AGE_KEY_FILE: '/keys/age.txt' })).toMatchObject({
      SOPS_AGE_KEY_FILE: '/keys/age.txt',
    });
    expect(() => passToCommands(['PERIPHERY_PASSKEYS'])).toThrow(/may not be passed/);
    expect(() => passToCommands(['monitor_auth_jwt_secret'])).toThrow(/may not be passed/);
    expect(isOperatorEnvName('A=B')).toBe(false);
    expect(commandEnv(own)).not.toHaveProperty('PERIPHERY_PASSKEYS');
  });
});
