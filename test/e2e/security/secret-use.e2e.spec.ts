import Dockerode from 'dockerode';
import { BUSYBOX_TEST_IMAGE } from '@monitor/testing';
import type { ApiClient } from '../../support/api';
import type { EmbeddedMonitor } from '../../support/embedded';
import { enabledUser, grant, startWithLocalAgent } from '../../support/security';
import { completed, type UpdateView } from '../../support/updates';

type Failure = { error: string };

/**
 * Issue 11, finding 3 by permission: a user who may put `[[SECRET]]` into a config can print it
 * in a form no mask knows, so using a secret variable needs a grant, checked when the config
 * is written and again when it runs, against whoever last wrote it.
 */
describe('security: secret variables are used by permission', () => {
  const docker = new Dockerode({ socketPath: '/var/run/docker.sock' });
  const secret = 'use-me-only-with-a-grant-9931';
  const container = `sec-use-${process.pid}`;
  let monitor: EmbeddedMonitor;
  let admin: ApiClient;
  let alice: ApiClient;
  let bob: ApiClient;

  const grantUse = (user_target: { type: string; id: string }, use: boolean) =>
    admin.write('UpdateVariablePermission', { name: 'DB_PASSWORD', user_target, use });
  const deploy = async (client: ApiClient) =>
    completed(client, await client.execute<UpdateView>('Deploy', { deployment: container }));
  const env = async () => (await docker.getContainer(container).inspect()).Config.Env;
  const config = (environment: string) => ({
    server_id: 'local',
    image: { type: 'Image', params: { image: BUSYBOX_TEST_IMAGE } },
    command: `/bin/sh -c "trap 'exit 0' TERM; sleep 3600 & wait"`,
    network: 'none',
    environment,
    termination_timeout: 1,
  });

  beforeAll(async () => {
    monitor = await startWithLocalAgent();
    admin = monitor.admin;
    alice = (await enabledUser(monitor, 'alice')).client;
    bob = (await enabledUser(monitor, 'bob')).client;
    for (const user of ['alice', 'bob'])
      await grant(admin, user, { type: 'Server', id: 'local' }, 'Read', ['Attach']);
    await admin.write('CreateVariable', { name: 'DB_PASSWORD', value: secret, is_secret: true });
    await admin.write('CreateVariable', { name: 'DB_HOST', value: 'db.internal' });
  }, 60_000);

  afterAll(async () => {
    await monitor?.destroy();
    await docker
      .getContainer(container)
      .remove({ force: true })
      .catch(() => undefined);
  });

  it('refuses a secret in a config its writer may not use, and takes public variables', async () => {
    const answer = await alice.call<Failure>('write', 'CreateDeployment', {
      name: container,
      config: config('HOST=[[DB_HOST]]\nPASSWORD=[[DB_PASSWORD]]'),
    });
    expect(answer.status).toBe(403);
    expect(answer.body.error).toBe(
      'config.environment: [[DB_PASSWORD]] is a secret variable you may not use; an admin can grant its use (UpdateVariablePermission)',
    );
    const names = (await admin.read<{ name: string }[]>('ListDeployments')).map((d) => d.name);
    expect(names).not.toContain(container);
    await alice.write('CreateDeployment', { name: container, config: config('HOST=[[DB_HOST]]') });
  });

  it('lets a user use a secret once an admin grants it, and only admins see the grants', async () => {
    expect(
      (await alice.call('read', 'GetVariablePermissions', { name: 'DB_PASSWORD' })).status,
    ).toBe(403);
    expect(await grantUse({ type: 'User', id: 'alice' }, true)).toMatchObject({
      users: [{ user_target: { type: 'User' }, name: 'alice' }],
    });
    await alice.write('UpdateDeployment', {
      id: container,
      config: { environment: 'HOST=[[DB_HOST]]\nPASSWORD=[[DB_PASSWORD]]' },
    });
    expect((await deploy(alice)).success).toBe(true);
    expect(await env()).toContain(`PASSWORD=${secret}`);
  }, 60_000);

  it("lends a runner with Execute the writer's secrets, never a writer's right to others", async () => {
    await admin.write('UpdatePermissionOnTarget', {
      user_target: { type: 'User', id: 'bob' },
      resource_target: { type: 'Deployment', id: container },
      permission: 'Write',
    });
    expect((await deploy(bob)).success).toBe(true);
    const rewrite = await bob.call<Failure>('write', 'UpdateDeployment', {
      id: container,
      config: { command: '/bin/sh -c "echo $PASSWORD | rev"' },
    });
    expect(rewrite.status).toBe(403);
    expect(rewrite.body.error).toMatch(/^config\.environment: \[\[DB_PASSWORD\]\] is a secret/);
    const current = await admin.read<{ config: { command: string } }>('GetDeployment', {
      deployment: container,
    });
    expect(current.config.command).toContain('sleep 3600');
  }, 60_000);

  it('fails an execution whose config writer lost the grant, before touching the container', async () => {
    const running = (await docker.getContainer(container).inspect()).Id;
    await grantUse({ type: 'User', id: 'alice' }, false);
    const failed = await deploy(admin);
    expect(failed.success).toBe(false);
    expect(failed.logs.map((l) => [l.stage, l.success])).toEqual([['prepare', false]]);
    expect(failed.logs[0].stderr).toContain(
      "secret variable 'DB_PASSWORD': Deployment '" +
        container +
        "' was last written by 'alice', who may not use it",
    );
    expect((await docker.getContainer(container).inspect()).Id).toBe(running);
  }, 60_000);

  it("grants a group's members the use", async () => {
    await admin.write('CreateUserGroup', { name: 'db-owners' });
    await admin.write('AddUserToUserGroup', { user_group: 'db-owners', user: 'bob' });
    await grantUse({ type: 'UserGroup', id: 'db-owners' }, true);
    await bob.write('UpdateDeployment', { id: container, config: { command: 'sleep 7200' } });
    expect((await deploy(admin)).success).toBe(true);
    expect(await env()).toContain(`PASSWORD=${secret}`);
  }, 60_000);
});
