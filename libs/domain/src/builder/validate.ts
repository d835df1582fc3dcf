import type { AwsBuilderConfig, UrlBuilderConfig } from './builder.config';

export interface BuilderFieldError {
  field: string;
  message: string;
}

/** EC2 resource ids: a prefix and 8 (older) or 17 hex digits. */
const ec2Id = (prefix: string) => new RegExp(`^${prefix}-(?:[0-9a-f]{8}|[0-9a-f]{17})$`);
const AMI_ID = ec2Id('ami');
const SUBNET_ID = ec2Id('subnet');
const SECURITY_GROUP_ID = ec2Id('sg');
/** `us-east-1`, `eu-central-2`, `us-gov-west-1`, `ap-southeast-4`, `cn-north-1`. */
const REGION = /^[a-z]{2}(?:-[a-z]+)+-\d{1,2}$/;
/** `c5.2xlarge`, `t4g.nano`, `m7i-flex.large`, `u-6tb1.metal`, `c7a.metal-48xl`. */
const INSTANCE_TYPE = /^[a-z][a-z0-9-]*\.[a-z0-9-]+$/;
/** EC2 key pair names: up to 255 ASCII characters. */
const KEY_PAIR_NAME = /^[\x20-\x7e]{1,255}$/;

/** EBS volume sizes: gp3's bounds, in GiB. */
export const VOLUME_GB_BOUNDS = { min: 1, max: 16_384 } as const;
/** EC2 takes 16 KB of user data; Monitor's start-up of the agent takes the rest. */
export const MAX_USER_DATA_BYTES = 15_000;
/** Security groups on one network interface (EC2's hard limit). */
export const MAX_SECURITY_GROUPS = 16;

/**
 * Problems in a Builder's config as written, field by field (`params.ami_id`, ...), before any
 * instance is launched or any agent called. Empty AWS ids pass (a builder not configured yet);
 * using such a builder fails then, naming the field. `changed` holds the whole `params` when
 * they are written (completeBuilderPatch), and `type` when it changes.
 */
export function validateBuilderConfig(changed: Record<string, unknown>): BuilderFieldError[] {
  const params = changed.params as Record<string, unknown> | undefined;
  if (!params) return [];
  // An update that keeps the variant changes `params` alone: their fields tell the variant.
  const type = changed.type ?? ('ami_id' in params ? 'Aws' : 'address' in params ? 'Url' : '');
  if (type === 'Url') return urlErrors(params as Partial<UrlBuilderConfig>);
  if (type === 'Aws') return awsErrors(params as Partial<AwsBuilderConfig>);
  return [];
}

function urlErrors({ address }: Partial<UrlBuilderConfig>): BuilderFieldError[] {
  if (!address) return [];
  const problem = agentAddressProblem(address);
  return problem ? [{ field: 'params.address', message: `params.address: ${problem}` }] : [];
}

/** Why `address` cannot be an agent's address (`http(s)://host:port`), or undefined. */
export function agentAddressProblem(address: string): string | undefined {
  let url: URL;
  try {
    url = new URL(address);
  } catch {
    return `'${address}' is not a URL (e.g. https://10.0.0.5:8120)`;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:')
    return `'${url.protocol}' is not http: or https:`;
  if (url.username || url.password) return 'must not hold a user or password';
  if (url.pathname !== '/' || url.search || url.hash)
    return 'must be a scheme, host and port only (no path, query or fragment)';
  return undefined;
}

function awsErrors(p: Partial<AwsBuilderConfig>): BuilderFieldError[] {
  const errors: BuilderFieldError[] = [];
  const add = (field: string, message: string) =>
    errors.push({ field: `params.${field}`, message: `params.${field}: ${message}` });
  const shaped = (field: keyof AwsBuilderConfig, value: unknown, rule: RegExp, example: string) => {
    if (typeof value === 'string' && value && !rule.test(value))
      add(field, `'${value}' is not ${example}`);
  };
  if (p.region !== undefined && !REGION.test(p.region))
    add('region', `'${p.region}' is not an AWS region (e.g. us-east-1)`);
  if (p.instance_type !== undefined && !INSTANCE_TYPE.test(p.instance_type))
    add('instance_type', `'${p.instance_type}' is not an EC2 instance type (e.g. c5.2xlarge)`);
  const { min, max } = VOLUME_GB_BOUNDS;
  if (
    p.volume_gb !== undefined &&
    !(Number.isInteger(p.volume_gb) && p.volume_gb >= min && p.volume_gb <= max)
  )
    add('volume_gb', `must be a whole number of GiB from ${min} to ${max} (got ${p.volume_gb})`);
  shaped('ami_id', p.ami_id, AMI_ID, 'an AMI id (ami- and 8 or 17 hex digits)');
  shaped('subnet_id', p.subnet_id, SUBNET_ID, 'a subnet id (subnet- and 8 or 17 hex digits)');
  shaped(
    'key_pair_name',
    p.key_pair_name,
    KEY_PAIR_NAME,
    'a key pair name (up to 255 ASCII characters)',
  );
  const groups = p.security_group_ids ?? [];
  if (groups.length > MAX_SECURITY_GROUPS)
    add(
      'security_group_ids',
      `at most ${MAX_SECURITY_GROUPS} security groups (got ${groups.length})`,
    );
  groups.forEach((id, i) =>
    shaped(
      'security_group_ids',
      id,
      SECURITY_GROUP_ID,
      `a security group id (sg- and 8 or 17 hex digits), at ${i}`,
    ),
  );
  if (
    p.user_data !== undefined &&
    new TextEncoder().encode(p.user_data).length > MAX_USER_DATA_BYTES
  )
    add(
      'user_data',
      `at most ${MAX_USER_DATA_BYTES} bytes (EC2 takes 16 KB, the agent's start-up included)`,
    );
  return errors;
}
