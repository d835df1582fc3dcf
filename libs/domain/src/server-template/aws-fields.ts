import { type ValueProblem as Problem, shown } from './field-problem';
import type { AwsVolumeType } from './server-template.config';

/*
 * What a write checks of an Aws template, as problems: "must be …" to follow the field's path,
 * or undefined. Shapes are AWS's: a malformed value is refused here rather than by RunInstances.
 */

/** EC2's resource ids: a prefix, then 8 (older) or 17 hex digits. */
const ec2Id = (prefix: string) => new RegExp(`^${prefix}-(?:[0-9a-f]{8}|[0-9a-f]{17})$`);
const AMI_ID = ec2Id('ami');
const SUBNET_ID = ec2Id('subnet');
const SECURITY_GROUP_ID = ec2Id('sg');

/** `family.size`: t3.small, m7i-flex.large, u-6tb1.metal, m7i.metal-24xl. */
const INSTANCE_TYPE = /^[a-z][a-z0-9]*(?:-[a-z0-9]+)*\.[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** us-east-1, eu-central-2, us-gov-west-1, ap-southeast-4, us-isob-east-1. */
const REGION =
  /^[a-z]{2}(?:-gov|-iso[a-z]?)?-(?:central|north|south|east|west|northeast|northwest|southeast|southwest)-[1-9][0-9]?$/;

/** /dev/sda1, /dev/sdf, xvdh, /dev/xvdba: the names EC2 takes for a Linux block device. */
const DEVICE_NAME =
  /^(?:\/dev\/)?(?:sd[a-z]{1,2}[0-9]{0,2}|xvd[a-z]{1,2}[0-9]{0,2}|hd[a-z][0-9]{0,2})$/;

/** The AMI to launch, e.g. ami-0abcdef1234567890. Empty is unset (the launch requires it). */
export function amiIdProblem(value: string): Problem {
  return value === '' || AMI_ID.test(value)
    ? undefined
    : `must be an AMI id: ami- and 8 or 17 lowercase hex digits, e.g. ami-0abcdef1234567890 (got ${shown(value)})`;
}

export function instanceTypeProblem(value: string): Problem {
  return INSTANCE_TYPE.test(value) && value.length <= 64
    ? undefined
    : `must be an EC2 instance type: family.size, e.g. t3.small or m7i-flex.large (got ${shown(value)})`;
}

export function regionProblem(value: string): Problem {
  return REGION.test(value)
    ? undefined
    : `must be an AWS region, e.g. us-east-1 or eu-central-2 (got ${shown(value)})`;
}

/** Empty launches into the region's default VPC. */
export function subnetIdProblem(value: string): Problem {
  return value === '' || SUBNET_ID.test(value)
    ? undefined
    : `must be a subnet id: subnet- and 8 or 17 lowercase hex digits, e.g. subnet-0abc1234def567890 (got ${shown(value)})`;
}

export function securityGroupIdProblem(value: string): Problem {
  return SECURITY_GROUP_ID.test(value)
    ? undefined
    : `must be a security group id: sg- and 8 or 17 lowercase hex digits, e.g. sg-0abc1234def567890 (got ${shown(value)})`;
}

/** EC2 key pair names: up to 255 ASCII characters; empty launches with no key pair. */
export function keyPairNameProblem(value: string): Problem {
  return /^[\x20-\x7e]{0,255}$/.test(value)
    ? undefined
    : `must be at most 255 printable ASCII characters (got ${shown(value)})`;
}

export function deviceNameProblem(value: string): Problem {
  return DEVICE_NAME.test(value)
    ? undefined
    : `must be a device name such as /dev/sda1, /dev/sdf or xvdh (got ${shown(value)})`;
}

interface Range {
  min: number;
  max: number;
}

/**
 * EBS limits by volume type (GiB, IOPS, MiB/s) as AWS documents them since gp3 grew in 2025
 * (io2 is Block Express); no range: the type takes no such setting. The per-GiB ratios (gp3 500
 * IOPS/GiB, io1 50, io2 1000) are left to RunInstances, which refuses before anything runs.
 */
export const AWS_VOLUME_LIMITS: Record<
  AwsVolumeType,
  { size_gb: Range; iops?: Range; throughput?: Range }
> = {
  gp2: { size_gb: { min: 1, max: 16384 } },
  gp3: {
    size_gb: { min: 1, max: 65536 },
    iops: { min: 3000, max: 80000 },
    throughput: { min: 125, max: 2000 },
  },
  io1: { size_gb: { min: 4, max: 16384 }, iops: { min: 100, max: 64000 } },
  io2: { size_gb: { min: 4, max: 65536 }, iops: { min: 100, max: 256000 } },
};

type Limited = 'size_gb' | 'iops' | 'throughput';

/**
 * A volume's size, iops or throughput for its type; iops and throughput 0 take AWS's default.
 * An unknown type is its own field's problem, so it is not reported again here.
 */
export function volumeLimitProblem(type: string, field: Limited, value: number): Problem {
  if (!Object.hasOwn(AWS_VOLUME_LIMITS, type)) return undefined;
  const range = AWS_VOLUME_LIMITS[type as AwsVolumeType][field];
  if (field !== 'size_gb' && value === 0) return undefined;
  if (!range) return `must be 0 for a ${type} volume, which takes no ${field} (got ${value})`;
  if (value < range.min || value > range.max)
    return `must be between ${range.min} and ${range.max} for a ${type} volume${field === 'size_gb' ? '' : ', or 0 for the default'} (got ${value})`;
  return undefined;
}
