import { randomBytes } from 'node:crypto';
import type { AgentAddress } from '@monitor/agent-client';
import type { AwsSettings } from '@monitor/config';
import { StageFailed } from '@monitor/executions';
import { builderUserData, invalid, type AwsBuilderConfig, type Resource } from '@monitor/domain';
import type { AcquiredAgent, AcquireOptions, BuilderLog } from '../builder-agent';
import { waitForAgent } from '../agent-ready';
import { waitUntil } from '../wait-until';
import { Ec2Instances } from './ec2-instances';
import type { InstanceTerminations } from './instance-terminations';

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
          launched.id = await ec2.launch(`BUILDER-${builder.name}`, config, userData);
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
    let last = 'pending';
    const state = await waitUntil(
      async () => {
        const found = await ec2.describe(id);
        last = found?.state ?? 'not found';
        if (found && GONE.includes(found.state))
          throw new InstanceGone(`instance ${id} is ${found.state}`);
        return found?.state === 'running' ? found : undefined;
      },
      (reason) => `instance ${id} was not running (${reason ?? `still ${last}`})`,
      {
        timeoutMs: this.timing.launchTimeoutMs,
        intervalMs: this.timing.intervalMs,
        signal: options.signal,
        isFinal: (error) => error instanceof InstanceGone,
      },
    );
    const ip = config.use_public_ip ? state.publicIp : state.privateIp;
    if (!ip)
      throw new Error(
        `instance ${id} has no ${config.use_public_ip ? 'public' : 'private'} IP address`,
      );
    return ip;
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
    const result = await this.terminations.terminate(connect, id, builder);
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

/** States an instance does not come back from to `running` by itself. */
const GONE = ['shutting-down', 'terminated', 'stopping', 'stopped'];

class InstanceGone extends Error {}

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
