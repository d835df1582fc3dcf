import { randomBytes } from 'node:crypto';
import { InstanceTerminations } from '@monitor/cloud';
import { AwsSettings, HetznerSettings, MonitorConfig } from '@monitor/config';
import {
  cloudAccountDecider,
  type ServerTemplateConfig,
  type VariableValue,
} from '@monitor/domain';
import { MemoryEventStore } from '@monitor/eventstore';
import { ExecutionRunner } from '@monitor/executions';
import { ReadModel } from '@monitor/projections';
import {
  ConfigSecrets,
  handleCommand,
  newId,
  ResourceCommands,
  type CommandMeta,
} from '@monitor/resources';
import { Keyring } from '@monitor/secrets';
import { agentBootOf, FakeEc2, FakeHetzner } from '@monitor/testing';
import { startTestAgent, type TestAgent } from '../../../apps/periphery/src/testing/test-agent';
import {
  LaunchCleanupAlerts,
  LaunchCredentialsResolver,
  LaunchedServerRecorder,
  LaunchResume,
  ServerLaunch,
  type LaunchedServer,
  type LaunchTiming,
  type TemplateToLaunch,
} from '../../../apps/deployer/src/server-templates/launch';
import { CapturingLogger } from '../../support/capturing-logger';
import { launchedAgentConfig } from '../../support/fake-clouds';

export const AWS_KEY_ID = 'AKIALAUNCH0123456789';
export const AWS_SECRET = 'aws/secret+access+key+for+launch+tests+12';
export const HETZNER_TOKEN = randomBytes(32).toString('hex');
export const GREETING = 'hello-from-a-secret-variable';
export const meta: CommandMeta = { userId: 'u-launcher', via: 'api', correlationId: 'c-launch' };

const TIMING: LaunchTiming = {
  instanceTimeoutMs: 5_000,
  agentTimeoutMs: 3_000,
  intervalMs: 25,
  maxIntervalMs: 200,
};

/**
 * The deployer's launch parts as a service would wire them, on a memory event store, against
 * both fake clouds; a real agent starts from the decoded user data when a fake reports a
 * machine running (https with the launch's own certificate when the user data holds one).
 */
export async function launchFixture(options: { startAgents?: boolean } = {}) {
  const store = new MemoryEventStore();
  const readModel = new ReadModel();
  readModel.start(store);
  const keyring = Keyring.fromBase64(randomBytes(32).toString('base64'));
  const resources = new ResourceCommands(store, readModel, new ConfigSecrets(keyring));
  const runner = new ExecutionRunner(store, readModel);
  const ec2 = await FakeEc2.start({ runningAfterMs: 80, accessKeyId: AWS_KEY_ID });
  const hetzner = await FakeHetzner.start({
    runningAfterMs: 80,
    actionMs: 20,
    token: HETZNER_TOKEN,
  });
  const agents: TestAgent[] = [];
  const startAgent = async (userData: string) => {
    const boot = agentBootOf(userData);
    agents.push(await startTestAgent(launchedAgentConfig(boot)));
  };
  if (options.startAgents !== false) {
    ec2.onRunning((instance) => startAgent(instance.userData));
    hetzner.onRunning((server) => startAgent(server.userData));
  }
  const config = new MonitorConfig();
  config.aws = Object.assign(new AwsSettings(), {
    access_key_id: AWS_KEY_ID,
    secret_access_key: AWS_SECRET,
    endpoint: ec2.endpoint,
  });
  config.hetzner = Object.assign(new HetznerSettings(), {
    token: HETZNER_TOKEN,
    base_url: hetzner.baseUrl,
  });
  const logger = new CapturingLogger();
  const credentials = new LaunchCredentialsResolver(config, readModel, keyring);
  /** The deployer's parts, as at a start: a restart makes them again on the same store. */
  const start = () => {
    const terminations = new InstanceTerminations(
      new LaunchCleanupAlerts(store, readModel),
      { firstRetryMs: 50, maxRetryMs: 200 },
      logger,
    );
    const launch = new ServerLaunch({
      store,
      readModel,
      credentials,
      terminations,
      servers: new LaunchedServerRecorder(store, readModel, resources),
      timing: TIMING,
    });
    const resume = new LaunchResume(store, credentials, terminations, TIMING);
    return { terminations, launch, resume, credentials };
  };
  let parts = start();

  /** A Hetzner cloud account holding the token, sealed as the gateway stores it. */
  const addHetznerAccount = async (name: string) => {
    const id = newId();
    const account = {
      id,
      name,
      provider: 'Hetzner' as const,
      credentials: { token: keyring.seal(HETZNER_TOKEN) },
    };
    const { position } = await handleCommand(
      store,
      `cloudaccount-${id}`,
      cloudAccountDecider,
      { type: 'Create', account },
      meta,
    );
    await readModel.waitFor(position);
  };

  const lookup = (name: string): VariableValue | undefined =>
    name === 'GREETING' ? { value: GREETING, isSecret: true } : undefined;

  /** LaunchServer's execution: its Update, its stages, its outcome. */
  const launchServer = async (config: ServerTemplateConfig, serverName: string) => {
    const updateId = newId();
    const template: TemplateToLaunch = { id: 'tpl-' + updateId, name: 'template-1', config };
    let launched: LaunchedServer | undefined;
    const started = await runner.start({
      operation: 'LaunchServer',
      target: { type: 'ServerTemplate', id: template.id },
      meta: { ...meta, updateId },
      work: async (ctx) => {
        launched = await parts.launch.run(template, serverName, ctx, {
          updateId,
          meta,
          lookup,
        });
      },
    });
    const success = await started.done;
    return { updateId, success, launched, update: () => updateOf(updateId) };
  };

  const updateOf = async (id: string) => {
    await readModel.waitFor(await store.headPosition());
    return readModel.update(id)!;
  };

  return {
    store,
    readModel,
    keyring,
    ec2,
    hetzner,
    agents,
    logger,
    addHetznerAccount,
    launchServer,
    updateOf,
    get parts() {
      return parts;
    },
    restart() {
      parts.terminations.stop();
      parts = start();
      return parts;
    },
    async close() {
      parts.terminations.stop();
      await parts.terminations.idle();
      await Promise.all(agents.splice(0).map((agent) => agent.close()));
      await Promise.all([ec2.close(), hetzner.close()]);
      await readModel.stop();
    },
  };
}
