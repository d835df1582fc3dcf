import { randomBytes } from 'node:crypto';
import type { AgentAddress } from '@monitor/agent-client';
import type { AwsSettings } from '@monitor/config';
import { StageFailed } from '@monitor/executions';
import { builderUserData, invalid, type AwsBuilderConfig, type Resource } from '@monitor/domain';
import {
  Ec2Instances,
  terminateEc2Instance,
  waitForAgent,
  waitForInstanceRunning,
  type Ec2Launch,
  type InstanceTerminations,
} from '@monitor/cloud';
import type { AcquiredAgent, AcquireOptions, BuilderLog } from '../builder-agent';

export interface AwsBuilderTiming {
  /** How long the instance may stay pending. */
  launchTimeoutMs: number;
  /** How long its agent has, once running, to answer. */
  agentTimeoutMs: number;
  /** Between two DescribeInstances, or two calls to the agent. */
  intervalMs: number;
}

/**
 * An Aws builder launches a single-use EC2 instance per execution: its user data starts the
 * agent with a passkey made for this instance only; the build waits for `running` and for the
 * agent to answer (each with a timeout), and `release` terminates the instance whatever the
 * outcome. Every failure from RunInstances on terminates it too.
 */
export class AwsBuilderAgents {
  constructor(
    private readonly settings: AwsSettings,
    private readonly timing: AwsBuilderTiming,
    private readonly terminations: InstanceTerminations,
  ) {}

  async acquire(
    builder: Resource<'Builder'>,
    config: AwsBuilderConfig,
    log: BuilderLog,
    options: AcquireOptions = {},
  ): Promise<AcquiredAgent> {
    log.secret(this.settings.secret_access_key);
    if (!this.settings.access_key_id)
      throw invalid(
        "Aws builders need the core's AWS account: set [aws] access_key_id and secret_access_key in its config",
      );
    if (!config.ami_id)
      throw invalid(`Builder '${builder.name}' has no AMI`, { field: 'config.params.ami_id' });
    const passkey = randomBytes(32).toString('base64url');
    log.secret(passkey);
    const connect = () => Ec2Instances.connect(this.settings, config.region);
    const ec2 = await connect();
    // Filled in as the instance comes up: what to terminate, and where its agent listens.
    const launched = { id: '', ip: '' };
    try {
      await log.stage(
        'start build instance',
        `RunInstances ${config.ami_id} (${config.instance_type}, ${config.region})`,
        async () => {
          const userData = builderUserData({
            passkey,
            port: config.port,
            https: config.use_https,
            userData: config.user_data,
          });
          launched.id = await ec2.launch(
            builderLaunch(`BUILDER-${builder.name}`, config, userData),
          );
          launched.ip = await this.waitRunning(ec2, launched.id, config, options);
          return { stdout: startLog(launched.id, launched.ip, config) };
        },
      );
      const agent = await this.connectAgent(
        launched.id,
        launched.ip,
        config,
        passkey,
        log,
        options,
      );
      return {
        agent,
        where: `instance ${launched.id}`,
        release: once(() => this.release(connect, launched.id, builder, log)),
      };
    } catch (error) {
      if (launched.id) await this.release(connect, launched.id, builder, log);
      throw error;
    } finally {
      ec2.close();
    }
  }

  private async waitRunning(
    ec2: Ec2Instances,
    id: string,
    config: AwsBuilderConfig,
    options: AcquireOptions,
  ) {
    const running = await waitForInstanceRunning(ec2, id, config.use_public_ip, {
      timeoutMs: this.timing.launchTimeoutMs,
      intervalMs: this.timing.intervalMs,
      signal: options.signal,
    });
    return running.ip;
  }

  private async connectAgent(
    id: string,
    ip: string,
    config: AwsBuilderConfig,
    passkey: string,
    log: BuilderLog,
    options: AcquireOptions,
  ): Promise<AgentAddress> {
    const host = ip.includes(':') ? `[${ip}]` : ip;
    const address = `${config.use_https ? 'https' : 'http'}://${host}:${config.port}`;
    let connected: AgentAddress = { address, passkey, insecureTls: config.insecure_tls };
    await log.stage('connect to build instance', `GetVersion ${address}`, async () => {
      const answered = await waitForAgent(connected, `instance ${id} (${address})`, {
        timeoutMs: this.timing.agentTimeoutMs,
        intervalMs: this.timing.intervalMs,
        signal: options.signal,
      });
      connected = answered.agent;
      return { stdout: `the agent of instance ${id} answered: version ${answered.version}` };
    });
    return connected;
  }

  /** Terminates the instance; a failure is a failed stage, alerted and retried, not a rejection. */
  private async release(
    connect: () => Promise<Ec2Instances>,
    id: string,
    builder: Resource<'Builder'>,
    log: BuilderLog,
  ) {
    const result = await this.terminations.terminate(
      () => terminateEc2Instance(connect, id),
      id,
      builder,
    );
    await log
      .stage('terminate build instance', `TerminateInstances ${id}`, () =>
        Promise.resolve(
          result.terminated
            ? { stdout: `instance ${id} is ${result.state}` }
            : {
                stderr: `instance ${id} could not be terminated: ${result.error}. It may still be running (and billed): alert ${result.alertId} stays open until a retry terminates it`,
                success: false,
              },
        ),
      )
      // The failed stage is the log of it, and the alert its follow-up: nothing more to tell.
      .catch((error: unknown) => {
        if (!(error instanceof StageFailed)) throw error;
      });
  }
}

/** The builder's instance: one root volume, as Komodo's Aws builder launches it. */
export function builderLaunch(name: string, c: AwsBuilderConfig, userData: string): Ec2Launch {
  return {
    name,
    amiId: c.ami_id,
    instanceType: c.instance_type,
    subnetId: c.subnet_id,
    securityGroupIds: c.security_group_ids,
    keyPairName: c.key_pair_name,
    assignPublicIp: c.assign_public_ip,
    volumes: [{ deviceName: ROOT_DEVICE, sizeGb: c.volume_gb }],
    userData,
  };
}

/** The device EBS gives the root volume on the usual Linux AMIs (Komodo's choice too). */
const ROOT_DEVICE = '/dev/sda1';

function startLog(id: string, ip: string, c: AwsBuilderConfig): string {
  return [
    `instance id: ${id}`,
    `ip: ${ip}`,
    `ami id: ${c.ami_id}`,
    `instance type: ${c.instance_type}`,
    `volume size: ${c.volume_gb} GB`,
    `subnet id: ${c.subnet_id}`,
    `security groups: ${c.security_group_ids.join(', ')}`,
    `assign public ip: ${c.assign_public_ip}`,
    `use public ip: ${c.use_public_ip}`,
    `use https: ${c.use_https}`,
  ].join('\n');
}

function once(release: () => Promise<void>): () => Promise<void> {
  let done: Promise<void> | undefined;
  return () => (done ??= release());
}
