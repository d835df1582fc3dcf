import { toKomodoContainer } from './container-inspect';

describe("a container's inspect in Komodo's shape", () => {
  const docker = {
    Id: 'abc',
    Name: '/web',
    Args: null,
    ExecIDs: null,
    State: { Status: 'running', Running: true },
    SizeRw: 12,
    SizeRootFs: 3400,
    Config: {
      Env: ['A=1'],
      Cmd: null,
      Entrypoint: null,
      ExposedPorts: { '80/tcp': {}, '53/udp': {} },
      Volumes: { '/data': {} },
      Labels: null,
    },
    HostConfig: {
      Binds: null,
      CapAdd: ['NET_ADMIN'],
      PortBindings: { '80/tcp': null },
      Tmpfs: null,
    },
    NetworkSettings: {
      Bridge: '',
      SandboxID: 'sb',
      Ports: { '80/tcp': [{ HostIp: '127.0.0.1', HostPort: '8080' }], '53/udp': null },
      Networks: { none: { Aliases: null, DNSNames: null, Links: null, NetworkID: 'n1' } },
    },
    Unknown: 'dropped',
  };

  it('lists exposed ports and volumes by key, and gives empty lists and maps instead of null', () => {
    const container = toKomodoContainer(docker);
    expect(container).toMatchObject({
      Id: 'abc',
      Name: '/web',
      Args: [],
      ExecIDs: [],
      Mounts: [],
      State: { Status: 'running', Running: true },
      SizeRw: 12,
      SizeRootFs: 3400,
      Config: {
        Env: ['A=1'],
        Cmd: [],
        Entrypoint: [],
        ExposedPorts: ['80/tcp', '53/udp'],
        Volumes: ['/data'],
        Labels: {},
      },
      HostConfig: { Binds: [], CapAdd: ['NET_ADMIN'], PortBindings: { '80/tcp': [] }, Tmpfs: {} },
      NetworkSettings: {
        SandboxID: 'sb',
        Ports: { '80/tcp': [{ HostIp: '127.0.0.1', HostPort: '8080' }], '53/udp': [] },
        Networks: {
          none: { Aliases: [], DNSNames: [], Links: [], NetworkID: 'n1', DriverOpts: {} },
        },
      },
    });
  });

  it("keeps only Komodo's fields", () => {
    const container = toKomodoContainer(docker);
    expect(container).not.toHaveProperty('Unknown');
    expect(container.NetworkSettings).not.toHaveProperty('Bridge');
  });
});
