import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import type { INestApplicationContext } from '@nestjs/common';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Ec2Instances } from '@monitor/cloud';
import { loadConfig } from '@monitor/config';
import { defaultAwsBuilderConfig } from '@monitor/domain';
import { ConfigSecrets, ResourceCommands, systemMeta } from '@monitor/resources';
import { createRuntime, RuntimeModule, type Runtime } from '@monitor/runtime';
import { FakeEc2 } from '@monitor/testing';
import { builderLaunch } from './aws/aws-builder';
import { StoredTerminationAlerts } from './aws/termination-alerts';
import { BuilderAgents } from './builder-agents';
import { BuildersModule } from './builders.module';

describe('BuildersModule, started as the builder service starts it', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'monitor-builders-'));
  let ec2: FakeEc2;
  let runtime: Runtime;
  let app: INestApplicationContext | undefined;

  beforeAll(async () => {
    ec2 = await FakeEc2.start();
    const config = loadConfig({
      MONITOR_DATA_DIR: dataDir,
      MONITOR_EVENT_STORE_KIND: 'memory',
      MONITOR_AWS_ACCESS_KEY_ID: 'AKIAMODULE',
      MONITOR_AWS_SECRET_ACCESS_KEY: 'module-secret-0123456789',
      MONITOR_AWS_ENDPOINT: ec2.endpoint,
      MONITOR_AWS_TERMINATION_RETRY_MS: '100',
    });
    runtime = await createRuntime(config);
  });
  afterAll(async () => {
    await app?.close();
    await runtime.close();
    await ec2.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('provides BuilderAgents from the config, and at start retries the terminations left failing', async () => {
    const builder = await new ResourceCommands(
      runtime.store,
      runtime.readModel,
      new ConfigSecrets(runtime.keyring),
    ).create(
      'Builder',
      { name: 'aws', config: { type: 'Aws', params: { region: 'eu-north-1' } } },
      systemMeta(),
    );
    await runtime.readModel.waitFor(builder.position);
    // A previous run left an instance it could not terminate, and its alert open.
    const previous = await Ec2Instances.connect(runtime.config.aws, 'eu-north-1');
    const instanceId = await previous.launch(
      builderLaunch('BUILDER-aws', { ...defaultAwsBuilderConfig(), ami_id: 'ami-12345678' }, ''),
    );
    previous.close();
    const alerts = new StoredTerminationAlerts(runtime.store, runtime.readModel);
    const alertId = await alerts.open({ id: builder.id }, instanceId, 'UnauthorizedOperation');

    app = await NestFactory.createApplicationContext(
      { module: class Root {}, imports: [RuntimeModule.forRoot(runtime), BuildersModule] },
      { logger: false },
    );
    await app.init();
    expect(app.get(BuilderAgents)).toBeInstanceOf(BuilderAgents);
    await waitFor(() => runtime.readModel.alerts.alert(alertId)?.resolved === true);
    expect(ec2.instances.get(instanceId)?.state).toBe('shutting-down');
    expect(ec2.callsOf('TerminateInstances')[0]).toMatchObject({
      accessKeyId: 'AKIAMODULE',
      region: 'eu-north-1',
    });
  });
});

async function waitFor(condition: () => boolean, timeoutMs = 5_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error('timed out');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}
