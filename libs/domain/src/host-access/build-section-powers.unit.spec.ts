import { composePowers } from './index';

const details = (text: string) => composePowers(text).map((p) => `${p.power}: ${p.detail}`);

describe('what a compose build section reads of its host', () => {
  it("finds nothing in a build of the stack's own folder", () => {
    expect(
      composePowers(`services:
  app:
    build:
      context: ./app
      dockerfile: docker/Dockerfile
      additional_contexts: { base: "docker-image://alpine", src: ./src }
      extra_hosts: ["db:10.0.0.2"]
      args: { A: "1" }
  short:
    build: .
`),
    ).toEqual([]);
  });

  it('finds contexts, Dockerfiles and additional contexts outside the folder', () => {
    const found = details(`services:
  a: { build: { context: /etc } }
  b: { build: { context: ., dockerfile: ../../Dockerfile } }
  c: { build: { context: ., dockerfile: /root/Dockerfile } }
  d: { build: { additional_contexts: ["keys=/root/.ssh"] } }
  e: { build: { additional_contexts: { up: ../other } } }
  f: { build: ../inside }
`);
    expect(found).toEqual([
      'bind_mount: service a: build: binds /etc',
      'bind_mount: service b: build: dockerfile: binds ./../../Dockerfile, outside its folder',
      'bind_mount: service c: build: dockerfile: binds /root/Dockerfile',
      'bind_mount: service d: build: additional_contexts: binds /root/.ssh',
      'bind_mount: service e: build: additional_contexts: binds ../other, outside its folder',
      'bind_mount: service f: build: binds ../inside, outside its folder',
    ]);
  });

  it("finds the host's SSH agent, network, privilege, entitlements and secrets", () => {
    const found = details(`services:
  a:
    build:
      context: .
      ssh: [default]
      network: host
      privileged: true
      entitlements: [network.host]
      secrets: [key, token]
secrets:
  key: { file: /etc/shadow }
  token: { environment: MONITOR_PASSKEY }
`);
    expect(found).toEqual([
      "bind_mount: service a: build: ssh default lends the build the host's SSH agent or keys",
      "host_namespaces: service a: build: uses the host's network (network: host)",
      'privileged: service a: build: privileged: true',
      'security_options: service a: build: entitlements network.host',
      'bind_mount: secrets key: binds /etc/shadow',
      "host_namespaces: secrets token: reads the agent's environment variable MONITOR_PASSKEY",
    ]);
  });
});
