import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Dockerode from 'dockerode';
import type { Types } from 'komodo_client';
import {
  BUSYBOX_TEST_IMAGE,
  buildVariantImage,
  ensureBusyboxImage,
  pushBusyboxImage,
  removeImageTags,
  startTestRegistry,
} from '@monitor/testing';
import { startEmbedded, LOCAL_AGENT_ENV, type EmbeddedMonitor } from '../support/embedded';
import { eventually } from '../support/eventually';
import { completed as completedUpdate, type UpdateView as Update } from '../support/updates';
import { destroyStack, removeComposeProject } from '../support/leftovers';

const COMPOSE = `services:
  web:
    image: ${BUSYBOX_TEST_IMAGE}
    command: ["/bin/sh", "-c", "trap 'exit 0' TERM; echo web says $$GREETING; sleep 3600 & wait"]
    network_mode: none
    environment:
      GREETING: \${GREETING}
  worker:
    image: ${BUSYBOX_TEST_IMAGE}
    command: ["/bin/sh", "-c", "trap 'exit 0' TERM; echo worker up; sleep 3600 & wait"]
    network_mode: none
`;

describe('stacks from compose text: deploy, state, restart, stop, destroy', () => {
  const docker = new Dockerode({ socketPath: '/var/run/docker.sock' });
  const project = `e2e-stack-${process.pid}`;
  let monitor: EmbeddedMonitor;

  const completed = (update: Update) => completedUpdate(monitor.admin, update);
  const run = async (request: string, params: object = {}) =>
    completed(await monitor.admin.execute<Update>(request, { stack: 'two-services', ...params }));
  /** The stack's state as polling saw it, from `ListStacks`. */
  const stackState = async () =>
    (await monitor.admin.read<{ name: string; info: { state: string } }[]>('ListStacks', {})).find(
      (s) => s.name === 'two-services',
    )?.info.state;
  const services = () =>
    monitor.admin.read<Types.ListStackServicesResponse>('ListStackServices', {
      stack: 'two-services',
    });

  beforeAll(async () => {
    await ensureBusyboxImage(docker);
    monitor = await startEmbedded({
      ...LOCAL_AGENT_ENV,
      MONITOR_MONITORING_ENABLED: 'true',
      MONITOR_MONITORING_INTERVAL_MS: '400',
      MONITOR_MONITORING_IMAGE_UPDATE_INTERVAL_MS: '500',
    });
    await monitor.admin.write('CreateVariable', {
      name: 'STACK_TOKEN',
      value: 'stack-secret-0815',
      is_secret: true,
    });
    await monitor.admin.write('CreateVariable', {
      name: 'STACK_GREETING',
      value: 'hello-from-stack',
    });
  }, 60_000);
  afterAll(async () => {
    // Done before the store closes, so the Update is recorded and nothing is left running.
    await destroyStack(monitor?.admin, 'two-services');
    await monitor?.destroy();
    await removeComposeProject(docker, project);
  });

  it('deploys a two-service stack written in the UI and reports both running', async () => {
    await monitor.admin.write('CreateStack', {
      name: 'two-services',
      config: {
        server_id: 'local',
        project_name: project,
        // The test image is only on this host: no pull (which would ask docker.io).
        auto_pull: false,
        file_contents: COMPOSE,
        environment: 'GREETING=[[STACK_GREETING]] [[STACK_TOKEN]]',
      },
    });
    const deployed = await run('DeployStack');
    expect(deployed.success).toBe(true);
    await eventually(async () => {
      const list = await services();
      expect(list.map((s) => [s.service, s.state])).toEqual([
        ['web', 'Running'],
        ['worker', 'Running'],
      ]);
    });
    const log = await eventually(async () => {
      const l = await monitor.admin.read<{ stdout: string }>('GetStackLog', {
        stack: 'two-services',
        tail: 20,
      });
      expect(l.stdout).toContain('web says hello-from-stack');
      return l;
    });
    expect(log.stdout).toContain('worker up');
    await eventually(async () => expect(await stackState()).toBe('running'));
    expect(await monitor.admin.read('GetStacksSummary')).toMatchObject({ total: 1, running: 1 });
    expect(await monitor.admin.read('GetServersSummary')).toMatchObject({ total: 1 });
    expect(log.stdout).toContain('hello-from-stack *****');
    const found = await monitor.admin.read<{ stdout: string }>('SearchStackLog', {
      stack: 'two-services',
      terms: ['says', 'up'],
      combinator: 'Or',
    });
    expect(found.stdout.split('\n').filter(Boolean).length).toBe(2);
    expect(found.stdout).not.toContain('stack-secret-0815');
    const none = await monitor.admin.read<{ stdout: string }>('SearchStackLog', {
      stack: 'two-services',
      services: ['worker'],
      terms: ['says'],
    });
    expect(none.stdout).toBe('');
    expect(JSON.stringify([log, deployed])).not.toContain('stack-secret-0815');
  });

  it("lists the stack's services as Komodo's StackService: the container nested", async () => {
    const stack = await monitor.admin.read<Types.Stack>('GetStack', { stack: 'two-services' });
    const [web, worker] = await services();
    expect(web).toEqual({
      stack_id: stack._id?.$oid,
      stack_name: 'two-services',
      service: 'web',
      image: BUSYBOX_TEST_IMAGE,
      state: 'Running',
      container: {
        name: expect.stringContaining('web'),
        id: expect.stringMatching(/^[0-9a-f]{64}$/),
        image: BUSYBOX_TEST_IMAGE,
        state: 'running',
        status: expect.stringMatching(/^Up /),
      },
    });
    expect([worker.service, worker.state, worker.container?.state]).toEqual([
      'worker',
      'Running',
      'running',
    ]);
  });

  it('sees an external docker stop of one service as unhealthy and opens an alert', async () => {
    await new Promise((r) => setTimeout(r, 1200)); // past the window in which changes are ours
    const [worker] = await docker.listContainers({
      filters: {
        label: [`com.docker.compose.project=${project}`, 'com.docker.compose.service=worker'],
      },
    });
    await docker.getContainer(worker.Id).stop({ t: 1 });
    await eventually(async () => expect(await stackState()).toBe('unhealthy'));
    const { _id } = await monitor.admin.read<{ _id: { $oid: string } }>('GetStack', {
      stack: 'two-services',
    });
    const { alerts } = await eventually(async () => {
      const answer = await monitor.admin.read<{
        alerts: { data: { type: string; data: { from: string; to: string } } }[];
      }>('ListAlerts', { query: { 'target.id': _id.$oid } });
      expect(answer.alerts.length).toBeGreaterThan(0);
      return answer;
    });
    expect(alerts[0].data).toMatchObject({
      type: 'StackStateChange',
      data: { from: 'running', to: 'unhealthy' },
    });
  });

  it('restarts, stops and destroys', async () => {
    expect((await run('RestartStack')).success).toBe(true);
    expect((await run('StopStack')).success).toBe(true);
    await eventually(async () =>
      expect((await services()).map((s) => s.state)).toEqual(['Exited', 'Exited']),
    );
    await eventually(async () => expect(await stackState()).toBe('stopped'));
    expect((await run('DestroyStack')).success).toBe(true);
    await eventually(async () => expect(await services()).toEqual([]));
    await eventually(async () => expect(await stackState()).toBe('down'));
  });

  it('deploys files already on the host, from its run directory', async () => {
    const created = await monitor.admin.write<{ _id: { $oid: string } }>('CreateStack', {
      name: 'on-host',
      config: {
        server_id: 'local',
        project_name: `${project}-host`,
        auto_pull: false,
        files_on_host: true,
        run_directory: 'ops',
        file_paths: ['app.yml'],
        // A secrets tool's place: it gets the variable, the log shows it masked.
        compose_cmd_wrapper: 'echo wrapped-[[STACK_TOKEN]] >&2 && [[COMPOSE_COMMAND]]',
        additional_env_files: [{ path: 'extra.env', track: true }],
        config_files: [{ path: 'web.conf', services: ['web'], requires: 'Restart' }],
      },
    });
    const missing = await completed(
      await monitor.admin.execute<Update>('DeployStack', { stack: 'on-host' }),
    );
    expect(missing.success).toBe(false);
    expect(missing.logs.at(-1)?.stderr).toBe(
      "files not found in 'ops': app.yml, extra.env, web.conf",
    );

    const folder = join(monitor.dataDir, 'periphery', 'stacks', created._id.$oid, 'ops');
    mkdirSync(folder, { recursive: true });
    writeFileSync(
      join(folder, 'app.yml'),
      COMPOSE.split('  worker:')[0].replace('${GREETING}', '${HOST_GREETING}'),
    );
    writeFileSync(join(folder, 'extra.env'), 'HOST_GREETING=from-extra-env\n');
    writeFileSync(join(folder, 'web.conf'), 'listen 80\n');
    const deployed = await completed(
      await monitor.admin.execute<Update>('DeployStack', { stack: 'on-host' }),
    );
    expect(deployed.success).toBe(true);
    const up = deployed.logs.find((l) => l.stage === 'compose up')!;
    expect(up.command).toMatch(/^sh -c /);
    expect(up.stderr).toContain('wrapped-*****');
    expect(JSON.stringify(deployed)).not.toContain('stack-secret-0815');
    const config = deployed.logs.find((l) => l.stage === 'compose config')!;
    expect(config.command).not.toMatch(/^sh -c /);
    const list = await monitor.admin.read<Types.ListStackServicesResponse>('ListStackServices', {
      stack: 'on-host',
    });
    expect(list.map((s) => [s.service, s.state])).toEqual([['web', 'Running']]);
    const [web] = await docker.listContainers({
      filters: { label: [`com.docker.compose.project=${project}-host`] },
    });
    const env = (await docker.getContainer(web.Id).inspect()).Config.Env;
    expect(env.some((e) => e.endsWith('from-extra-env'))).toBe(true);
    const { info } = await monitor.admin.read<{
      info: { deployed_contents: { path: string }[] };
    }>('GetStack', { stack: 'on-host' });
    expect(info.deployed_contents.map((f) => f.path)).toEqual(['app.yml', 'extra.env', 'web.conf']);

    // A config file changed alone: what it requires (a restart of web), not a deploy.
    writeFileSync(join(folder, 'web.conf'), 'listen 8080\n');
    const ifChanged = () =>
      monitor.admin
        .execute<Update>('DeployStackIfChanged', { stack: 'on-host' })
        .then((u) => completed(u));
    const restarted = await ifChanged();
    expect(restarted.success).toBe(true);
    const stages = restarted.logs.map((l) => l.stage);
    expect(stages).toContain('compose restart');
    expect(stages).not.toContain('compose up');
    expect(restarted.logs.find((l) => l.stage === 'check for changes')?.stdout).toContain(
      'config files changed since the last deploy: web.conf\nrecreate: none\nrestart: web',
    );
    const again = await ifChanged();
    expect(again.logs.find((l) => l.stage === 'check for changes')?.stdout).toMatch(
      /nothing changed/,
    );
    expect((await run('DestroyStack', { stack: 'on-host' })).success).toBe(true);
  });

  it('pulls from a private registry with the registry account, and fails without it', async () => {
    const token = `stack-registry-token-${process.pid}`;
    const auth = { username: 'puller', password: token };
    const registry = await startTestRegistry({ auth });
    const image = await pushBusyboxImage(
      docker,
      registry.address,
      `team/stack-app-${process.pid}`,
      '1',
      auth,
    );
    await removeImageTags(docker, [image]);
    const compose = `services:\n  app:\n    image: ${image}\n    network_mode: none\n    command: ["/bin/sh", "-c", "trap 'exit 0' TERM; sleep 3600 & wait"]\n`;
    const stacks = [`${project}-private`, `${project}-no-account`];
    try {
      await monitor.admin.write('CreateImageRegistryAccount', {
        account: { domain: registry.address, username: 'puller', token },
      });
      for (const [name, account] of [
        [stacks[0], 'puller'],
        [stacks[1], ''],
      ]) {
        await monitor.admin.write('CreateStack', {
          name,
          config: {
            server_id: 'local',
            file_contents: compose,
            registry_provider: registry.address,
            registry_account: account,
          },
        });
      }
      const refused = await completed(
        await monitor.admin.execute<Update>('DeployStack', { stack: stacks[1] }),
      );
      expect(refused.success).toBe(false);
      const pulled = await completed(
        await monitor.admin.execute<Update>('DeployStack', { stack: stacks[0] }),
      );
      expect(pulled.success).toBe(true);
      expect(pulled.logs.find((l) => l.stage === 'compose pull')?.stderr).not.toMatch(
        /pull failed/,
      );
      expect(JSON.stringify([refused, pulled])).not.toContain(token);
      expect((await run('DestroyStack', { stack: stacks[0] })).success).toBe(true);
    } finally {
      for (const stack of stacks) {
        await removeComposeProject(docker, stack);
      }
      await removeImageTags(docker, [image]).catch(() => undefined);
      await registry.stop();
    }
  });

  it('answers reads of a stack without a server 400, and of one out of reach 503', async () => {
    await monitor.admin.write('CreateServer', {
      name: 'gone',
      config: { address: 'http://127.0.0.1:1', enabled: true },
    });
    await monitor.admin.write('CreateStack', { name: 'serverless', config: {} });
    await monitor.admin.write('CreateStack', {
      name: 'unreachable',
      config: { server_id: 'gone' },
    });
    const none = await monitor.admin.call<{ error: string }>('read', 'GetStackLog', {
      stack: 'serverless',
    });
    expect(none.status).toBe(400);
    expect(none.body.error).toContain('set config.server_id');
    const away = await monitor.admin.call<{ error: string }>('read', 'ListStackServices', {
      stack: 'unreachable',
    });
    expect(away.status).toBe(503);
    expect(away.body.error).toContain("server 'gone' is unreachable");
  });

  it('sees newer service images: an alert per service, or with auto_update a redeploy', async () => {
    const registry = await startTestRegistry();
    const image = await pushBusyboxImage(
      docker,
      registry.address,
      `stack-moving-${process.pid}`,
      'stable',
    );
    const variant = `monitor-test/stack-variant-${process.pid}:latest`;
    const compose = `services:\n  app:\n    image: ${image}\n    network_mode: none\n    command: ["/bin/sh", "-c", "trap 'exit 0' TERM; sleep 3600 & wait"]\n`;
    const [watch, auto] = [`${project}-watch`, `${project}-auto`];
    const info = async (stack: string) =>
      (
        await monitor.admin.read<
          { name: string; info: { state: string; services: { update_available: boolean }[] } }[]
        >('ListStacks', {})
      ).find((s) => s.name === stack)?.info;
    const appImage = async (stack: string) => {
      const [app] = await docker.listContainers({
        filters: { label: [`com.docker.compose.project=${stack}`] },
      });
      return app ? (await docker.getContainer(app.Id).inspect()).Image : undefined;
    };
    try {
      for (const [stack, flags] of [
        [watch, { poll_for_updates: true }],
        [auto, { auto_update: true }],
      ] as const) {
        await monitor.admin.write('CreateStack', {
          name: stack,
          config: { server_id: 'local', file_contents: compose, ...flags },
        });
        expect((await run('DeployStack', { stack })).success).toBe(true);
        await eventually(async () => expect((await info(stack))?.state).toBe('running'));
      }
      await buildVariantImage(docker, variant, `stack-${process.pid}`);
      await pushBusyboxImage(
        docker,
        registry.address,
        `stack-moving-${process.pid}`,
        'stable',
        undefined,
        variant,
      );
      const variantId = (await docker.getImage(variant).inspect()).Id;

      await eventually(async () =>
        expect((await info(watch))?.services[0].update_available).toBe(true),
      );
      const { _id } = await monitor.admin.read<{ _id: { $oid: string } }>('GetStack', {
        stack: watch,
      });
      await eventually(async () => {
        const { alerts } = await monitor.admin.read<{ alerts: { data: { type: string } }[] }>(
          'ListAlerts',
          { query: { 'target.id': _id.$oid } },
        );
        expect(alerts.map((a) => a.data.type)).toContain('StackImageUpdateAvailable');
      });
      expect(await appImage(watch)).not.toBe(variantId);
      await eventually(async () => expect(await appImage(auto)).toBe(variantId));
      await eventually(async () =>
        expect((await info(auto))?.services[0].update_available).toBe(false),
      );
    } finally {
      for (const stack of [watch, auto]) {
        await run('DestroyStack', { stack }).catch(() => undefined);
      }
      await removeImageTags(docker, [image, variant]).catch(() => undefined);
      await registry.stop();
    }
  }, 60_000);

  it("fails a stack whose compose text is invalid, with compose's own error", async () => {
    await monitor.admin.write('CreateStack', {
      name: 'broken',
      config: {
        server_id: 'local',
        project_name: `${project}-broken`,
        auto_pull: false,
        file_contents: 'services:\n  web:\n    image: [unclosed',
      },
    });
    const failed = await completed(
      await monitor.admin.execute<Update>('DeployStack', { stack: 'broken' }),
    );
    expect(failed.success).toBe(false);
    const errors = failed.logs
      .filter((l) => l.stderr)
      .map((l) => l.stderr)
      .join('\n');
    expect(errors.length).toBeGreaterThan(0);
  });
});
