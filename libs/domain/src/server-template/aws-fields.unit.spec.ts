import {
  amiIdProblem,
  deviceNameProblem,
  instanceTypeProblem,
  keyPairNameProblem,
  regionProblem,
  securityGroupIdProblem,
  subnetIdProblem,
  volumeLimitProblem,
} from './aws-fields';

const ok = (problem: (v: string) => string | undefined, ...values: string[]) =>
  values.forEach((v) => expect([v, problem(v)]).toEqual([v, undefined]));
const bad = (problem: (v: string) => string | undefined, ...values: string[]) =>
  values.forEach((v) => expect([v, problem(v)]).toEqual([v, expect.stringMatching(/^must be/)]));

describe("an Aws template's fields", () => {
  it('AMI ids: ami- and 8 or 17 hex digits, or unset', () => {
    ok(amiIdProblem, 'ami-12345678', 'ami-0abcdef1234567890', '');
    bad(
      amiIdProblem,
      'ami-1234567',
      'ami-0ABCDEF1234567890',
      'ami-0abcdef123456789',
      'ubuntu',
      'ami-',
    );
    expect(amiIdProblem('ami-xyz')).toContain('(got "ami-xyz")');
  });

  it('instance types: family.size', () => {
    ok(
      instanceTypeProblem,
      't3.small',
      'm7i-flex.large',
      'u-6tb1.metal',
      'c5.2xlarge',
      'm7i.metal-24xl',
      'mac2-m2pro.metal',
    );
    bad(
      instanceTypeProblem,
      '',
      't3',
      'T3.small',
      't3.',
      '.small',
      't3 small',
      't3.small;rm',
      'm7i..large',
    );
  });

  it('regions', () => {
    ok(
      regionProblem,
      'us-east-1',
      'eu-central-2',
      'us-gov-west-1',
      'ap-southeast-4',
      'cn-northwest-1',
      'us-isob-east-1',
      'il-central-1',
    );
    bad(
      regionProblem,
      '',
      'us-east',
      'US-EAST-1',
      'us-middle-1',
      'useast1',
      'us-east-1a',
      'us-east-0',
    );
  });

  it('subnet and security group ids', () => {
    ok(subnetIdProblem, '', 'subnet-12345678', 'subnet-0abc1234def567890');
    bad(subnetIdProblem, 'subnet-xyz', 'sg-12345678', 'subnet-123456789');
    ok(securityGroupIdProblem, 'sg-12345678', 'sg-0abc1234def567890');
    bad(securityGroupIdProblem, '', 'sg-1', 'subnet-12345678', 'default');
  });

  it('key pair names: printable ASCII, 255 at most', () => {
    ok(keyPairNameProblem, '', 'my key', 'deploy-2026');
    bad(keyPairNameProblem, 'k'.repeat(256), 'bad\nname', 'clé');
  });

  it('device names', () => {
    ok(deviceNameProblem, '/dev/sda1', '/dev/sdf', 'xvdh', '/dev/xvdba', 'sdb');
    bad(deviceNameProblem, '', '/dev/', '/dev/nvme0n1', '/etc/passwd', 'sda1 ', '/dev/sda123');
  });

  it('sizes, iops and throughput within the volume type, 0 meaning the default', () => {
    expect(volumeLimitProblem('gp2', 'size_gb', 1)).toBeUndefined();
    expect(volumeLimitProblem('gp2', 'size_gb', 16384)).toBeUndefined();
    expect(volumeLimitProblem('gp2', 'size_gb', 16385)).toBe(
      'must be between 1 and 16384 for a gp2 volume (got 16385)',
    );
    expect(volumeLimitProblem('io1', 'size_gb', 2)).toMatch(/between 4 and 16384/);
    expect(volumeLimitProblem('gp2', 'size_gb', 0)).toMatch(/between 1/);
    expect(volumeLimitProblem('gp2', 'iops', 0)).toBeUndefined();
    expect(volumeLimitProblem('gp2', 'iops', 3000)).toBe(
      'must be 0 for a gp2 volume, which takes no iops (got 3000)',
    );
    expect(volumeLimitProblem('gp3', 'iops', 3000)).toBeUndefined();
    expect(volumeLimitProblem('gp3', 'iops', 2999)).toBe(
      'must be between 3000 and 80000 for a gp3 volume, or 0 for the default (got 2999)',
    );
    expect(volumeLimitProblem('io2', 'iops', 256000)).toBeUndefined();
    expect(volumeLimitProblem('io1', 'iops', 64001)).toMatch(/between 100 and 64000/);
    expect(volumeLimitProblem('gp3', 'throughput', 125)).toBeUndefined();
    expect(volumeLimitProblem('gp3', 'throughput', 2001)).toMatch(/between 125 and 2000/);
    expect(volumeLimitProblem('io1', 'throughput', 500)).toMatch(/must be 0 for a io1 volume/);
    expect(volumeLimitProblem('st1', 'iops', 500)).toBeUndefined();
  });
});
