import Dockerode from 'dockerode';
import { BUSYBOX_TEST_IMAGE, removeContainer, startTestContainer } from '@monitor/testing';
import type { ApiClient } from '../../support/api';
import type { EmbeddedMonitor } from '../../support/embedded';
import { enabledUser, expectRefused, grant, startWithLocalAgent } from '../../support/security';
import { eventually } from '../../support/eventually';
import { completed, type UpdateView } from '../../support/updates';

type Failure = { error: string; code: string };

const SLEEPER = `/bin/sh -c "trap 'exit 0' TERM; sleep 3600 & wait"`;
const COMPOSE = `services:
  web:
    image: ${BUSYBOX_TEST_IMAGE}
    network_mode: none
    command: ["sh", "-c", "trap 'exit 0' TERM; while :; do sleep 0.2; done"]
`;

/**
 * Issue 11, finding 2: names are owned. Through a Deployment's container name, a Stack's
 * project, compose labels or a `container:` network, another user's containers were read,
 * stopped, replaced and destroyed. Each attack through the API fails with a clear 4xx, or its
 * execution fails without touching the victim's container; the legitimate uses still work.
 */
describe('security: container names, compose projects and labels are owned', () => {
  const docker = new Dockerode({ socketPath: '/var/run/docker.sock' });
  const suffix = `${process.pid}`;
  const victimContainer = `own-victim-${suffix}`;
  const victimDb = `own-db-${suffix}`;
  const victimProject = `own-shop-${suffix}`;
  const handMade = `own-by-hand-${suffix}`;
  let monitor: EmbeddedMonitor;
  let vera: ApiClient;
  let mallory: ApiClient;

  const refused = (
    client: ApiClient,
    request: string,
    params: object,
    status: number,
    message: RegExp,
  ) => expectRefused(client, 'write', request, params, status, message);
  const containerId = async (name: string) => (await docker.getContainer(name).inspect()).Id;
  const stillRuns = async (name: string, id: string) => {
    const info = await docker.getContainer(name).inspect();
    expect([info.Id, info.State.Running]).toEqual([id, true]);
  };
  const deployment = (name: string, config: object = {}) => ({
    name,
    config: {
      server_id: 'local',
      image: { type: 'Image', params: { image: BUSYBOX_TEST_IMAGE } },
      command: SLEEPER,
      network: 'none',
      termination_timeout: 1,
      ...config,
    },
  });
  const deploy = async (client: ApiClient, name: string) =>
    completed(client, await client.execute<UpdateView>('Deploy', { deployment: name }));
  const state = async (name: string) =>
    (await monitor.admin.read<{ name: string; info: { state: string } }[]>('ListDeployments')).find(
      (d) => d.name === name,
    )?.info.state;
  const projectContainers = async (project: string) =>
    docker.listContainers({
      all: true,
      filters: { label: [`com.docker.compose.project=${project}`] },
    });

  beforeAll(async () => {
    monitor = await startWithLocalAgent({
      MONITOR_MONITORING_ENABLED: 'true',
      MONITOR_MONITORING_INTERVAL_MS: '300',
    });
    const users: Record<string, ApiClient> = {};
    for (const name of ['vera', 'mallory']) {
      users[name] = (await enabledUser(monitor, name)).client;
      await grant(monitor.admin, name, { type: 'Server', id: 'local' }, 'Read', ['Attach']);
    }
    ({ vera, mallory } = users);
    await vera.write('CreateDeployment', deployment(victimContainer));
    await vera.write('CreateDeployment', deployment(victimDb));
    expect((await deploy(vera, victimContainer)).success).toBe(true);
    expect((await deploy(vera, victimDb)).success).toBe(true);
    await vera.write('CreateStack', {
      name: `own-shop-stack-${suffix}`,
      config: {
        server_id: 'local',
        project_name: victimProject,
        auto_pull: false,
        file_contents: COMPOSE,
      },
    });
    const stackUp = await vera.execute<UpdateView>('DeployStack', {
      stack: `own-shop-stack-${suffix}`,
    });
    expect((await completed(vera, stackUp)).success).toBe(true);
    await startTestContainer(docker, {
      name: handMade,
      cmd: ['sh', '-c', "trap 'exit 0' TERM; while :; do sleep 0.2; done"],
    });
  }, 120_000);

  afterAll(async () => {
    await monitor?.destroy();
    for (const name of [
      victimContainer,
      victimDb,
      handMade,
      `own-joiner-${suffix}`,
      `own-mal-proj-${suffix}-web-1`,
    ])
      await removeContainer(docker, name);
    for (const c of await projectContainers(victimProject)) await removeContainer(docker, c.Id);
  }, 60_000);

  it("refuses a Deployment that takes another's container name, on create, update and copy", async () => {
    const before = await containerId(victimContainer);
    const taken = new RegExp(
      `config\\.custom_name: the container name '${victimContainer}' is taken on this server by Deployment '${victimContainer}'`,
    );
    await refused(
      mallory,
      'CreateDeployment',
      deployment(`mal-web-${suffix}`, { custom_name: victimContainer }),
      409,
      taken,
    );
    await mallory.write('CreateDeployment', deployment(`mal-own-${suffix}`));
    await refused(
      mallory,
      'UpdateDeployment',
      { id: `mal-own-${suffix}`, config: { custom_name: victimContainer } },
      409,
      taken,
    );
    await mallory.write('UpdateDeployment', {
      id: `mal-own-${suffix}`,
      config: { server_id: '' },
    });
    // Off any server it claims nothing; pointing it back at the server with the name is refused.
    await mallory.write('UpdateDeployment', {
      id: `mal-own-${suffix}`,
      config: { custom_name: victimContainer },
    });
    await refused(
      mallory,
      'UpdateDeployment',
      { id: `mal-own-${suffix}`, config: { server_id: 'local' } },
      409,
      taken,
    );
    await mallory.write(
      'CreateDeployment',
      deployment(`mal-custom-${suffix}`, { custom_name: `mal-c-${suffix}` }),
    );
    await refused(
      mallory,
      'CopyDeployment',
      { id: `mal-custom-${suffix}`, name: `mal-copy-${suffix}` },
      409,
      new RegExp(
        `the container name 'mal-c-${suffix}' is taken on this server by Deployment 'mal-custom-${suffix}'`,
      ),
    );
    const names = (await monitor.admin.read<{ name: string }[]>('ListDeployments')).map(
      (d) => d.name,
    );
    expect(names).not.toContain(`mal-web-${suffix}`);
    expect(names).not.toContain(`mal-copy-${suffix}`);
    await stillRuns(victimContainer, before);
    await eventually(async () => expect(await state(victimContainer)).toBe('running'));
  });

  it("refuses a Stack with another stack's compose project, and the victim's stack keeps running", async () => {
    const before = (await projectContainers(victimProject)).map((c) => c.Id);
    expect(before).toHaveLength(1);
    await refused(
      mallory,
      'CreateStack',
      {
        name: `mal-stack-${suffix}`,
        config: { server_id: 'local', project_name: victimProject, file_contents: COMPOSE },
      },
      409,
      new RegExp(
        `config\\.project_name: the compose project '${victimProject}' is taken on this server by Stack 'own-shop-stack-${suffix}'`,
      ),
    );
    const after = await projectContainers(victimProject);
    expect(after.map((c) => [c.Id, c.State])).toEqual([[before[0], 'running']]);
  });

  it("does not pass another's containers off as a stack's services", async () => {
    const project = `own-mal-proj-${suffix}`;
    await mallory.write('CreateStack', {
      name: `mal-proj-stack-${suffix}`,
      config: { server_id: 'local', project_name: project, file_contents: COMPOSE },
    });
    await startTestContainer(docker, {
      name: `${project}-web-1`,
      cmd: ['sh', '-c', "trap 'exit 0' TERM; while :; do sleep 0.2; done"],
      labels: { 'com.docker.compose.project': project, 'monitor.stack': 'someone-else' },
    });
    const stackState = async () =>
      (await monitor.admin.read<{ name: string; info: { state: string } }[]>('ListStacks')).find(
        (s) => s.name === `mal-proj-stack-${suffix}`,
      )?.info.state;
    await eventually(async () => expect(await stackState()).toBe('down'));
    const stackDown = await mallory.execute<UpdateView>('DestroyStack', {
      stack: `mal-proj-stack-${suffix}`,
    });
    const destroyed = await completed(mallory, stackDown);
    expect(destroyed.success).toBe(false);
    expect(JSON.stringify(destroyed.logs)).toContain('it belongs to stack someone-else');
    expect((await docker.getContainer(`${project}-web-1`).inspect()).State.Running).toBe(true);
  }, 60_000);

  it("fails a Stack that reaches into another's container (network, pid, volumes_from), touching nothing", async () => {
    const before = await containerId(victimContainer);
    const compose = COMPOSE.replace(
      '    network_mode: none\n',
      `    network_mode: "container:${victimContainer}"\n    volumes_from: ["container:${victimContainer}"]\n`,
    );
    const project = `own-reach-${suffix}`;
    await mallory.write('CreateStack', {
      name: `mal-reach-${suffix}`,
      config: {
        server_id: 'local',
        project_name: project,
        auto_pull: false,
        file_contents: compose,
      },
    });
    const update = await completed(
      mallory,
      await mallory.execute<UpdateView>('DeployStack', { stack: `mal-reach-${suffix}` }),
    );
    expect(update.success).toBe(false);
    const config = update.logs.find((l) => l.stage === 'compose config');
    expect(config?.stderr).toContain(
      `service web: network_mode container:${victimContainer} joins only this stack's own containers; container '${victimContainer}' is not this stack's: it belongs to deployment`,
    );
    expect(config?.stderr).toContain(`service web: volumes_from container:${victimContainer}`);
    expect(await projectContainers(project)).toEqual([]);
    await stillRuns(victimContainer, before);
  }, 60_000);

  it("refuses compose's and Monitor's labels in a Deployment's labels and extra_args", async () => {
    for (const [labels, key] of [
      [`com.docker.compose.project=${victimProject}`, 'com.docker.compose.project'],
      ['com.docker.compose.service: web', 'com.docker.compose.service'],
      ['monitor.deployment=someone', 'monitor.deployment'],
      ['monitor.stack=someone', 'monitor.stack'],
    ]) {
      await refused(
        mallory,
        'CreateDeployment',
        deployment(`mal-labels-${suffix}`, { labels }),
        400,
        new RegExp(`labels line 1: '${key.replace(/\./g, '\\.')}' is reserved`),
      );
    }
    await refused(
      mallory,
      'CreateDeployment',
      deployment(`mal-labels-${suffix}`, { extra_args: [`--label monitor.stack=x`] }),
      400,
      /extra_args: --label is not taken here: set the field 'labels'/,
    );
  });

  it("refuses a container: network that joins no Deployment's container on the server", async () => {
    const [stackContainer] = await projectContainers(victimProject);
    for (const target of [handMade, stackContainer.Names[0].replace(/^\//, ''), 'nowhere']) {
      await refused(
        mallory,
        'CreateDeployment',
        deployment(`mal-join-${suffix}`, { network: `container:${target}` }),
        400,
        new RegExp(`config\\.network: 'container:${target}' joins no other Deployment's container`),
      );
    }
  });

  it("fails a Deploy whose container name is a hand-made or a stack's container, touching neither", async () => {
    const [stackContainer] = await projectContainers(victimProject);
    const stackName = stackContainer.Names[0].replace(/^\//, '');
    for (const [target, why] of [
      [handMade, 'has no Monitor label'],
      [stackName, 'it belongs to stack'],
    ]) {
      const before = await containerId(target);
      const name = `mal-${target}`;
      await mallory.write('CreateDeployment', deployment(name, { custom_name: target }));
      // Another's container of that name is not this deployment's state.
      await eventually(async () => expect(await state(name)).toBe('not_deployed'));
      const update = await deploy(mallory, name);
      expect(update.success).toBe(false);
      const failed = update.logs.find((l) => !l.success);
      expect(failed?.stderr).toContain(`container '${target}' is not this deployment's: `);
      expect(failed?.stderr).toContain(why);
      const log = await mallory.call<Failure>('read', 'GetDeploymentLog', { deployment: name });
      expect([log.status, log.body.error]).toEqual([409, expect.stringContaining(why)]);
      const stop = await completed(
        mallory,
        await mallory.execute<UpdateView>('DestroyDeployment', { deployment: name }),
      );
      expect(stop.success).toBe(false);
      await stillRuns(target, before);
    }
  }, 60_000);

  it("refuses joining another user's Deployment's container without Write on it", async () => {
    await refused(
      mallory,
      'CreateDeployment',
      deployment(`mal-join-db-${suffix}`, { network: `container:${victimDb}` }),
      403,
      new RegExp(`config\\.network: joining container '${victimDb}' .* you need Write on it`),
    );
    const names = (await monitor.admin.read<{ name: string }[]>('ListDeployments')).map(
      (d) => d.name,
    );
    expect(names).not.toContain(`mal-join-db-${suffix}`);
  });

  it("lets a Deployment join its owner's other Deployment's network", async () => {
    const joiner = `own-joiner-${suffix}`;
    await vera.write('CreateDeployment', deployment(joiner, { network: `container:${victimDb}` }));
    expect((await deploy(vera, joiner)).success).toBe(true);
    const info = await docker.getContainer(joiner).inspect();
    expect(info.HostConfig.NetworkMode).toBe(`container:${await containerId(victimDb)}`);
    // Renamed, the Deployment gives up its container name: the join is found again at each Deploy.
    await vera.write('RenameDeployment', { id: victimDb, name: `own-db-renamed-${suffix}` });
    const again = await deploy(vera, joiner);
    expect(again.success).toBe(false);
    expect(again.logs.find((l) => l.stage === 'prepare')?.stderr).toContain(
      `config.network: 'container:${victimDb}' joins no other Deployment's container on Server`,
    );
  }, 60_000);
});
