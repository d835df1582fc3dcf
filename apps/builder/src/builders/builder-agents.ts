import { Ec2Instances, terminateEc2Instance, type InstanceTerminations } from '@monitor/cloud';
import type { AwsSettings } from '@monitor/config';
import type { Resource } from '@monitor/domain';
import type { ServerAgents } from '@monitor/executions';
import type { ReadModel } from '@monitor/projections';
import { ConfigSecrets } from '@monitor/resources';
import type { Keyring } from '@monitor/secrets';
import type { AcquiredAgent, AcquireOptions, BuilderLog } from './builder-agent';
import { AwsBuilderAgents, type AwsBuilderTiming } from './aws/aws-builder';
import { ServerBuilderAgents } from './server-builder';
import { UrlBuilderAgents, type UrlBuilderTiming } from './url-builder';

export interface BuilderTiming {
  url: UrlBuilderTiming;
  aws: AwsBuilderTiming;
}

/**
 * The agent a build runs on, by its Builder's type: a Server's agent, the agent at an Url, or a
 * single-use EC2 instance's. The builder's secrets (an Url's passkey, accounts' tokens) are
 * opened for this execution only and masked in its log from then on.
 */
export class BuilderAgents {
  private readonly secrets: ConfigSecrets;
  private readonly servers: ServerBuilderAgents;
  private readonly urls: UrlBuilderAgents;
  private readonly aws: AwsBuilderAgents;

  constructor(
    private readonly readModel: ReadModel,
    keyring: Keyring,
    serverAgents: ServerAgents,
    private readonly awsSettings: AwsSettings,
    private readonly terminations: InstanceTerminations,
    timing: BuilderTiming,
  ) {
    this.secrets = new ConfigSecrets(keyring);
    this.servers = new ServerBuilderAgents(readModel, serverAgents);
    this.urls = new UrlBuilderAgents(timing.url);
    this.aws = new AwsBuilderAgents(awsSettings, timing.aws, terminations);
  }

  /** Call `release` of the answer once the work is over, whatever its outcome. */
  acquire(
    builder: Resource<'Builder'>,
    log: BuilderLog,
    options: AcquireOptions = {},
  ): Promise<AcquiredAgent> {
    const config = this.secrets.open('Builder', builder.config, { add: (v) => log.secret(v) });
    switch (config.type) {
      case 'Server':
        return Promise.resolve(this.servers.acquire(builder, config.params));
      case 'Url':
        return this.urls.acquire(builder, config.params, log, options);
      case 'Aws':
        return this.aws.acquire(builder, config.params, log, options);
    }
  }

  /** Takes up the terminations left failing by a previous run of the service. */
  resumeTerminations(): void {
    this.terminations.resume((builderId, instanceId) => {
      const builder = this.readModel.resourceById('Builder', builderId);
      if (builder?.config.type !== 'Aws') return undefined;
      const { region } = builder.config.params;
      return () =>
        terminateEc2Instance(() => Ec2Instances.connect(this.awsSettings, region), instanceId);
    });
  }

  /** The service stops: retries end, their alerts stay open for the next start. */
  stopTerminations(): void {
    this.terminations.stop();
  }
}
