import {
  DescribeInstancesCommand,
  EC2Client,
  RunInstancesCommand,
  TerminateInstancesCommand,
} from '@aws-sdk/client-ec2';
import { FakeEc2 } from './fake-ec2';

describe('the local EC2 endpoint, through the real @aws-sdk/client-ec2', () => {
  let ec2: FakeEc2;
  let client: EC2Client;

  beforeEach(async () => {
    // Long enough that a loaded machine still sees `pending` right after the launch.
    ec2 = await FakeEc2.start({ runningAfterMs: 500, publicIp: '127.0.0.2' });
    client = new EC2Client({
      region: 'eu-west-3',
      endpoint: ec2.endpoint,
      credentials: { accessKeyId: 'AKIATESTKEY', secretAccessKey: 'test-secret-key-value' },
      maxAttempts: 1,
    });
  });
  afterEach(async () => {
    client.destroy();
    await ec2.close();
  });

  const launch = () =>
    client.send(
      new RunInstancesCommand({
        ImageId: 'ami-0123456789abcdef0',
        InstanceType: 'c5.large',
        MinCount: 1,
        MaxCount: 1,
        KeyName: 'builders',
        UserData: Buffer.from('#!/bin/sh\necho hi\n').toString('base64'),
        NetworkInterfaces: [
          {
            DeviceIndex: 0,
            SubnetId: 'subnet-0abc1234',
            AssociatePublicIpAddress: true,
            Groups: ['sg-0aaa1111', 'sg-0bbb2222'],
          },
        ],
        BlockDeviceMappings: [{ DeviceName: '/dev/sda1', Ebs: { VolumeSize: 40 } }],
        TagSpecifications: [
          { ResourceType: 'instance', Tags: [{ Key: 'Name', Value: 'BUILDER-web' }] },
        ],
      }),
    );
  const describe1 = async (id: string) => {
    const answer = await client.send(new DescribeInstancesCommand({ InstanceIds: [id] }));
    return answer.Reservations?.[0]?.Instances?.[0];
  };

  it('launches with every field the builder sends, and records the call signed with the key id', async () => {
    const answer = await launch();
    const id = answer.Instances?.[0]?.InstanceId ?? '';
    expect(answer.Instances?.[0]?.State?.Name).toBe('pending');
    expect(ec2.instances.get(id)).toMatchObject({
      imageId: 'ami-0123456789abcdef0',
      instanceType: 'c5.large',
      keyName: 'builders',
      subnetId: 'subnet-0abc1234',
      securityGroupIds: ['sg-0aaa1111', 'sg-0bbb2222'],
      associatePublicIp: true,
      volumeGb: 40,
      deviceName: '/dev/sda1',
      tags: { Name: 'BUILDER-web' },
      userData: '#!/bin/sh\necho hi\n',
    });
    expect(ec2.callsOf('RunInstances')[0]).toMatchObject({
      accessKeyId: 'AKIATESTKEY',
      region: 'eu-west-3',
    });
    expect(JSON.stringify(ec2.calls)).not.toContain('test-secret-key-value');
  });

  it('turns pending to running after the delay, calling onRunning first, with both addresses', async () => {
    const seen: string[] = [];
    ec2.onRunning((instance) => void seen.push(instance.id));
    const id = (await launch()).Instances?.[0]?.InstanceId ?? '';
    expect((await describe1(id))?.State?.Name).toBe('pending');
    await new Promise((resolve) => setTimeout(resolve, 600));
    const running = await describe1(id);
    expect(running).toMatchObject({
      State: { Name: 'running', Code: 16 },
      PrivateIpAddress: '127.0.0.1',
      PublicIpAddress: '127.0.0.2',
    });
    expect(seen).toEqual([id]);
  });

  it('terminates: shutting-down, then terminated', async () => {
    const id = (await launch()).Instances?.[0]?.InstanceId ?? '';
    const answer = await client.send(new TerminateInstancesCommand({ InstanceIds: [id] }));
    expect(answer.TerminatingInstances?.[0]).toMatchObject({
      InstanceId: id,
      CurrentState: { Name: 'shutting-down' },
      PreviousState: { Name: 'pending' },
    });
    expect((await describe1(id))?.State?.Name).toBe('terminated');
  });

  it('fails the next termination as asked, with EC2 error code and message, then terminates', async () => {
    const id = (await launch()).Instances?.[0]?.InstanceId ?? '';
    ec2.failNextTerminations(1, 'not now');
    await expect(
      client.send(new TerminateInstancesCommand({ InstanceIds: [id] })),
    ).rejects.toMatchObject({ name: 'UnauthorizedOperation', message: 'not now' });
    expect(ec2.instances.get(id)?.state).toBe('pending');
    await client.send(new TerminateInstancesCommand({ InstanceIds: [id] }));
    expect(ec2.instances.get(id)?.state).toBe('shutting-down');
  });

  it('keeps instances pending when told they never reach running', async () => {
    ec2.neverReachRunning();
    const id = (await launch()).Instances?.[0]?.InstanceId ?? '';
    await new Promise((resolve) => setTimeout(resolve, 600));
    expect((await describe1(id))?.State?.Name).toBe('pending');
  });
});
