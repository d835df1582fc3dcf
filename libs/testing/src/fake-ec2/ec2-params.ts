import type { InstanceView } from './ec2-xml';

/** Reading the EC2 Query API's form parameters (`Name.1`, `Name.1.Sub`, ...) as the fake needs them. */

/** One BlockDeviceMapping as RunInstances asked for it. */
export interface FakeVolume {
  deviceName: string;
  sizeGb?: number;
  volumeType?: string;
  iops?: number;
  throughput?: number;
}

/** `Name.1`, `Name.2`, ... as the Query protocol serializes a list. */
export function list(params: Record<string, string>, name: string): string[] {
  const values: string[] = [];
  for (let i = 1; params[`${name}.${i}`] !== undefined; i++) values.push(params[`${name}.${i}`]);
  return values;
}

export function tagsOf(params: Record<string, string>): Record<string, string> {
  const tags: Record<string, string> = {};
  for (let s = 1; params[`TagSpecification.${s}.ResourceType`] !== undefined; s++) {
    const prefix = `TagSpecification.${s}.Tag`;
    for (let t = 1; params[`${prefix}.${t}.Key`] !== undefined; t++)
      tags[params[`${prefix}.${t}.Key`]] = params[`${prefix}.${t}.Value`] ?? '';
  }
  return tags;
}

export function volumesOf(params: Record<string, string>): FakeVolume[] {
  const volumes: FakeVolume[] = [];
  for (let i = 1; params[`BlockDeviceMapping.${i}.DeviceName`] !== undefined; i++) {
    const ebs = (field: string) => {
      const value = params[`BlockDeviceMapping.${i}.Ebs.${field}`];
      return value === undefined ? undefined : Number(value);
    };
    volumes.push({
      deviceName: params[`BlockDeviceMapping.${i}.DeviceName`],
      sizeGb: ebs('VolumeSize'),
      volumeType: params[`BlockDeviceMapping.${i}.Ebs.VolumeType`],
      iops: ebs('Iops'),
      throughput: ebs('Throughput'),
    });
  }
  return volumes;
}

/** What a RunInstances asks for, without what may differ between two tries of the same launch. */
export function launchKey(params: Record<string, string>): string {
  const { ClientToken: _token, ...rest } = params;
  return JSON.stringify(Object.entries(rest).sort(([a], [b]) => a.localeCompare(b)));
}

/** An instance as launched: what RunInstances asked for, user data decoded. */
export interface FakeInstance extends InstanceView {
  userData: string;
  /** The first BlockDeviceMapping's (the builder's root volume). */
  volumeGb?: number;
  deviceName?: string;
  volumes: FakeVolume[];
  associatePublicIp?: boolean;
}

export function instanceFrom(
  params: Record<string, string>,
  id: string,
  ips: { privateIp: string; publicIp?: string },
): FakeInstance {
  const nic = 'NetworkInterface.1.';
  const volumes = volumesOf(params);
  const associate = params[`${nic}AssociatePublicIpAddress`];
  return {
    id,
    imageId: params.ImageId ?? '',
    instanceType: params.InstanceType ?? '',
    state: 'pending',
    subnetId: params.SubnetId ?? params[`${nic}SubnetId`] ?? '',
    keyName: params.KeyName ?? '',
    privateIp: ips.privateIp,
    publicIp: ips.publicIp,
    securityGroupIds: [
      ...list(params, 'SecurityGroupId'),
      ...list(params, `${nic}SecurityGroupId`),
    ],
    tags: tagsOf(params),
    launchedAt: Date.now(),
    userData: Buffer.from(params.UserData ?? '', 'base64').toString('utf8'),
    volumeGb: volumes[0]?.sizeGb,
    deviceName: volumes[0]?.deviceName,
    volumes,
    associatePublicIp: associate === undefined ? undefined : associate === 'true',
    clientToken: params.ClientToken,
  };
}

/**
 * DescribeInstances' `Filter.N.Name` / `Filter.N.Value.M`, for the filters the fake reads:
 * `client-token`, `instance-state-name` and `tag:<key>`. Another filter throws (an answer 500).
 */
export function matchesFilters(params: Record<string, string>) {
  const filters: { name: string; values: string[] }[] = [];
  for (let i = 1; params[`Filter.${i}.Name`] !== undefined; i++)
    filters.push({ name: params[`Filter.${i}.Name`], values: list(params, `Filter.${i}.Value`) });
  const valueOf = (instance: FakeInstance, name: string): string | undefined => {
    if (name === 'client-token') return instance.clientToken;
    if (name === 'instance-state-name') return instance.state;
    if (name.startsWith('tag:')) return instance.tags[name.slice(4)];
    throw new Error(`the fake does not filter instances by ${name}`);
  };
  return (instance: FakeInstance) =>
    filters.every(({ name, values }) => values.includes(valueOf(instance, name) ?? '\0'));
}
