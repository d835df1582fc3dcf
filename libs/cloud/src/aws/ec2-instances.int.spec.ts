import { FakeEc2 } from '@monitor/testing';
import { Ec2Instances, terminateEc2Instance, type Ec2Launch } from './ec2-instances';
import { waitForInstanceRunning } from './instance-running';

const ACCOUNT = { access_key_id: 'AKIALAUNCH', secret_access_key: 'launch-secret-key-0123' };

describe('Ec2Instances, the one EC2 launch module, against the local EC2 endpoint', () => {
  let fake: FakeEc2;
  let ec2: Ec2Instances;
  const connect = () => Ec2Instances.connect({ ...ACCOUNT, endpoint: fake.endpoint }, 'eu-west-3');

  beforeEach(async () => {
    fake = await FakeEc2.start({ runningAfterMs: 100, publicIp: '127.0.0.2' });
    ec2 = await connect();
  });
  afterEach(async () => {
    ec2.close();
    await fake.close();
  });

  const template: Ec2Launch = {
    name: 'web-1',
    amiId: 'ami-0123456789abcdef0',
    instanceType: 'c5.large',
    subnetId: 'subnet-0abc1234',
    securityGroupIds: ['sg-0aaa1111', 'sg-0bbb2222'],
    keyPairName: 'ops',
    assignPublicIp: true,
    volumes: [
      { deviceName: '/dev/sda1', sizeGb: 30, volumeType: 'gp3', iops: 3000, throughput: 0 },
      { deviceName: '/dev/sdf', sizeGb: 200, volumeType: 'io2', iops: 5000 },
    ],
    userData: '#!/bin/sh\necho hi\n',
    clientToken: 'launch-update-0001',
    tags: { 'monitor-launch': 'update-0001' },
  };

  it('launches with every field of the launch, signed with the account, as one instance', async () => {
    const id = await ec2.launch(template);
    expect(fake.instances.get(id)).toMatchObject({
      imageId: template.amiId,
      instanceType: 'c5.large',
      subnetId: 'subnet-0abc1234',
      securityGroupIds: ['sg-0aaa1111', 'sg-0bbb2222'],
      keyName: 'ops',
      associatePublicIp: true,
      tags: { Name: 'web-1', 'monitor-launch': 'update-0001' },
      userData: template.userData,
      clientToken: 'launch-update-0001',
      volumes: [
        // A 0 is AWS's default: not sent.
        { deviceName: '/dev/sda1', sizeGb: 30, volumeType: 'gp3', iops: 3000 },
        { deviceName: '/dev/sdf', sizeGb: 200, volumeType: 'io2', iops: 5000 },
      ],
    });
    expect(fake.callsOf('RunInstances')[0]).toMatchObject({
      accessKeyId: 'AKIALAUNCH',
      region: 'eu-west-3',
    });
    expect(JSON.stringify(fake.calls)).not.toContain(ACCOUNT.secret_access_key);
  });

  it('cannot start a second instance with the same ClientToken, even across connections', async () => {
    const first = await ec2.launch(template);
    const other = await connect();
    const again = await other.launch(template).finally(() => other.close());
    expect(again).toBe(first);
    expect(fake.runningInstances()).toHaveLength(1);
  });

  it('finds its instance when the connection dropped after RunInstances started it', async () => {
    fake.dropConnectionAfterNextRun();
    const id = await ec2.launch(template);
    expect(fake.callsOf('RunInstances')).toHaveLength(2);
    expect(fake.runningInstances().map((i) => i.id)).toEqual([id]);
  });

  it('finds an instance by its ClientToken without launching, and nothing for another token', async () => {
    const id = await ec2.launch(template);
    await ec2.launch({ ...template, clientToken: 'launch-update-0002' });
    expect(await ec2.findByClientToken('launch-update-0001')).toMatchObject({
      id,
      state: expect.stringMatching(/^(pending|running)$/),
    });
    expect(await ec2.findByClientToken('launch-update-0003')).toBeUndefined();
    expect(fake.callsOf('RunInstances')).toHaveLength(2);
  });

  it('refuses a ClientToken EC2 would refuse, before any call', async () => {
    await expect(ec2.launch({ ...template, clientToken: 'x'.repeat(65) })).rejects.toThrow(
      'a ClientToken is 1 to 64 printable ASCII characters',
    );
    expect(fake.calls).toEqual([]);
  });

  it('waits through DescribeInstances 500s until running, answering the address asked for', async () => {
    const id = await ec2.launch(template);
    fake.failNextDescribes(4);
    const wait = { timeoutMs: 10_000, intervalMs: 20 };
    const running = await waitForInstanceRunning(ec2, id, true, wait);
    expect(running).toMatchObject({ ip: '127.0.0.2', state: { state: 'running' } });
    expect((await waitForInstanceRunning(ec2, id, false, wait)).ip).toBe('127.0.0.1');
    expect(fake.callsOf('DescribeInstances').length).toBeGreaterThanOrEqual(6);
  });

  it('stops waiting at once for an instance terminated meanwhile, and at the timeout for a pending one', async () => {
    fake.neverReachRunning();
    const id = await ec2.launch(template);
    await expect(
      waitForInstanceRunning(ec2, id, false, { timeoutMs: 300, intervalMs: 50 }),
    ).rejects.toThrow(`instance ${id} was not running (still pending) within 0.3 s`);
    expect(await terminateEc2Instance(connect, id)).toBe('shutting-down');
    const started = Date.now();
    await expect(
      waitForInstanceRunning(ec2, id, false, { timeoutMs: 10_000, intervalMs: 50 }),
    ).rejects.toThrow(`instance ${id} is terminated`);
    expect(Date.now() - started).toBeLessThan(5_000);
    expect(fake.runningInstances()).toEqual([]);
  });
});
