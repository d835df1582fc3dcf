import {
  defaultAwsServerTemplateConfig,
  defaultHetznerServerTemplateConfig,
} from '../../../domain/src/server-template';
import { validateConfig } from './validate-config';

const aws = (params: Record<string, unknown>) =>
  validateConfig('ServerTemplate', { type: 'Aws', params });
const hetzner = (params: Record<string, unknown>) =>
  validateConfig('ServerTemplate', { type: 'Hetzner', params });

/** The one error a bad value gets: its path and a message starting with that path. */
const refuses = (result: ReturnType<typeof validateConfig>, field: string, message: RegExp) => {
  expect(result.ok).toBe(false);
  const errors = result.ok ? [] : result.errors;
  expect(errors).toHaveLength(1);
  expect(errors[0].field).toBe(field);
  expect(errors[0].message.startsWith(field)).toBe(true);
  expect(errors[0].message).toMatch(message);
};
const accepts = (result: ReturnType<typeof validateConfig>) =>
  expect(result).toEqual({ ok: true, config: expect.anything() });

const volume = (v: Record<string, unknown>) => ({
  volumes: [
    { device_name: '/dev/sda1', size_gb: 20, volume_type: 'gp2', iops: 0, throughput: 0, ...v },
  ],
});
const hvolume = (v: Record<string, unknown>) => ({
  volumes: [{ name: 'data', size_gb: 10, format: 'Xfs', labels: {}, ...v }],
});

describe("a ServerTemplate write's field checks", () => {
  it("accepts Komodo 1.17.4's defaults, Monitor's additions among them", () => {
    accepts(aws(defaultAwsServerTemplateConfig() as never));
    accepts(hetzner(defaultHetznerServerTemplateConfig() as never));
    accepts(aws({ use_https: false, cloud_account: 'prod-aws' }));
    expect(defaultAwsServerTemplateConfig()).toMatchObject({
      use_https: true,
      cloud_account: '',
      user_data: '',
    });
    expect(defaultHetznerServerTemplateConfig()).toMatchObject({
      image: 'ubuntu-24.04',
      use_https: true,
    });
  });

  it.each<[string, Record<string, unknown>, Record<string, unknown>, string, RegExp]>([
    [
      'AMI id',
      { ami_id: 'ami-0abcdef1234567890' },
      { ami_id: 'ami-12' },
      'params.ami_id',
      /must be an AMI id/,
    ],
    [
      'instance type',
      { instance_type: 'm7i-flex.large' },
      { instance_type: 'large' },
      'params.instance_type',
      /family\.size/,
    ],
    ['region', { region: 'eu-central-2' }, { region: 'europe' }, 'params.region', /AWS region/],
    [
      'subnet',
      { subnet_id: 'subnet-12345678' },
      { subnet_id: 'sub-1' },
      'params.subnet_id',
      /subnet id/,
    ],
    [
      'security groups',
      { security_group_ids: ['sg-12345678'] },
      { security_group_ids: ['sg-12345678', 'web'] },
      'params.security_group_ids',
      /^params\.security_group_ids\[1\] must be a security group id/,
    ],
    [
      'key pair',
      { key_pair_name: 'ops' },
      { key_pair_name: 'ops\nx' },
      'params.key_pair_name',
      /printable ASCII/,
    ],
    ['port', { port: 65535 }, { port: 0 }, 'params.port', /between 1 and 65535/],
    [
      'device name',
      volume({ device_name: 'xvdh' }),
      volume({ device_name: '/dev/../sda' }),
      'params.volumes.0.device_name',
      /device name/,
    ],
    [
      'volume size',
      volume({ size_gb: 16384 }),
      volume({ size_gb: 16385 }),
      'params.volumes.0.size_gb',
      /between 1 and 16384 for a gp2 volume/,
    ],
    [
      'volume iops',
      volume({ volume_type: 'gp3', iops: 3000 }),
      volume({ volume_type: 'gp3', iops: 100 }),
      'params.volumes.0.iops',
      /between 3000 and 80000 for a gp3 volume/,
    ],
    [
      'gp2 iops',
      volume({ iops: 0 }),
      volume({ iops: 3000 }),
      'params.volumes.0.iops',
      /must be 0 for a gp2 volume/,
    ],
    [
      'volume throughput',
      volume({ volume_type: 'gp3', throughput: 500 }),
      volume({ volume_type: 'io1', iops: 1000, throughput: 500 }),
      'params.volumes.0.throughput',
      /must be 0 for a io1 volume/,
    ],
    [
      'user data',
      { user_data: `#!/bin/sh\n${'x'.repeat(16000)}` },
      { user_data: 'x'.repeat(16385) },
      'params.user_data',
      /is 16385 bytes, over the 16384 bytes EC2 takes/,
    ],
  ])('Aws %s: a good value passes, a bad one is named', (_, good, bad, field, message) => {
    accepts(aws(good));
    refuses(aws(bad), field, message);
  });

  it.each<[string, Record<string, unknown>, Record<string, unknown>, string, RegExp]>([
    [
      'datacenter',
      { datacenter: 'nbg1-dc3' },
      { datacenter: 'nbg1' },
      'params.datacenter',
      /must be a Hetzner datacenter: nbg1-dc3, hel1-dc2/,
    ],
    [
      'server type',
      { server_type: 'cpx11' },
      { server_type: 'cx11' },
      'params.server_type',
      /must be a Hetzner server type: cpx11, .*, or Komodo's name for one \(got "cx11"\)/,
    ],
    [
      'volume format',
      hvolume({ format: 'ext4' }),
      hvolume({ format: 'btrfs' }),
      'params.volumes.0.format',
      /volume format: xfs, ext4/,
    ],
    [
      'volume size',
      hvolume({ size_gb: 10240 }),
      hvolume({ size_gb: 9 }),
      'params.volumes.0.size_gb',
      /between 10 and 10240 GB/,
    ],
    [
      'volume name',
      hvolume({ name: 'db-data' }),
      hvolume({ name: 'db data' }),
      'params.volumes.0.name',
      /must be 1 to 63 letters/,
    ],
    [
      'volume labels',
      hvolume({ labels: { tier: 'db' } }),
      hvolume({ labels: { 'hetzner.cloud/x': 'y' } }),
      'params.volumes.0.labels',
      /Hetzner's own/,
    ],
    [
      'labels',
      { labels: { 'example.com/env': 'prod' } },
      { labels: { env: 'pr od' } },
      'params.labels',
      /must be Hetzner labels: value "pr od"/,
    ],
    ['port', { port: 1 }, { port: 65536 }, 'params.port', /between 1 and 65535/],
    [
      'user data',
      { user_data: `#cloud-config\n#${'x'.repeat(32000)}` },
      { user_data: 'x'.repeat(32769) },
      'params.user_data',
      /over the 32768 bytes Hetzner takes/,
    ],
  ])('Hetzner %s: a good value passes, a bad one is named', (_, good, bad, field, message) => {
    accepts(hetzner(good));
    refuses(hetzner(bad), field, message);
  });

  it("takes Komodo's names for Hetzner's choices as well as Hetzner's", () => {
    accepts(hetzner({ datacenter: 'SingaporeDc1', server_type: 'SharedAmd2Core2Ram40Disk' }));
    accepts(hetzner({ datacenter: 'sin-dc1', server_type: 'ccx63' }));
  });

  it('still reports a wrong type before a range', () => {
    refuses(
      aws(volume({ size_gb: '20' })),
      'params.volumes.0.size_gb',
      /must be an integer \(got "20"\)/,
    );
    refuses(aws({ ami_id: 7 }), 'params.ami_id', /must be a string/);
  });
});
