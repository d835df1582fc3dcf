import Dockerode from 'dockerode';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { BUSYBOX_TEST_IMAGE } from '@monitor/testing';
import type { ApiClient } from '../../support/api';
import type { EmbeddedMonitor } from '../../support/embedded';
import {
  expectRefused as refused,
  startSecurityScene,
  type SecurityScene,
} from '../../support/security';
import { completed, type UpdateView } from '../../support/updates';
import { removeContainers } from '../../support/leftovers';

type Named = { name: string };

/**
 * Issue 11, finding 1: what a config points at and what it asks of its host. Every attack is
 * made through the API by an ordinary user and must fail with a clear 4xx and change nothing;
 * the legitimate use beside it still works.
 */
describe('security: references need rights, root on a host needs Terminal', () => {
  const docker = new Dockerode({ socketPath: '/var/run/docker.sock' });
  const suffix = `${process.pid}`;
  const container = `sec-ref-${suffix}`;
  const volume = `sec-ref-data-${suffix}`;
  let monitor: EmbeddedMonitor;
  let admin: ApiClient;
  let users: SecurityScene['users'];
  let grant: SecurityScene['grant'];

  const names = async (request: string) => (await admin.read<Named[]>(request)).map((r) => r.name);

  beforeAll(async () => {
    ({ monitor, admin, users, grant } = await startSecurityScene([
      'mallory',
      'alice',
      'tom',
      'bob',
    ]));
    await grant('alice', 'Server', 'local', 'Read', ['Attach']);
    await grant('tom', 'Server', 'local', 'Read', ['Attach', 'Terminal']);
    await grant('bob', 'Server', 'local', 'Read');
    await admin.write('CreateRepo', { name: 'private-repo', config: { repo: 'acme/secret' } });
  }, 60_000);

  afterAll(async () => {
    await monitor?.destroy();
    await removeContainers(docker, container);
    await docker
      .getVolume(volume)
      .remove()
      .catch(() => undefined);
  });

  it('refuses a user without grants who points a Stack at a server to run a command as root', async () => {
    await refused(
      users.mallory,
      'write',
      'CreateStack',
      {
        name: 'root-me',
        config: { server_id: 'local', pre_deploy: { path: '', command: 'id', shell_mode: true } },
      },
      403,
      /config\.server_id: you need Attach \(with Read\) or Write on Server 'local'.*you have None, without Attach/,
    );
    expect(await names('ListStacks')).not.toContain('root-me');
  });

  it('refuses Read without Attach, and a linked Repo the user may not attach', async () => {
    await refused(
      users.bob,
      'write',
      'CreateDeployment',
      { name: 'bob-web', config: { server_id: 'local' } },
      403,
      /you have Read, without Attach/,
    );
    await refused(
      users.mallory,
      'write',
      'CreateStack',
      { name: 'steal-repo', config: { linked_repo: 'private-repo' } },
      403,
      /config\.linked_repo: .* on Repo 'private-repo'/,
    );
    expect(await names('ListDeployments')).not.toContain('bob-web');
    expect(await names('ListStacks')).not.toContain('steal-repo');
  });

  it("checks Komodo's field aliases as the fields they stand for", async () => {
    await refused(
      users.mallory,
      'write',
      'CreateDeployment',
      { name: 'aliased', config: { server: 'local' } },
      403,
      /config\.server_id: you need Attach \(with Read\) or Write on Server 'local'/,
    );
    await admin.write('CreateBuild', { name: 'private-build' });
    await refused(
      users.alice,
      'write',
      'CreateDeployment',
      {
        name: 'aliased',
        config: { server: 'local', image: { type: 'Build', params: { build: 'private-build' } } },
      },
      403,
      /config\.image\.params\.build_id: .* on Build 'private-build'/,
    );
    expect(await names('ListDeployments')).not.toContain('aliased');
  });

  it('lets a user with Attach deploy to that server', async () => {
    await users.alice.write('CreateDeployment', {
      name: container,
      config: {
        server_id: 'local',
        image: { type: 'Image', params: { image: BUSYBOX_TEST_IMAGE } },
        command: `/bin/sh -c "trap 'exit 0' TERM; sleep 3600 & wait"`,
        network: 'none',
        volumes: `${volume}:/data`,
        termination_timeout: 1,
      },
    });
    const update = await users.alice.execute<UpdateView>('Deploy', { deployment: container });
    expect((await completed(users.alice, update)).success).toBe(true);
    expect((await docker.getContainer(container).inspect()).State.Running).toBe(true);
  }, 60_000);

  it.each([
    ['a bind of /etc', { volumes: '/etc:/host-etc:ro' }, /volumes: binds \/etc/],
    ['the Docker socket', { volumes: '/var/run/docker.sock:/s' }, /binds the Docker socket/],
    ['privileged', { extra_args: ['--privileged'] }, /extra_args: --privileged/],
    ['a capability', { extra_args: ['--cap-add SYS_ADMIN'] }, /--cap-add SYS_ADMIN/],
    ["the host's network", { network: 'host' }, /network: uses the host's network/],
  ])('refuses %s to a user without Terminal, on create and update', async (_what, config, why) => {
    const root = new RegExp(`asks for what equals root on Server 'local'.*${why.source}.*Terminal`);
    await refused(
      users.alice,
      'write',
      'CreateDeployment',
      { name: `rooted-${suffix}`, config: { server_id: 'local', ...config } },
      403,
      root,
    );
    await refused(users.alice, 'write', 'UpdateDeployment', { id: container, config }, 403, root);
    expect(await names('ListDeployments')).not.toContain(`rooted-${suffix}`);
    const current = await admin.read<{ config: Record<string, unknown> }>('GetDeployment', {
      deployment: container,
    });
    expect(current.config).toMatchObject({ volumes: `${volume}:/data`, network: 'none' });
  });

  it("refuses a bind of Monitor's own data folder, where the login key lies", async () => {
    await refused(
      users.alice,
      'write',
      'UpdateDeployment',
      { id: container, config: { volumes: `${monitor.dataDir}:/monitor` } },
      403,
      new RegExp(`binds ${monitor.dataDir}`),
    );
  });

  it('reads a compose file written in the UI for what it asks of the host', async () => {
    const compose = 'services:\n  app:\n    image: x\n    privileged: true\n    pid: host\n';
    await refused(
      users.alice,
      'write',
      'CreateStack',
      { name: 'sneaky', config: { server_id: 'local', file_contents: compose } },
      403,
      /file_contents: service app: privileged: true; file_contents: service app: uses the host's pid/,
    );
    const plain = 'services:\n  app:\n    image: x\n';
    await users.alice.write('CreateStack', {
      name: 'plain',
      config: { server_id: 'local', file_contents: plain },
    });
  });

  it('reads compose files from the host or git when a deploy has put them in place', async () => {
    const stack = await users.alice.write<{ _id: { $oid: string } }>('CreateStack', {
      name: `on-host-${suffix}`,
      config: {
        server_id: 'local',
        files_on_host: true,
        auto_pull: false,
        project_name: `sec-host-${suffix}`,
      },
    });
    const folder = join(monitor.dataDir, 'periphery', 'stacks', stack._id.$oid);
    mkdirSync(folder, { recursive: true });
    const compose = (extra: string) =>
      writeFileSync(
        join(folder, 'compose.yaml'),
        `services:\n  app:\n    image: ${BUSYBOX_TEST_IMAGE}\n    command: sleep 3600\n    network_mode: none\n${extra}`,
      );
    compose('    volumes: ["/etc:/host-etc"]\n');
    const refusedDeploy = await completed(
      users.alice,
      await users.alice.execute<UpdateView>('DeployStack', { stack: `on-host-${suffix}` }),
    );
    expect(refusedDeploy.success).toBe(false);
    expect(refusedDeploy.logs.at(-1)).toMatchObject({ stage: 'host access', success: false });
    expect(refusedDeploy.logs.at(-1)?.stderr).toMatch(
      /compose\.yaml: service app: binds \/etc — and was last written by 'alice', who has no Terminal/,
    );
    expect(refusedDeploy.logs.map((l) => l.stage)).not.toContain('compose up');
    compose('');
    const deployed = await completed(
      users.alice,
      await users.alice.execute<UpdateView>('DeployStack', { stack: `on-host-${suffix}` }),
    );
    expect(deployed.success).toBe(true);
    const destroyed = await completed(
      users.alice,
      await users.alice.execute<UpdateView>('DestroyStack', { stack: `on-host-${suffix}` }),
    );
    expect(destroyed.success).toBe(true);
  }, 60_000);

  it("checks a deploy against its config writer's rights now, not when they wrote it", async () => {
    await users.tom.write('CreateDeployment', {
      name: `tom-cap-${suffix}`,
      config: {
        server_id: 'local',
        image: { type: 'Image', params: { image: BUSYBOX_TEST_IMAGE } },
        extra_args: ['--cap-add NET_ADMIN'],
      },
    });
    await grant('tom', 'Server', 'local', 'Read', ['Attach']);
    const failed = await completed(
      admin,
      await admin.execute<UpdateView>('Deploy', { deployment: `tom-cap-${suffix}` }),
    );
    expect(failed.logs.map((l) => [l.stage, l.success])).toEqual([['prepare', false]]);
    expect(failed.logs[0].stderr).toMatch(
      /--cap-add NET_ADMIN — and was last written by 'tom', who has no Terminal on that server/,
    );
    await grant('tom', 'Server', 'local', 'Read', ['Attach', 'Terminal']);
  }, 60_000);

  it('lets a user with Terminal use the host, and a server policy open part of it to others', async () => {
    await users.tom.write('CreateStack', {
      name: 'tom-stack',
      config: { server_id: 'local', pre_deploy: { path: '', command: 'id', shell_mode: true } },
    });
    await refused(
      users.alice,
      'write',
      'UpdateServer',
      { id: 'local', config: { user_bind_paths: ['/srv/shared'] } },
      403,
      /Write permission on Server 'local'/,
    );
    await admin.write('UpdateServer', {
      id: 'local',
      config: { user_bind_paths: ['/srv/shared'], user_host_powers: ['capabilities'] },
    });
    await users.alice.write('UpdateDeployment', {
      id: container,
      config: { volumes: '/srv/shared/alice:/data', extra_args: ['--cap-add NET_ADMIN'] },
    });
    await refused(
      users.alice,
      'write',
      'UpdateDeployment',
      { id: container, config: { volumes: '/srv/shared/../../etc:/data' } },
      403,
      /binds \/etc/,
    );
  });

  it('needs Terminal to change where the core sends its requests, or the policy', async () => {
    await grant('alice', 'Server', 'local', 'Write', ['Attach']);
    for (const config of [
      { address: 'http://127.0.0.1:1' },
      { passkey: 'guessed' },
      { user_host_powers: ['privileged'] },
    ]) {
      await refused(
        users.alice,
        'write',
        'UpdateServer',
        { id: 'local', config },
        403,
        /hands over its host, which needs Terminal on it/,
      );
    }
    await users.alice.write('UpdateServer', { id: 'local', config: { region: 'lab' } });
    const server = await admin.read<{ config: { address: string; user_host_powers: string[] } }>(
      'GetServer',
      { server: 'local' },
    );
    expect(server.config.address).toMatch(/^http:\/\/127\.0\.0\.1:\d+/);
    expect(server.config.address).not.toBe('http://127.0.0.1:1');
    expect(server.config.user_host_powers).toEqual(['capabilities']);
    await grant('alice', 'Server', 'local', 'Read', ['Attach']);
  });

  it('checks a copy as the caller creating the source config', async () => {
    await admin.write('CreateDeployment', {
      name: 'root-dep',
      config: { server_id: 'local', extra_args: ['--privileged'] },
    });
    await grant('mallory', 'Deployment', 'root-dep', 'Read');
    await grant('alice', 'Deployment', 'root-dep', 'Read');
    await refused(
      users.mallory,
      'write',
      'CopyDeployment',
      { id: 'root-dep', name: 'my-root' },
      403,
      /config\.server_id: you need Attach/,
    );
    await refused(
      users.alice,
      'write',
      'CopyDeployment',
      { id: 'root-dep', name: 'my-root' },
      403,
      /--privileged/,
    );
    expect(await names('ListDeployments')).not.toContain('my-root');
  });

  it("needs Write on another Deployment to join its container's network", async () => {
    await grant('bob', 'Server', 'local', 'Read', ['Attach']);
    await refused(
      users.bob,
      'write',
      'CreateDeployment',
      { name: 'spy', config: { server_id: 'local', network: `container:${container}` } },
      403,
      new RegExp(`joining container '${container}' reaches into Deployment '${container}'`),
    );
    await users.alice.write('CreateDeployment', {
      name: 'sidecar',
      config: { server_id: 'local', network: `container:${container}` },
    });
  });

  it('needs Logs beside Read to read a log, and gives creators Komodo’s specifics', async () => {
    await grant('bob', 'Deployment', container, 'Read');
    await refused(
      users.bob,
      'read',
      'GetDeploymentLog',
      { deployment: container },
      403,
      /you need Read permission and Logs on Deployment .* \(you have Read, without Logs\)/,
    );
    await grant('bob', 'Deployment', container, 'Read', ['Logs']);
    expect(
      (await users.bob.call('read', 'GetDeploymentLog', { deployment: container })).status,
    ).toBe(200);
    const own = await users.alice.read('GetPermission', {
      target: { type: 'Deployment', id: container },
    });
    expect(own).toEqual({ level: 'Write', specific: ['Inspect', 'Logs', 'Terminal'] });
    const inherited = await users.tom.read('GetPermission', {
      target: { type: 'Deployment', id: container },
    });
    expect(inherited).toEqual({ level: 'None', specific: ['Terminal'] });
  });

  it('lets only admins give every user a permission through base_permission', async () => {
    await refused(
      users.alice,
      'write',
      'UpdateResourceMeta',
      { target: { type: 'Deployment', id: container }, base_permission: 'Write' },
      403,
      /base_permission: only admins may give every user a permission/,
    );
    const current = await admin.read<{ base_permission: string }>('GetDeployment', {
      deployment: container,
    });
    expect(current.base_permission).toBe('None');
    await users.alice.write('UpdateResourceMeta', {
      target: { type: 'Deployment', id: container },
      description: 'still hers to describe',
    });
  });

  it('refuses a specific that means nothing on the kind, and lists grants with theirs', async () => {
    await refused(
      admin,
      'write',
      'UpdatePermissionOnTarget',
      {
        user_target: { type: 'User', id: 'bob' },
        resource_target: { type: 'Deployment', id: container },
        permission: { level: 'Read', specific: ['Attach'] },
      },
      400,
      /'Attach' is not a specific permission of a Deployment \(one of Inspect, Logs, Terminal\)/,
    );
    const grants = await admin.read<{ resource_target: { type: string }; specific: string[] }[]>(
      'ListUserTargetPermissions',
      { user_target: { type: 'User', id: 'tom' } },
    );
    expect(grants.find((g) => g.resource_target.type === 'Server')?.specific).toEqual([
      'Attach',
      'Terminal',
    ]);
  });
});
