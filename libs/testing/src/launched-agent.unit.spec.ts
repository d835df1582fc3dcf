import { awsLaunchUserData, hetznerLaunchUserData, type AgentBoot } from '@monitor/domain';
import { agentBootOf } from './launched-agent';

const PEM = (label: string) => `-----BEGIN ${label}-----\nQUJDRA==\n-----END ${label}-----\n`;

describe('agentBootOf: the agent a launched machine would start, from its user data', () => {
  const lookup = () => undefined;

  it('reads back the passkey and port of the launch, beside a user script', () => {
    const agent: AgentBoot = { passkey: 'p4sskey-0123456789abcdef', port: 8120 };
    const { text } = awsLaunchUserData({ userData: '#!/bin/sh\necho hi\n', lookup, agent });
    expect(agentBootOf(text)).toEqual(agent);
  });

  it('reads back the TLS key and certificate, after a user cloud-config writing files of its own', () => {
    const agent: AgentBoot = {
      passkey: 'p4sskey-0123456789abcdef',
      port: 9443,
      tls: { key: PEM('PRIVATE KEY'), cert: PEM('CERTIFICATE') },
    };
    const userData = '#cloud-config\nwrite_files:\n  - path: /etc/motd\n    content: hello\n';
    const { text } = hetznerLaunchUserData({ userData, lookup, agent });
    expect(agentBootOf(text)).toEqual(agent);
  });

  it('says so when nothing would start an agent', () => {
    expect(() =>
      agentBootOf(
        'Content-Type: multipart/mixed; boundary="b"\nMIME-Version: 1.0\n\n--b\nContent-Type: text/x-shellscript\n\n#!/bin/sh\n--b--\n',
      ),
    ).toThrow('the user data writes no /etc/monitor/periphery.env: no agent would start');
  });
});
