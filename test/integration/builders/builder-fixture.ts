import { randomBytes } from 'node:crypto';
import { InstanceTerminations } from '@monitor/cloud';
import { AwsSettings } from '@monitor/config';
import type { Resource } from '@monitor/domain';
import { MemoryEventStore } from '@monitor/eventstore';
import { ExecutionRunner, ServerAgents, type ExecutionContext } from '@monitor/executions';
import { ReadModel } from '@monitor/projections';
import { ConfigSecrets, ResourceCommands, type CommandMeta } from '@monitor/resources';
import { Keyring } from '@monitor/secrets';
import { FakeEc2 } from '@monitor/testing';
import { StoredTerminationAlerts } from '../../../apps/builder/src/builders/aws/termination-alerts';
import type { AcquiredAgent } from '../../../apps/builder/src/builders/builder-agent';
import { BuilderAgents } from '../../../apps/builder/src/builders/builder-agents';
import { CapturingLogger } from '../../support/capturing-logger';

export const AWS_SECRET = 'aws-secret-access-key-for-tests-0123456789';
const meta: CommandMeta = { userId: 'u1', via: 'api', correlationId: 'c1' };

/**
 * The builder's agents wired as the service wires them, on a memory event store and a read
 * model, the EC2 calls going to a local EC2 endpoint through the real SDK.
 */
export async function builderFixture(
  timing: { launchTimeoutMs?: number; agentTimeoutMs?: number } = {},
) {
  const store = new MemoryEventStore();
  const readModel = new ReadModel();
  readModel.start(store);
  const keyring = Keyring.fromBase64(randomBytes(32).toString('base64'));
  const resources = new ResourceCommands(store, readModel, new ConfigSecrets(keyring));
  const runner = new ExecutionRunner(store, readModel);
  const ec2 = await FakeEc2.start({ runningAfterMs: 100 });
  const logger = new CapturingLogger();
  const settings = Object.assign(new AwsSettings(), {
    access_key_id: 'AKIATESTKEY',
    secret_access_key: AWS_SECRET,
    endpoint: ec2.endpoint,
  });
  /** The service's parts, as at a start: a restart makes them again on the same store. */
  const start = () => {
    const terminations = new InstanceTerminations(
      new StoredTerminationAlerts(store, readModel),
      { firstRetryMs: 50, maxRetryMs: 200 },
      logger,
    );
    const agents = new BuilderAgents(
      readModel,
      keyring,
      new ServerAgents(readModel, keyring),
      settings,
      terminations,
      {
        url: { agentTimeoutMs: 3_000, intervalMs: 50 },
        aws: {
          launchTimeoutMs: timing.launchTimeoutMs ?? 5_000,
          agentTimeoutMs: timing.agentTimeoutMs ?? 10_000,
          intervalMs: 50,
        },
      },
    );
    return { terminations, agents };
  };
  let { terminations, agents } = start();

  const create = async <K extends 'Builder' | 'Server'>(kind: K, name: string, config: object) => {
    const { id, position } = await resources.create(kind, { name, config }, meta);
    await readModel.waitFor(position);
    return readModel.resourceById(kind, id) as Resource<K>;
  };

  /** An execution on the builder: acquire, `work` with its agent, release whatever happened. */
  const run = async (
    builder: Resource<'Builder'>,
    work: (acquired: AcquiredAgent, context: ExecutionContext) => Promise<void>,
    signal?: AbortSignal,
  ) => {
    const started = await runner.start({
      operation: 'RunBuild',
      target: { type: 'Builder', id: builder.id },
      meta,
      work: async (context) => {
        const acquired = await agents.acquire(builder, context, { signal });
        try {
          await work(acquired, context);
        } finally {
          await acquired.release();
        }
      },
    });
    const success = await started.done;
    await readModel.waitFor(await store.headPosition());
    return { success, update: readModel.update(started.id)! };
  };

  /** Every event stored, as text: what must never hold a secret. */
  const storedText = async () => JSON.stringify(await store.readAll(0, 100_000));

  return {
    store,
    readModel,
    ec2,
    logger,
    terminations: () => terminations,
    /** The service stops (retries end, alerts stay open) and starts again, resuming them. */
    restart: () => {
      terminations.stop();
      ({ terminations, agents } = start());
      agents.resumeTerminations();
    },
    create,
    run,
    storedText,
    close: async () => {
      terminations.stop();
      await ec2.close();
      await readModel.stop();
      await store.close();
    },
  };
}
