import { parse } from 'yaml';
import { DomainError } from '../shared/domain-error';
import type { VariableValue } from '../variables/interpolate';
import { AGENT_CERT_FILE, AGENT_KEY_FILE, AGENT_PART_MERGE } from './agent-boot-config';
import { parseMultipart } from './cloud-init-mime';
import { awsLaunchUserData, hetznerLaunchUserData } from './launch-user-data';

const passkey = 'p4ssk3y_base64url-0123456789abcdef';
/** A throwaway test key: the deployer makes each launch's own. */
const key = [
  '-----BEGIN PRIVATE KEY-----',
  'MIGHAgEAMBMGByqGSM49AgEGCCqGSM49AwEHBG0wawIBAQQgFmhQ186AynMmZJ/Q',
  'yHpRgdu7uJasxWAwYrziprQXfxqhRANCAARS9EtGGbpOUkIwOHOaoLT/DsJE0S5K',
  'cLqoO+fS/jOxDxT2aX/FvUFn/TEu2QP6WQWTPOyHhN/fgagCrnIU3omt',
  '-----END PRIVATE KEY-----',
  '',
].join('\n');
// Only its PEM shape is checked here; the deployer makes a real one.
const cert = `-----BEGIN CERTIFICATE-----\n${'MIIBszCCAVmgAwIBAgIUQ2'.repeat(3)}\n-----END CERTIFICATE-----\n`;

const variables: Record<string, VariableValue> = {
  REGION: { value: 'eu-central-1', isSecret: false },
  TOKEN: { value: 's3cr3t-t0ken', isSecret: true },
};
const lookup = (name: string) => variables[name];
const agent = { passkey, port: 8120, tls: { key, cert } };

interface WrittenFile {
  path: string;
  owner: string;
  permissions: string;
  content: string;
}

function agentPart(text: string) {
  const parts = parseMultipart(text);
  const last = parts[parts.length - 1];
  expect(last.contentType).toBe('text/cloud-config');
  expect(last.body.startsWith('#cloud-config\n')).toBe(true);
  return parse(last.body) as { write_files: WrittenFile[]; runcmd: string[][]; merge_how: unknown };
}

const fileAt = (files: WrittenFile[], path: string) => files.find((f) => f.path === path);

