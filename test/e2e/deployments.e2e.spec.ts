import Dockerode from 'dockerode';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  buildVariantImage,
  pushBusyboxImage,
  removeImageTags,
  startTestRegistry,
  type TestRegistry,
} from '@monitor/testing';
import { CapturingLogger } from '../support/capturing-logger';
import { startEmbedded, LOCAL_AGENT_ENV, type EmbeddedMonitor } from '../support/embedded';
import { eventually } from '../support/eventually';
import { completed as completedUpdate, type UpdateView as Update } from '../support/updates';
import { removeContainers } from '../support/leftovers';

describe('deployments: a container on a server, end to end', () => {
  const docker = new Dockerode({ socketPath: '/var/run/docker.sock' });
  const suffix = `${process.pid}`;
  const name = `e2e-web-${suffix}`;
  let monitor: EmbeddedMonitor;
  let registry: TestRegistry;
  let images: string[] = [];
  const logger = new CapturingLogger();

  const completed = (update: Update) => completedUpdate(monitor.admin, update);
  const deploy = async () =>
    completed(await monitor.admin.execute<Update>('Deploy', { deployment: name }));
  const state = async () =>
    (await monitor.admin.read<{ name: string; info: { state: string } }[]>('ListDeployments')).find(
      (d) => d.name === name,
    )?.info.state;
  const inspect = () => docker.getContainer(name).inspect();

  beforeAll(async () => {
    registry = await startTestRegistry();
    images = [
      await pushBusyboxImage(docker, registry.address, `app-${suffix}`, '1'),
      await pushBusyboxImage(docker, registry.address, `app-${suffix}`, '2'),
    ];
    // Deploys must pull them from the registry.
    await removeImageTags(docker, images);
    monitor = await startEmbedded(
      {
        ...LOCAL_AGENT_ENV,
        MONITOR_MONITORING_ENABLED: 'true',
        MONITOR_MONITORING_INTERVAL_MS: '400',
        MONITOR_MONITORING_IMAGE_UPDATE_INTERVAL_MS: '500',
      },
      undefined,
      logger,
    );
    await monitor.admin.write('CreateVariable', { name: 'GREETING', value: 'hello-variable' });
  }, 60_000);

  afterAll(async () => {
    await monitor?.destroy();
    await removeContainers(docker, name);
    await removeImageTags(docker, images).catch(() => undefined);
    await registry?.stop();
  }, 60_000);

  it('refuses invalid config naming the line, and deploys nothing', async () => {
    const bad = async (config: object, message: string) => {
      const answer = await monitor.admin.call<{ error: string }>('write', 'CreateDeployment', {
        name: `bad-${suffix}`,
        config,
      });
      expect(answer.status).toBe(400);
      expect(answer.body.error).toContain(message);
    };
    await bad({ ports: '8080:80\nabc:80' }, 'ports line 2');
    await bad({ ports: '70000:80' }, '70000');
    await bad({ volumes: 'relative/path' }, 'volumes line 1');
    await bad({ environment: 'GOOD=1\n1BAD=2' }, 'environment line 2');
    await bad({ restart: 'sometimes' }, 'restart');
    await bad({ custom_name: 'bad name!' }, 'custom_name');
    await bad({ extra_args: ['--gpus all'] }, "extra_args: '--gpus'");
    await bad({ extra_args: ['--memory lots'] }, "extra_args: --memory: 'lots' is not a size");
    expect((await monitor.admin.read<unknown[]>('ListDeployments')).length).toBe(0);
  });

  it('deploys, runs, logs, restarts, stops, starts, and a second Deploy replaces the container', async () => {
    await monitor.admin.write('CreateDeployment', {
      name,
      config: {
        server_id: 'local',
        image: { type: 'Image', params: { image: images[0] } },
        command: `/bin/sh -c "echo started-[[GREETING]]; trap 'exit 0' TERM; sleep 3600 & wait"`,
        environment: 'MODE=test\nGREETING_COPY=[[GREETING]]',
        labels: 'team: e2e',
        network: 'none',
        termination_timeout: 2,
        extra_args: ['--memory=64m', '--cap-add NET_ADMIN', '--init'],
      },
    });
    const first = await deploy();
    expect(first.success).toBe(true);
    expect(first.logs.map((l) => l.stage)).toEqual(
      expect.arrayContaining(['pull image', 'create container', 'start container']),
    );
    await eventually(async () => expect(await state()).toBe('running'));
    const container = await inspect();
    expect(container.Config.Env).toEqual(
      expect.arrayContaining(['MODE=test', 'GREETING_COPY=hello-variable']),
    );
    expect(container.Config.Labels.team).toBe('e2e');
    expect(container.HostConfig).toMatchObject({
      Memory: 64 * 2 ** 20,
      CapAdd: ['NET_ADMIN'],
      Init: true,
    });
    const log = await eventually(async () => {
      const l = await monitor.admin.read<{ stdout: string }>('GetDeploymentLog', {
        deployment: name,
        tail: 20,
      });
      expect(l.stdout).toContain('started-hello-variable');
      return l;
    });
    expect(log.stdout).toContain('started-hello-variable');

    for (const [operation, expected] of [
      ['RestartDeployment', 'running'],
      ['StopDeployment', 'exited'],
      ['StartDeployment', 'running'],
    ] as const) {
      const update = await completed(
        await monitor.admin.execute<Update>(operation, { deployment: name }),
      );
      expect([operation, update.success]).toEqual([operation, true]);
      await eventually(async () => expect(await state()).toBe(expected));
    }
    const before = (await inspect()).Id;
    expect((await deploy()).success).toBe(true);
    expect((await inspect()).Id).not.toBe(before);
  }, 60_000);

  it('fails a Deploy of an unknown image at the pull, leaving the old container running', async () => {
    const running = (await inspect()).Id;
    await monitor.admin.write('UpdateDeployment', {
      id: name,
      config: {
        image: { type: 'Image', params: { image: `${registry.address}/missing-${suffix}:1` } },
      },
    });
    const failed = await deploy();
    expect(failed.success).toBe(false);
    const pull = failed.logs.find((l) => l.stage === 'pull image');
    expect(pull?.success).toBe(false);
    expect(pull?.stderr).toContain('missing');
    expect(failed.logs.map((l) => l.stage)).not.toContain('start container');
    const still = await inspect();
    expect([still.Id, still.State.Running]).toEqual([running, true]);
  });

  it('runs two Deploys one after the other, never refusing the second as busy', async () => {
    await monitor.admin.write('UpdateDeployment', {
      id: name,
      config: { image: { type: 'Image', params: { image: images[1] } } },
    });
    const [a, b] = await Promise.all([
      monitor.admin.execute<Update>('Deploy', { deployment: name }),
      monitor.admin.execute<Update>('Deploy', { deployment: name }),
    ]);
    expect([a.status, b.status].sort()).toEqual(['InProgress', 'Queued']);
    // While one runs (two in a row last over half a second), the list says so.
    expect(await state()).toBe('deploying');
    const [first, second] = (await Promise.all([completed(a), completed(b)])).sort(
      (x, y) => x.logs[0].start_ts - y.logs[0].start_ts,
    );
    expect([first.success, second.success]).toEqual([true, true]);
    expect(second.logs[0].start_ts).toBeGreaterThanOrEqual(first.end_ts!);
  });

  it('rolls back to the image and config of the previous successful Deploy', async () => {
    expect((await inspect()).Config.Image).toBe(images[1]);
    await monitor.admin.write('UpdateDeployment', {
      id: name,
      config: { image: { type: 'Image', params: { image: images[0] } }, environment: 'MODE=v1' },
    });
    expect((await deploy()).success).toBe(true);
    expect((await inspect()).Config.Image).toBe(images[0]);
    const rolled = await completed(
      await monitor.admin.execute<Update>('RollbackDeployment', { deployment: name }),
    );
    expect(rolled.success).toBe(true);
    expect(rolled.operation).toBe('RollbackDeployment');
    const container = await inspect();
    expect(container.Config.Image).toBe(images[1]);
    expect(container.Config.Env).toContain('MODE=test');
    const config = await monitor.admin.read<{ config: { environment: string } }>('GetDeployment', {
      deployment: name,
    });
    expect(config.config.environment).toContain('MODE=test');
  });

  it('sees an external docker stop as exited and opens an alert', async () => {
    await eventually(async () => expect(await state()).toBe('running'));
    await new Promise((r) => setTimeout(r, 1200)); // past the window in which changes are ours
    await docker.getContainer(name).stop({ t: 1 });
    await eventually(async () => expect(await state()).toBe('exited'));
    const { _id } = await monitor.admin.read<{ _id: { $oid: string } }>('GetDeployment', {
      deployment: name,
    });
    const { alerts } = await eventually(async () => {
      const answer = await monitor.admin.read<{
        alerts: { data: { type: string; data: { from: string; to: string } } }[];
      }>('ListAlerts', {
        query: { 'target.id': _id.$oid },
      });
      expect(answer.alerts.length).toBeGreaterThan(0);
      return answer;
    });
    expect(alerts[0].data).toMatchObject({
      type: 'ContainerStateChange',
      data: { from: 'running', to: 'exited' },
    });
  });

  it('never shows a secret a Deploy used: not in Updates, logs, answers or the store', async () => {
    const secret = 'exec-secret-value-4711';
    const other = `e2e-secret-${suffix}`;
    await monitor.admin.write('CreateVariable', {
      name: 'EXEC_TOKEN',
      value: secret,
      is_secret: true,
    });
    await monitor.admin.write('CreateDeployment', {
      name: other,
      config: {
        server_id: 'local',
        image: { type: 'Image', params: { image: images[0] } },
        command: '/bin/sh -c "echo token=[[EXEC_TOKEN]]; sleep 3600"',
        environment: 'TOKEN=[[EXEC_TOKEN]]',
        network: 'none',
        termination_timeout: 1,
      },
    });
    try {
      const update = await completed(
        await monitor.admin.execute<Update>('Deploy', { deployment: other }),
      );
      expect(update.success).toBe(true);
      expect((await docker.getContainer(other).inspect()).Config.Env).toContain(`TOKEN=${secret}`);
      const log = await eventually(async () => {
        const l = await monitor.admin.read<{ stdout: string }>('GetDeploymentLog', {
          deployment: other,
          tail: 10,
        });
        expect(l.stdout).toContain('token=');
        return l;
      });
      expect(log.stdout).toContain('token=*****');
      const answers = [
        update,
        log,
        await monitor.admin.read('GetContainerLog', {
          server: 'local',
          container: other,
          tail: 10,
        }),
        await monitor.admin.read('SearchDeploymentLog', { deployment: other, terms: ['token'] }),
        await monitor.admin.read('ListUpdates'),
        await monitor.admin.read('GetDeployment', { deployment: other }),
        await monitor.admin.read('GetVariable', { name: 'EXEC_TOKEN' }),
      ];
      expect(JSON.stringify(answers)).not.toContain(secret);
      const store = readdirSync(monitor.dataDir)
        .filter((f) => f.startsWith('events'))
        .map((f) => readFileSync(join(monitor.dataDir, f)).toString('latin1'))
        .join('');
      expect(store).not.toContain(secret);
    } finally {
      await removeContainers(docker, other);
    }
  });

  it('fails a Deploy that names an unknown variable, before touching the container', async () => {
    const running = (await inspect()).Id;
    await monitor.admin.write('UpdateDeployment', {
      id: name,
      config: { environment: 'MODE=[[NO_SUCH_VARIABLE]]' },
    });
    const failed = await deploy();
    expect(failed.success).toBe(false);
    expect(failed.logs.map((l) => [l.stage, l.success])).toEqual([['prepare', false]]);
    expect(failed.logs[0].stderr).toContain("unknown variable 'NO_SUCH_VARIABLE'");
    expect((await inspect()).Id).toBe(running);
    await monitor.admin.write('UpdateDeployment', {
      id: name,
      config: { environment: 'MODE=test' },
    });
  });

  it('deploys by pattern in a batch, one answer per deployment', async () => {
    const batch = await monitor.admin.execute<{ status: string; data: Update }[]>('BatchDeploy', {
      pattern: 'e2e-web-*, \\^nothing$\\',
    });
    expect(batch.map((b) => [b.status, b.data.operation])).toEqual([['Ok', 'Deploy']]);
    expect((await completed(batch[0].data)).success).toBe(true);
    const bad = await monitor.admin.call<{ error: string }>('execute', 'BatchDeploy', {
      pattern: '\\(unclosed\\',
    });
    expect(bad.status).toBe(400);
    expect(logger.lines.join('\n')).not.toContain('exec-secret-value-4711');
  });

  it('shows a container whose health check fails as unhealthy, not running', async () => {
    const sick = `${name}-sick`;
    await monitor.admin.write('CreateDeployment', {
      name: sick,
      config: {
        server_id: 'local',
        image: { type: 'Image', params: { image: images[0] } },
        command: `/bin/sh -c "trap 'exit 0' TERM; sleep 3600 & wait"`,
        network: 'none',
        extra_args: ['--health-cmd false --health-interval 200ms --health-retries 1'],
      },
    });
    try {
      const deployed = await completed(
        await monitor.admin.execute<Update>('Deploy', { deployment: sick }),
      );
      expect(deployed.success).toBe(true);
      const sickState = async () =>
        (
          await monitor.admin.read<{ name: string; info: { state: string } }[]>('ListDeployments')
        ).find((d) => d.name === sick)?.info.state;
      await eventually(async () => expect(await sickState()).toBe('unhealthy'));
      expect((await docker.getContainer(sick).inspect()).State.Status).toBe('running');
    } finally {
      await removeContainers(docker, sick);
    }
  });

  it('pulls a private image with the registry account, and fails clearly without it', async () => {
    const token = `private-registry-token-${suffix}`;
    const auth = { username: 'puller', password: token };
    const privateRegistry = await startTestRegistry({ auth });
    const image = await pushBusyboxImage(
      docker,
      privateRegistry.address,
      `private-${suffix}`,
      '1',
      auth,
    );
    await removeImageTags(docker, [image]);
    const names = [`${name}-private`, `${name}-no-account`];
    try {
      await monitor.admin.write('CreateImageRegistryAccount', {
        account: { domain: privateRegistry.address, username: 'puller', token },
      });
      for (const [deployment, account] of [
        [names[0], 'puller'],
        [names[1], ''],
      ]) {
        await monitor.admin.write('CreateDeployment', {
          name: deployment,
          config: {
            server_id: 'local',
            image: { type: 'Image', params: { image } },
            image_registry_account: account,
            command: `/bin/sh -c "trap 'exit 0' TERM; sleep 3600 & wait"`,
            network: 'none',
          },
        });
      }
      const refused = await completed(
        await monitor.admin.execute<Update>('Deploy', { deployment: names[1] }),
      );
      expect(refused.success).toBe(false);
      expect(refused.logs.find((l) => l.stage === 'pull image')?.stderr).toMatch(
        /pull failed: .*(no basic auth credentials|unauthorized|authentication required)/,
      );
      const pulled = await completed(
        await monitor.admin.execute<Update>('Deploy', { deployment: names[0] }),
      );
      expect(pulled.success).toBe(true);
      expect(pulled.logs.find((l) => l.stage === 'pull image')?.stdout).toContain(
        `pulling as puller at ${privateRegistry.address}`,
      );
      expect(JSON.stringify([refused, pulled])).not.toContain(token);
    } finally {
      for (const container of names) {
        await removeContainers(docker, container);
      }
      await removeImageTags(docker, [image]).catch(() => undefined);
      await privateRegistry.stop();
    }
  });

  it("deploys a Build's image: its registry, organization and version", async () => {
    const built = await pushBusyboxImage(docker, registry.address, `team/built-${suffix}`, '1.2.3');
    await removeImageTags(docker, [built]);
    const deployment = `${name}-from-build`;
    await monitor.admin.write('CreateBuild', {
      name: `built-${suffix}`,
      config: { image_registry: [{ domain: registry.address, organization: 'team', account: '' }] },
    });
    await monitor.admin.write('CreateDeployment', {
      name: deployment,
      config: {
        server_id: 'local',
        image: {
          type: 'Build',
          params: { build_id: `built-${suffix}`, version: { major: 1, minor: 2, patch: 3 } },
        },
        command: `/bin/sh -c "trap 'exit 0' TERM; sleep 3600 & wait"`,
        network: 'none',
      },
    });
    try {
      const deployed = await completed(
        await monitor.admin.execute<Update>('Deploy', { deployment }),
      );
      expect(deployed.success).toBe(true);
      expect(deployed.logs.find((l) => l.stage === 'prepare')?.stdout).toContain(`image: ${built}`);
      expect((await docker.getContainer(deployment).inspect()).Config.Image).toBe(built);
    } finally {
      await removeContainers(docker, deployment);
      await removeImageTags(docker, [built]).catch(() => undefined);
    }
  });

  it('sees a newer image at the registry: an alert, or with auto_update a redeploy', async () => {
    const image = await pushBusyboxImage(docker, registry.address, `moving-${suffix}`, 'stable');
    const [watch, auto] = [`${name}-watch`, `${name}-auto`];
    const variant = `monitor-test/moving-variant-${suffix}:latest`;
    const info = async (deployment: string) =>
      (
        await monitor.admin.read<
          { name: string; info: { state: string; update_available: boolean } }[]
        >('ListDeployments')
      ).find((d) => d.name === deployment)?.info;
    const alertsOf = async (deployment: string) => {
      const { _id } = await monitor.admin.read<{ _id: { $oid: string } }>('GetDeployment', {
        deployment,
      });
      return (
        await monitor.admin.read<{ alerts: { resolved: boolean; data: { type: string } }[] }>(
          'ListAlerts',
          { query: { 'target.id': _id.$oid } },
        )
      ).alerts;
    };
    try {
      for (const [deployment, flags] of [
        [watch, { poll_for_updates: true }],
        [auto, { auto_update: true }],
      ] as const) {
        await monitor.admin.write('CreateDeployment', {
          name: deployment,
          config: {
            server_id: 'local',
            image: { type: 'Image', params: { image } },
            command: `/bin/sh -c "trap 'exit 0' TERM; sleep 3600 & wait"`,
            network: 'none',
            ...flags,
          },
        });
        const deployed = await completed(
          await monitor.admin.execute<Update>('Deploy', { deployment }),
        );
        expect(deployed.success).toBe(true);
        await eventually(async () => expect((await info(deployment))?.state).toBe('running'));
      }
      await new Promise((r) => setTimeout(r, 1200)); // a check finds nothing new
      expect((await info(watch))?.update_available).toBe(false);

      await buildVariantImage(docker, variant, suffix);
      await pushBusyboxImage(
        docker,
        registry.address,
        `moving-${suffix}`,
        'stable',
        undefined,
        variant,
      );
      const variantId = (await docker.getImage(variant).inspect()).Id;

      await eventually(async () => expect((await info(watch))?.update_available).toBe(true));
      await eventually(async () =>
        expect((await alertsOf(watch)).map((a) => a.data.type)).toContain(
          'DeploymentImageUpdateAvailable',
        ),
      );
      expect((await docker.getContainer(watch).inspect()).Image).not.toBe(variantId);

      await eventually(async () =>
        expect((await docker.getContainer(auto).inspect()).Image).toBe(variantId),
      );
      const redeploy = monitor.runtime.readModel
        .listUpdates((u) => u.operation === 'Deploy' && u.operator === 'auto-update')
        .at(0);
      expect(redeploy).toBeDefined();
      await eventually(async () =>
        expect((await alertsOf(auto)).map((a) => a.data.type)).toContain('DeploymentAutoUpdated'),
      );
      await eventually(async () => expect((await info(auto))?.update_available).toBe(false));
    } finally {
      for (const container of [watch, auto]) {
        await removeContainers(docker, container);
      }
      await removeImageTags(docker, [image, variant]).catch(() => undefined);
    }
  }, 60_000);

  it('destroys the container', async () => {
    const destroyed = await completed(
      await monitor.admin.execute<Update>('DestroyDeployment', { deployment: name }),
    );
    expect(destroyed.success).toBe(true);
    await expect(inspect()).rejects.toMatchObject({ statusCode: 404 });
    await eventually(async () => expect(await state()).toBe('not_deployed'));
  });
});
