import { AGENT_ENV_FILE, builderUserData, USER_SCRIPT_FILE } from './user-data';

const passkey = 'p4ssk3y_base64url-0123456789abcdef';

describe("an Aws builder's user data", () => {
  it("writes the agent's settings, this instance's passkey among them, then starts the agent", () => {
    expect(builderUserData({ passkey, port: 8120, https: true, userData: '' })).toBe(
      [
        '#!/bin/sh',
        "# Monitor: start this single-use builder's agent with a passkey of its own.",
        'set -eu',
        'umask 077',
        'mkdir -p /etc/monitor /var/lib/monitor',
        `cat > ${AGENT_ENV_FILE} <<'MONITOR_AGENT_ENV'`,
        `PERIPHERY_PASSKEYS=${passkey}`,
        'PERIPHERY_PORT=8120',
        'PERIPHERY_SSL_ENABLED=true',
        'MONITOR_AGENT_ENV',
        'systemctl restart monitor-periphery.service',
        '',
      ].join('\n'),
    );
  });

  it("runs the builder's own user data before the agent starts, behind a marker it cannot end", () => {
    const own = '#!/bin/bash\napt-get install -y git\nMONITOR_USER_DATA\n';
    const script = builderUserData({ passkey, port: 9000, https: false, userData: own });
    expect(script).toContain(
      [
        `cat > ${USER_SCRIPT_FILE} <<'MONITOR_USER_DATA_1'`,
        '#!/bin/bash',
        'apt-get install -y git',
        'MONITOR_USER_DATA',
        'MONITOR_USER_DATA_1',
        `chmod 700 ${USER_SCRIPT_FILE}`,
        USER_SCRIPT_FILE,
        'systemctl restart monitor-periphery.service',
      ].join('\n'),
    );
    expect(builderUserData({ passkey, port: 9000, https: false, userData: 'echo hi' })).toContain(
      `/bin/sh ${USER_SCRIPT_FILE}\n`,
    );
  });

  it('refuses a passkey that would need quoting, or a port out of range', () => {
    expect(() =>
      builderUserData({ passkey: 'a b$(x)', port: 1, https: true, userData: '' }),
    ).toThrow('base64url');
    expect(() => builderUserData({ passkey, port: 0, https: true, userData: '' })).toThrow('port');
  });
});
