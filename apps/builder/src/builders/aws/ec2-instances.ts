import type { _InstanceType, EC2Client } from '@aws-sdk/client-ec2';
import type { AwsSettings } from '@monitor/config';
import type { AwsBuilderConfig } from '@monitor/domain';

/** Where the builder's instance stands, as DescribeInstances tells it. */
export interface InstanceState {
  state: string;
  privateIp?: string;
  publicIp?: string;
}

/** The device EBS gives the root volume on the usual Linux AMIs (Komodo's choice too). */
const ROOT_DEVICE = '/dev/sda1';

/**
 * The EC2 calls an Aws builder makes, through `@aws-sdk/client-ec2` in one region with the
 * core's credentials (static, from `[aws]`; never the SDK's default chain, so that what the core
 * may launch is what its config says). The SDK is loaded at the first Aws build, not at start.
 */
export class Ec2Instances {
  private constructor(
    private readonly client: EC2Client,
    private readonly sdk: typeof import('@aws-sdk/client-ec2'),
  ) {}

  static async connect(settings: AwsSettings, region: string): Promise<Ec2Instances> {
    const sdk = await import('@aws-sdk/client-ec2');
    const client = new sdk.EC2Client({
      region,
      endpoint: settings.endpoint || undefined,
      credentials: {
        accessKeyId: settings.access_key_id,
        secretAccessKey: settings.secret_access_key,
      },
    });
    return new Ec2Instances(client, sdk);
  }

  /** RunInstances of one instance; answers its id. */
  async launch(name: string, config: AwsBuilderConfig, userData: string): Promise<string> {
    const answer = await this.client.send(
      new this.sdk.RunInstancesCommand({
        ImageId: config.ami_id,
        // Any type EC2 names: the SDK's list grows with each release; the shape is checked when written.
        InstanceType: config.instance_type as _InstanceType,
        MinCount: 1,
        MaxCount: 1,
        KeyName: config.key_pair_name || undefined,
        // As Komodo: one interface, so that a public IP can be asked for.
        NetworkInterfaces: [
          {
            DeviceIndex: 0,
            SubnetId: config.subnet_id || undefined,
            AssociatePublicIpAddress: config.assign_public_ip,
            Groups: config.security_group_ids.length ? config.security_group_ids : undefined,
          },
        ],
        BlockDeviceMappings: [{ DeviceName: ROOT_DEVICE, Ebs: { VolumeSize: config.volume_gb } }],
        TagSpecifications: [{ ResourceType: 'instance', Tags: [{ Key: 'Name', Value: name }] }],
        UserData: Buffer.from(userData, 'utf8').toString('base64'),
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
    if (!instance) return undefined;
    return {
      state: instance.State?.Name ?? 'unknown',
      privateIp: instance.PrivateIpAddress,
      publicIp: instance.PublicIpAddress,
    };
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
