import {
  beyondPolicy,
  composePowers,
  deploymentPowers,
  stackDeployPowers,
  stackPowers,
} from './index';

const kinds = (powers: { power: string }[]) => powers.map((p) => p.power);

describe('what a Deployment asks of its host', () => {
  it('finds nothing in an ordinary deployment', () => {
    expect(
      deploymentPowers({
        volumes: 'data:/data\n# /etc:/etc is only a comment',
        network: 'bridge',
        extra_args: ['--memory 512m', '--security-opt no-new-privileges', '--privileged=false'],
      }),
    ).toEqual([]);
  });

  it('finds binds, the Docker socket, host network and root flags', () => {
    const powers = deploymentPowers({
      volumes: '/etc:/host-etc:ro\n/var/run:/sock\n[[HOST_DIR]]:/x',
      network: 'host',
      extra_args: [
        '--privileged',
        '--cap-add SYS_ADMIN',
        '--device /dev/sda',
        '--security-opt seccomp=unconfined',
      ],
    });
    expect(powers.map((p) => `${p.power} ${p.detail}`)).toEqual([
      'bind_mount binds /etc',
      'bind_mount binds /var/run',
      'docker_socket binds the Docker socket (/var/run)',
      'bind_mount binds a host path set at deploy time ([[HOST_DIR]])',
      "host_namespaces uses the host's network",
      'privileged --privileged',
      'capabilities --cap-add SYS_ADMIN',
      'devices --device /dev/sda',
      'security_options --security-opt seccomp=unconfined',
    ]);
  });

  it('sees through a path that climbs back out', () => {
    expect(deploymentPowers({ volumes: '/srv/app/../../etc:/x' })[0]).toMatchObject({
      path: '/etc',
    });
  });
});

describe('what a compose file asks of its host', () => {
  it('finds nothing in an ordinary compose file', () => {
    const text = `
services:
  web:
    image: localhost/app
    volumes: [data:/data, ./conf:/conf, /cache]
    env_file: .env
    security_opt: [no-new-privileges:true]
volumes:
  data: {}
`;
    expect(composePowers(text)).toEqual([]);
  });

  it('finds each way a service reaches the host', () => {
    const text = `
x-root: &root
  privileged: true
services:
  a:
    <<: *root
    image: x
  b:
    image: x
    cap_add: [NET_ADMIN]
    devices: ["/dev/kmsg:/dev/kmsg"]
    pid: host
    network_mode: \${MODE}
    volumes:
      - /:/host
      - ../../../etc:/etc2
      - type: bind
        source: /var/run/docker.sock
        target: /var/run/docker.sock
    build: /
    env_file: /etc/environment
volumes:
  hostdir:
    driver_opts: { type: none, o: bind, device: /root }
secrets:
  s:
    file: /etc/shadow
`;
    expect(kinds(composePowers(text))).toEqual([
      'privileged',
      'capabilities',
      'devices',
      'host_namespaces',
      'host_namespaces',
      'bind_mount',
      'docker_socket',
      'bind_mount',
      'bind_mount',
      'docker_socket',
      'bind_mount',
      'docker_socket',
      'bind_mount',
      'bind_mount',
      'bind_mount',
    ]);
  });

  it('counts a file it cannot read as unchecked', () => {
    expect(kinds(composePowers('services: [unclosed'))).toEqual(['unchecked_compose']);
  });
});

describe('what a Stack asks of its host', () => {
  it('counts its commands and wrapper, and a compose file written in the UI', () => {
    expect(
      kinds(
        stackPowers({
          pre_deploy: { path: '', command: 'id', shell_mode: true },
          post_deploy: { path: '', command: ' ', shell_mode: true },
          compose_cmd_wrapper: 'sops exec-env x [[COMPOSE_COMMAND]]',
          file_contents: 'services:\n  web:\n    image: x\n    privileged: true\n',
        }),
      ),
    ).toEqual(['host_commands', 'host_commands', 'privileged']);
    expect(stackPowers({ file_contents: 'services:\n  web:\n    image: x\n' })).toEqual([]);
  });

  it('leaves compose files from git or the host to the deploy, which reads each as it will run', () => {
    const config = { repo: 'me/app', file_contents: 'services: {a: {privileged: true}}' };
    expect(stackPowers(config)).toEqual([]);
    expect(stackPowers({ files_on_host: true })).toEqual([]);
    const powers = stackDeployPowers(config, [
      { path: 'compose.yaml', contents: 'services:\n  web:\n    image: x\n' },
      { path: 'ops/root.yaml', contents: 'services:\n  x:\n    pid: host\n' },
    ]);
    expect(powers).toEqual([
      {
        power: 'host_namespaces',
        field: 'ops/root.yaml',
        detail: "service x: uses the host's pid (pid: host)",
      },
    ]);
  });
});

describe("a server's policy for users without Terminal", () => {
  const powers = deploymentPowers({
    volumes: '/srv/apps/web:/data\n/srv/apps2:/x\n/var/run/docker.sock:/s',
    extra_args: ['--cap-add NET_ADMIN'],
  });
  it('lets them bind below the folders it names, and use the powers it names', () => {
    const left = beyondPolicy(powers, {
      user_bind_paths: ['/srv/apps', '/var/run'],
      user_host_powers: ['capabilities'],
    });
    expect(left.map((p) => p.detail)).toEqual([
      'binds /srv/apps2',
      'binds the Docker socket (/var/run/docker.sock)',
    ]);
  });
  it('allows nothing by default', () => {
    expect(beyondPolicy(powers, {})).toHaveLength(powers.length);
  });
});