describe("a launched server's user data", () => {
  it("writes the agent's passkey, port and TLS files, 0600, then starts the agent", () => {
    const { text } = awsLaunchUserData({ userData: '', lookup, agent });
    const parts = parseMultipart(text);
    expect(parts).toHaveLength(1);
    const config = agentPart(text);
    const env = fileAt(config.write_files, '/etc/monitor/periphery.env')!;
    expect(env.content).toBe(
      [
        `PERIPHERY_PASSKEYS=${passkey}`,
        'PERIPHERY_PORT=8120',
        'PERIPHERY_SSL_ENABLED=true',
        `PERIPHERY_SSL_KEY_FILE=${AGENT_KEY_FILE}`,
        `PERIPHERY_SSL_CERT_FILE=${AGENT_CERT_FILE}`,
        '',
      ].join('\n'),
    );
    expect(fileAt(config.write_files, AGENT_KEY_FILE)!.content).toBe(key);
    expect(fileAt(config.write_files, AGENT_CERT_FILE)!.content).toBe(cert);
    for (const file of config.write_files) {
      expect(file.permissions).toBe('0600');
      expect(file.owner).toBe('root:root');
    }
    expect(config.runcmd).toEqual([
      ['systemctl', 'enable', 'monitor-periphery.service'],
      ['systemctl', 'restart', 'monitor-periphery.service'],
    ]);
  });

  it('without https, sets ssl off and writes no key or certificate', () => {
    const { text, secrets } = hetznerLaunchUserData({
      userData: '',
      lookup,
      agent: { passkey, port: 9000 },
    });
    const config = agentPart(text);
    expect(config.write_files.map((f) => f.path)).toEqual(['/etc/monitor/periphery.env']);
    expect(config.write_files[0].content).toContain('PERIPHERY_SSL_ENABLED=false\n');
    expect(config.write_files[0].content).toContain('PERIPHERY_PORT=9000\n');
    expect(secrets).toEqual([passkey]);
  });

  it("keeps a user's script with a heredoc byte for byte, variables interpolated, before the agent's part", () => {
    const script = [
      '#!/bin/bash',
      'set -e',
      "cat > /etc/app.conf <<'EOF'",
      'region=[[REGION]]',
      'token=[[TOKEN]]',
      '--===============MONITOR==',
      'EOF',
      'if [[ -f /etc/app.conf ]]; then echo ok; fi',
    ].join('\n');
    const { text, secrets } = awsLaunchUserData({ userData: script, lookup, agent });
    const parts = parseMultipart(text);
    expect(parts).toHaveLength(2);
    expect(parts[0]).toEqual({
      contentType: 'text/x-shellscript',
      body: script.replace('[[REGION]]', 'eu-central-1').replace('[[TOKEN]]', 's3cr3t-t0ken'),
    });
    expect(secrets).toEqual(['s3cr3t-t0ken', passkey, key]);
  });

  it("keeps a user's #cloud-config as its own part, merged by cloud-init, not replaced", () => {
    const own = '#cloud-config\npackages: [docker.io]\nruncmd:\n  - [sh, -c, "echo [[REGION]]"]\n';
    const { text } = hetznerLaunchUserData({ userData: own, lookup, agent });
    const parts = parseMultipart(text);
    expect(parts[0]).toEqual({
      contentType: 'text/cloud-config',
      body: own.replace('[[REGION]]', 'eu-central-1'),
    });
    // The agent's part appends its lists (write_files, runcmd) after the user's.
    expect(agentPart(text).merge_how).toEqual(AGENT_PART_MERGE);
  });

  it('takes the other cloud-init formats and a MIME document of the user as they are', () => {
    const boothook = '#cloud-boothook\necho early\n';
    expect(
      parseMultipart(awsLaunchUserData({ userData: boothook, lookup, agent }).text)[0],
    ).toEqual({
      contentType: 'text/cloud-boothook',
      body: boothook,
    });
    const mime =
      'Content-Type: multipart/mixed; boundary="x"\nMIME-Version: 1.0\n\n--x\nContent-Type: text/x-shellscript\n\n#!/bin/sh\n--x--\n';
    const parts = parseMultipart(awsLaunchUserData({ userData: mime, lookup, agent }).text);
    expect(parts[0]).toEqual({ contentType: 'multipart/mixed', body: mime });
  });

  it('refuses an unknown variable, naming it', () => {
    const run = () => awsLaunchUserData({ userData: '#!/bin/sh\necho [[NOPE]]', lookup, agent });
    expect(run).toThrow(DomainError);
    expect(run).toThrow("unknown variable 'NOPE'");
  });

  it('refuses user data cloud-init would ignore, or a #cloud-config that would stop it', () => {
    expect(() => awsLaunchUserData({ userData: 'apt update', lookup, agent })).toThrow(
      /^user_data: must start with #!/,
    );
    expect(() =>
      awsLaunchUserData({ userData: '#cloud-config\nruncmd: [unclosed', lookup, agent }),
    ).toThrow(/^user_data: #cloud-config is not valid YAML/);
    expect(() => awsLaunchUserData({ userData: '#cloud-config\n- a\n', lookup, agent })).toThrow(
      'user_data: #cloud-config must be a YAML mapping (key: value)',
    );
  });

  it("refuses what is over the provider's limit with its size, EC2 16 KB and Hetzner 32 KiB", () => {
    const script = `#!/bin/sh\n# ${'x'.repeat(15 * 1024)}\n`;
    expect(() => awsLaunchUserData({ userData: script, lookup, agent })).toThrow(
      /^user_data is \d+ bytes, over the 16384 bytes EC2 takes/,
    );
    expect(() => hetznerLaunchUserData({ userData: script, lookup, agent })).not.toThrow();
    const bigger = `#!/bin/sh\n# ${'x'.repeat(32 * 1024)}\n`;
    try {
      hetznerLaunchUserData({ userData: bigger, lookup, agent });
      throw new Error('expected a refusal');
    } catch (error) {
      expect((error as DomainError).code).toBe('VALIDATION');
      expect((error as DomainError).details).toMatchObject({ field: 'user_data', limit: 32768 });
    }
  });

  it('refuses a malformed passkey, port or TLS pair', () => {
    const with_ = (a: object) => () =>
      awsLaunchUserData({ userData: '', lookup, agent: { ...agent, ...a } });
    expect(with_({ passkey: 'short' })).toThrow(/^passkey/);
    expect(with_({ passkey: `${passkey}\nPERIPHERY_ALLOW_NO_PASSKEY=true` })).toThrow(/^passkey/);
    expect(with_({ port: 70000 })).toThrow(/^port/);
    expect(with_({ tls: { key: cert, cert } })).toThrow(/^tls.key/);
    expect(with_({ tls: { key, cert: key } })).toThrow(/^tls.cert/);
  });
});
