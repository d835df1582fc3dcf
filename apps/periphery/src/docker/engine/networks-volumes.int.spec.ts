import Dockerode from 'dockerode';
import { randomBytes } from 'node:crypto';
import { TEST_LABEL } from '@monitor/testing';
import { DockerClient } from './docker-client';

const SOCKET = '/var/run/docker.sock';

describe('DockerClient: networks and volumes (real engine)', () => {
  const docker = new Dockerode({ socketPath: SOCKET });
  const client = new DockerClient({ socketPath: SOCKET });
  const run = randomBytes(4).toString('hex');
  const name = `engine-client-${run}`;
  const Labels = { [TEST_LABEL]: '1', 'monitor-engine-test': run };

  beforeAll(async () => {
    await docker.createNetwork({ Name: name, Labels, Internal: true });
    await docker.createVolume({ Name: name, Labels });
  });

  afterAll(async () => {
    await docker.getNetwork(name).remove();
    await docker.getVolume(name).remove();
  });

  it('lists the networks with their settings', async () => {
    const network = (await client.networks.list()).find((n) => n.Name === name);
    expect(network).toMatchObject({ Driver: 'bridge', Internal: true, Labels });
    expect((await client.networks.list()).map((n) => n.Name)).toEqual(
      expect.arrayContaining(['bridge', 'host', 'none']),
    );
  });

  it('lists the volumes with their creation time', async () => {
    const volume = (await client.volumes.list()).find((v) => v.Name === name);
    expect(volume).toMatchObject({ Driver: 'local', Labels, Scope: 'local' });
    expect(Date.parse(volume?.CreatedAt ?? '')).toBeGreaterThan(Date.now() - 60_000);
  });
});
