import {
  Ec2Instances,
  terminateEc2Instance,
  waitForInstanceRunning,
  type Ec2Account,
  type Ec2Launch,
} from '@monitor/cloud';
import { HETZNER_LAUNCH_LABEL, launchMark, type AwsServerTemplateConfig } from '@monitor/domain';
import { instanceWait, type CloudMachines, type LaunchTiming } from './cloud-machines';

/** A launch on EC2: one RunInstances with the ClientToken made from the Update id. */
export class AwsMachines implements CloudMachines {
  private readonly clientToken: string;

  private constructor(
    private readonly ec2: Ec2Instances,
    private readonly connect: () => Promise<Ec2Instances>,
    private readonly params: AwsServerTemplateConfig,
    private readonly serverName: string,
    private readonly updateId: string,
    private readonly timing: LaunchTiming,
  ) {
    this.clientToken = launchMark(updateId).clientToken;
  }

  static async open(
    account: Ec2Account,
    params: AwsServerTemplateConfig,
    serverName: string,
    updateId: string,
    timing: LaunchTiming,
  ): Promise<AwsMachines> {
    const connect = () => Ec2Instances.connect(account, params.region);
    return new AwsMachines(await connect(), connect, params, serverName, updateId, timing);
  }

  get description(): string {
    const p = this.params;
    return `RunInstances ${p.ami_id} (${p.instance_type}, ${p.region}) ClientToken ${this.clientToken}`;
  }

  async createVolumes(): Promise<void> {
    // EC2 creates the EBS volumes with the instance and deletes them with it.
  }

  launch(userData: string): Promise<string> {
    return this.ec2.launch(awsLaunch(this.params, this.serverName, this.updateId, userData));
  }

  async findLaunched(): Promise<string | undefined> {
    return (await this.ec2.findByClientToken(this.clientToken))?.id;
  }

  async waitRunning(instanceId: string): Promise<string> {
    const { ip } = await waitForInstanceRunning(
      this.ec2,
      instanceId,
      this.params.use_public_ip,
      instanceWait(this.timing),
    );
    return ip;
  }

  terminate(instanceId: string | undefined) {
    return async () =>
      instanceId ? terminateEc2Instance(this.connect, instanceId) : 'nothing to terminate';
  }

  close(): void {
    this.ec2.close();
  }
}

/** The template's fields as RunInstances takes them; 0 iops or throughput is AWS's default. */
export function awsLaunch(
  p: AwsServerTemplateConfig,
  serverName: string,
  updateId: string,
  userData: string,
): Ec2Launch {
  return {
    name: serverName,
    amiId: p.ami_id,
    instanceType: p.instance_type,
    ...(p.subnet_id ? { subnetId: p.subnet_id } : {}),
    securityGroupIds: p.security_group_ids,
    ...(p.key_pair_name ? { keyPairName: p.key_pair_name } : {}),
    assignPublicIp: p.assign_public_ip,
    volumes: p.volumes.map((v) => ({
      deviceName: v.device_name,
      sizeGb: v.size_gb,
      volumeType: v.volume_type,
      iops: v.iops,
      throughput: v.throughput,
    })),
    userData,
    clientToken: launchMark(updateId).clientToken,
    tags: { [HETZNER_LAUNCH_LABEL]: updateId },
  };
}
