import type { _InstanceType, EC2Client, Instance, VolumeType } from '@aws-sdk/client-ec2';

/** The AWS account the calls are signed with (the core's `[aws]`, or a cloud account). */
export interface Ec2Account {
  access_key_id: string;
  secret_access_key: string;
  /** Another endpoint than AWS's (tests point it at a local fake). */
  endpoint?: string;
}

/** One EBS volume of the instance. */
export interface Ec2Volume {
  /** `/dev/sda1` is the root volume of the usual Linux AMIs. */
  deviceName: string;
  sizeGb: number;
  /** gp2, gp3, io1, io2, ...; AWS's default when absent. */
  volumeType?: string;
  /** 0 or absent: AWS's default. */
  iops?: number;
  throughput?: number;
}

/** What RunInstances launches: one instance, as Komodo launches it. */
export interface Ec2Launch {
  /** Its `Name` tag. */
  name: string;
  amiId: string;
  instanceType: string;
  subnetId?: string;
  securityGroupIds: string[];
  keyPairName?: string;
  assignPublicIp: boolean;
  volumes: Ec2Volume[];
  userData: string;
  /**
   * EC2's idempotency token (at most 64 ASCII characters): a RunInstances repeated with the
   * same token answers the instance the first one started, never a second one.
   */
  clientToken?: string;
  /** More tags than `Name`, e.g. to find the instance again. */
  tags?: Record<string, string>;
}

/** Where an instance stands, as DescribeInstances tells it. */
export interface InstanceState {
  state: string;
  privateIp?: string;
  publicIp?: string;
}

const MAX_CLIENT_TOKEN = 64;

/**
 * The EC2 calls Monitor makes (an Aws builder's instance, a ServerTemplate's launch), through
 * `@aws-sdk/client-ec2` in one region with static credentials (never the SDK's default chain,
 * so that what the core may launch is what its config says). The SDK is loaded at the first
 * launch, not at start.
 */
export class Ec2Instances {
  private constructor(
    private readonly client: EC2Client,
    private readonly sdk: typeof import('@aws-sdk/client-ec2'),
  ) {}

  static async connect(account: Ec2Account, region: string): Promise<Ec2Instances> {
    const sdk = await import('@aws-sdk/client-ec2');
    const client = new sdk.EC2Client({
      region,
      endpoint: account.endpoint || undefined,
      credentials: {
        accessKeyId: account.access_key_id,
        secretAccessKey: account.secret_access_key,
      },
    });
    return new Ec2Instances(client, sdk);
  }

  /** RunInstances of one instance; answers its id. */
  async launch(launch: Ec2Launch): Promise<string> {
    if (launch.clientToken !== undefined && !/^[\x21-\x7e]{1,64}$/.test(launch.clientToken))
      throw new Error(`a ClientToken is 1 to ${MAX_CLIENT_TOKEN} printable ASCII characters`);
    const tags = { ...launch.tags, Name: launch.name };
    const answer = await this.client.send(
      new this.sdk.RunInstancesCommand({
        ImageId: launch.amiId,
        // Any type EC2 names: the SDK's list grows with each release; the shape is checked when written.
        InstanceType: launch.instanceType as _InstanceType,
        MinCount: 1,
        MaxCount: 1,
        ClientToken: launch.clientToken,
        KeyName: launch.keyPairName || undefined,
        // As Komodo: one interface, so that a public IP can be asked for.
        NetworkInterfaces: [
          {
            DeviceIndex: 0,
            SubnetId: launch.subnetId || undefined,
            AssociatePublicIpAddress: launch.assignPublicIp,
            Groups: launch.securityGroupIds.length ? launch.securityGroupIds : undefined,
          },
        ],
        BlockDeviceMappings: launch.volumes.map((volume) => ({
          DeviceName: volume.deviceName,
          Ebs: {
            VolumeSize: volume.sizeGb,
            VolumeType: (volume.volumeType || undefined) as VolumeType | undefined,
            Iops: volume.iops || undefined,
            Throughput: volume.throughput || undefined,
          },
        })),
        TagSpecifications: [
          {
            ResourceType: 'instance',
            Tags: Object.entries(tags).map(([Key, Value]) => ({ Key, Value })),
          },
        ],
        UserData: Buffer.from(launch.userData, 'utf8').toString('base64'),
      }),
    );
    const id = answer.Instances?.[0]?.InstanceId;
    if (!id) throw new Error('RunInstances answered no instance');
    return id;
  }

  async describe(id: string): Promise<InstanceState | undefined> {
    const answer = await this.client.send(
      new this.sdk.DescribeInstancesCommand({ InstanceIds: [id] }),
    );
    const instance = answer.Reservations?.[0]?.Instances?.[0];
    return instance && stateOf(instance);
  }

  /**
   * The instance a RunInstances with this ClientToken started, if any: how a launch that ended
   * unclearly (a restart before its instance id was recorded) finds it without launching.
   */
  async findByClientToken(token: string): Promise<(InstanceState & { id: string }) | undefined> {
    const answer = await this.client.send(
      new this.sdk.DescribeInstancesCommand({
        Filters: [{ Name: 'client-token', Values: [token] }],
      }),
    );
    const instance = answer.Reservations?.flatMap((r) => r.Instances ?? [])[0];
    return instance?.InstanceId ? { id: instance.InstanceId, ...stateOf(instance) } : undefined;
  }

  /** TerminateInstances; answers the state it moved to. */
  async terminate(id: string): Promise<string> {
    const answer = await this.client.send(
      new this.sdk.TerminateInstancesCommand({ InstanceIds: [id] }),
    );
    return answer.TerminatingInstances?.[0]?.CurrentState?.Name ?? 'unknown';
  }

  close(): void {
    this.client.destroy();
  }
}

function stateOf(instance: Instance): InstanceState {
  return {
    state: instance.State?.Name ?? 'unknown',
    privateIp: instance.PrivateIpAddress,
    publicIp: instance.PublicIpAddress,
  };
}

/** Connects, terminates `id` and closes: one attempt, for `InstanceTerminations`. */
export async function terminateEc2Instance(
  connect: () => Promise<Ec2Instances>,
  id: string,
): Promise<string> {
  const ec2 = await connect();
  try {
    return await ec2.terminate(id);
  } finally {
    ec2.close();
  }
}
