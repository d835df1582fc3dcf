import {
  type _InstanceType,
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

  it('answers a RunInstances repeated with the same ClientToken with the same instance, as EC2', async () => {
    const run = (InstanceType: _InstanceType) =>
      client.send(
        new RunInstancesCommand({
          ImageId: 'ami-0123456789abcdef0',
          InstanceType,
          MinCount: 1,
          MaxCount: 1,
          ClientToken: 'update-0001',
        }),
      );
    const first = (await run('t3.small')).Instances?.[0]?.InstanceId;
    const again = (await run('t3.small')).Instances?.[0]?.InstanceId;
    expect(again).toBe(first);
    expect(ec2.runningInstances().map((i) => i.id)).toEqual([first]);
    expect(ec2.instances.get(first ?? '')?.clientToken).toBe('update-0001');
    await expect(run('t3.large')).rejects.toMatchObject({ name: 'IdempotentParameterMismatch' });
    expect(ec2.instances.size).toBe(1);
    const byFilter = async (Name: string, value: string) =>
      (
        await client.send(new DescribeInstancesCommand({ Filters: [{ Name, Values: [value] }] }))
      ).Reservations?.flatMap((r) => r.Instances ?? []).map((i) => i.InstanceId);
    expect(await byFilter('client-token', 'update-0001')).toEqual([first]);
    expect(await byFilter('client-token', 'update-0009')).toEqual([]);
    expect(await byFilter('instance-state-name', 'pending')).toEqual([first]);
  });

  it('records several volumes with their type, iops and throughput', async () => {
    const answer = await client.send(
      new RunInstancesCommand({
        ImageId: 'ami-0123456789abcdef0',
        InstanceType: 't3.small',
        MinCount: 1,
        MaxCount: 1,
        BlockDeviceMappings: [
          { DeviceName: '/dev/sda1', Ebs: { VolumeSize: 20, VolumeType: 'gp3', Iops: 3000 } },
          { DeviceName: '/dev/sdf', Ebs: { VolumeSize: 100, VolumeType: 'gp3', Throughput: 250 } },
        ],
      }),
    );
    expect(ec2.instances.get(answer.Instances?.[0]?.InstanceId ?? '')?.volumes).toEqual([
      { deviceName: '/dev/sda1', sizeGb: 20, volumeType: 'gp3', iops: 3000 },
      { deviceName: '/dev/sdf', sizeGb: 100, volumeType: 'gp3', throughput: 250 },
    ]);
  });

  it('answers 500 to the next DescribeInstances as asked, then describes again', async () => {
    const id = (await launch()).Instances?.[0]?.InstanceId ?? '';
    ec2.failNextDescribes(2);
    for (let i = 0; i < 2; i++)
      await expect(describe1(id)).rejects.toMatchObject({
        name: 'InternalError',
        $metadata: { httpStatusCode: 500 },
      });
    expect((await describe1(id))?.InstanceId).toBe(id);
  });

  it('drops the connection after RunInstances started the instance; a retry with its token finds it', async () => {
    ec2.dropConnectionAfterNextRun();
    await expect(launch()).rejects.toThrow();
    expect(ec2.runningInstances()).toHaveLength(1);
    // The SDK's own retries (3 attempts by default) resend the same ClientToken.
    const retrying = new EC2Client({
      region: 'eu-west-3',
      endpoint: ec2.endpoint,
      credentials: { accessKeyId: 'AKIATESTKEY', secretAccessKey: 'test-secret-key-value' },
    });
    ec2.dropConnectionAfterNextRun();
    const answer = await retrying.send(
      new RunInstancesCommand({
        ImageId: 'ami-0123456789abcdef0',
        InstanceType: 't3.small',
        MinCount: 1,
        MaxCount: 1,
        ClientToken: 'update-0002',
      }),
    );
    retrying.destroy();
    expect(ec2.callsOf('RunInstances')).toHaveLength(3);
    expect(ec2.runningInstances()).toHaveLength(2);
    const id = answer.Instances?.[0]?.InstanceId ?? '';
    await client.send(new TerminateInstancesCommand({ InstanceIds: [id] }));
    expect(ec2.runningInstances().map((i) => i.id)).not.toContain(id);
  });

  it('refuses another access key id when told which one to accept', async () => {
    await ec2.close();
    ec2 = await FakeEc2.start({ accessKeyId: 'AKIAOTHERKEY' });
    client.destroy();
    client = new EC2Client({
      region: 'eu-west-3',
      endpoint: ec2.endpoint,
      credentials: { accessKeyId: 'AKIATESTKEY', secretAccessKey: 'test-secret-key-value' },
      maxAttempts: 1,
    });
    await expect(launch()).rejects.toMatchObject({
      name: 'AuthFailure',
      $metadata: { httpStatusCode: 401 },
    });
    expect(ec2.instances.size).toBe(0);
    expect(ec2.callsOf('RunInstances')).toMatchObject([{ accessKeyId: 'AKIATESTKEY' }]);
  });
});
