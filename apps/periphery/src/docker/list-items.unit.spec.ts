import type Dockerode from 'dockerode';
import type { Types } from 'komodo_client';
import { healthFromStatus, toContainerListItem, toImageListItem, usageIndex } from './list-items';

const container = (over: Partial<Dockerode.ContainerInfo> = {}): Dockerode.ContainerInfo => ({
  Id: 'c1',
  Names: ['/web'],
  Image: 'nginx:1.27',
  ImageID: 'sha256:img',
  Command: 'nginx',
  Created: 1700000000,
  Ports: [{ IP: '127.0.0.1', PrivatePort: 80, PublicPort: 8080, Type: 'tcp' }],
  Labels: { app: 'web' },
  State: 'running',
  Status: 'Up 3 minutes (unhealthy)',
  HostConfig: { NetworkMode: 'bridge' },
  NetworkSettings: { Networks: { bridge: { NetworkID: 'n1' } as Dockerode.NetworkInfo } },
  Mounts: [
    {
      Name: 'data',
      Type: 'volume',
      Source: '',
      Destination: '/data',
      Mode: '',
      RW: true,
      Propagation: '',
    },
    { Type: 'bind', Source: '/etc/x', Destination: '/x', Mode: '', RW: true, Propagation: '' },
  ],
  ...over,
});

describe('healthFromStatus', () => {
  it.each([
    ['Up 3 minutes (healthy)', 'healthy'],
    ['Up 3 minutes (unhealthy)', 'unhealthy'],
    ['Up 2 seconds (health: starting)', 'starting'],
    ['Up 3 minutes', undefined],
    ['Exited (0) 2 seconds ago', undefined],
    [undefined, undefined],
  ])('%j -> %j', (status, health) => expect(healthFromStatus(status)).toBe(health));
});

describe('toContainerListItem', () => {
  it("answers Komodo's ContainerListItem, with health", () => {
    const item = toContainerListItem(container());
    expect(item).toEqual({
      name: 'web',
      id: 'c1',
      image: 'nginx:1.27',
      image_id: 'sha256:img',
      created: 1700000000,
      state: 'running',
      status: 'Up 3 minutes (unhealthy)',
      health: 'unhealthy',
      network_mode: 'bridge',
      networks: ['bridge'],
      ports: [{ IP: '127.0.0.1', PrivatePort: 80, PublicPort: 8080, Type: 'tcp' }],
      volumes: ['data'],
      labels: { app: 'web' },
    });
    // The compiler checks the shape against komodo_client's own type.
    const komodo: Types.ContainerListItem = {
      ...item,
      state: item.state as Types.ContainerStateStatusEnum,
      ports: [],
    };
    expect(komodo.name).toBe('web');
  });

  it('leaves health out when there is no healthcheck', () => {
    expect(toContainerListItem(container({ Status: 'Up 1 second' }))).not.toHaveProperty('health');
  });
});

describe('toImageListItem', () => {
  it('names the image by its first tag and tells whether a container uses it', () => {
    const usage = usageIndex([container()]);
    const image = {
      Id: 'sha256:img',
      ParentId: '',
      RepoTags: ['nginx:1.27', 'nginx:latest'],
      RepoDigests: [],
      Created: 1,
      Size: 10,
    } as unknown as Dockerode.ImageInfo;
    expect(toImageListItem(image, usage)).toMatchObject({ name: 'nginx:1.27', in_use: true });
    expect(
      toImageListItem({ ...image, Id: 'sha256:other', RepoTags: ['<none>:<none>'] }, usage),
    ).toMatchObject({
      name: 'sha256:other',
      tags: [],
      in_use: false,
    });
  });
});
