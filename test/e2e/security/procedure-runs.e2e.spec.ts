import Dockerode from 'dockerode';
import { BUSYBOX_TEST_IMAGE } from '@monitor/testing';
import type { ApiClient } from '../../support/api';
import type { EmbeddedMonitor } from '../../support/embedded';
import { removeContainers } from '../../support/leftovers';
import { enabledUser, grant, startWithLocalAgent } from '../../support/security';
import { completed, type UpdateView as Update } from '../../support/updates';

/**
 * Komodo runs a procedure's executions as an admin, so Execute on a procedure does anything it
 * names. Monitor checks each execution against whoever started the run.
 */
describe('security: a procedure run acts with its starter’s permissions only', () => {
  const docker = new Dockerode({ socketPath: '/var/run/docker.sock' });
  const guarded = `guarded-${process.pid}`;
  let monitor: EmbeddedMonitor;
  let bob: ApiClient;
  let bobId: string;
  let deploymentId: string;
  let procedureId: string;

  const deploysOfGuarded = async () =>
    (
      await monitor.admin.read<{ updates: Update[] }>('ListUpdates', {
        query: { 'target.id': deploymentId, operation: 'Deploy' },
      })
    ).updates;

  beforeAll(async () => {
    monitor = await startWithLocalAgent();
    bob = (await enabledUser(monitor, 'bob')).client;
    bobId = (await monitor.admin.read<{ _id: { $oid: string } }>('FindUser', { user: 'bob' }))._id
      .$oid;
    deploymentId = (
      await monitor.admin.write<{ _id: { $oid: string } }>('CreateDeployment', {
        name: guarded,
        config: {
          server_id: 'local',
          image: { type: 'Image', params: { image: BUSYBOX_TEST_IMAGE } },
          command: 'sleep 3600',
          network: 'none',
          termination_timeout: 1,
        },
      })
    )._id.$oid;
    procedureId = (
      await monitor.admin.write<{ _id: { $oid: string } }>('CreateProcedure', {
        name: 'ship-guarded',
        config: {
          stages: [
            {
              name: 'ship',
              enabled: true,
              executions: [
                { execution: { type: 'Deploy', params: { deployment: guarded } }, enabled: true },
              ],
            },
          ],
        },
      })
    )._id.$oid;
    await grant(monitor.admin, bobId, { type: 'Procedure', id: procedureId }, 'Execute');
  }, 60_000);

  afterAll(async () => {
    await monitor?.destroy();
    await removeContainers(docker, guarded);
  }, 60_000);

  it('Execute on the procedure alone does not deploy what it names: the run fails saying why', async () => {
    const run = await completed(
      bob,
      await bob.execute<Update>('RunProcedure', { procedure: 'ship-guarded' }),
    );
    expect(run.success).toBe(false);
    expect(run.logs[0].stderr).toContain(
      `the run's user needs Execute permission on Deployment '${guarded}'`,
    );
    expect(await deploysOfGuarded()).toEqual([]);
  }, 60_000);

  it('the legitimate use works: with Execute on the deployment too, it deploys as bob', async () => {
    await grant(monitor.admin, bobId, { type: 'Deployment', id: deploymentId }, 'Execute');
    const run = await completed(
      bob,
      await bob.execute<Update>('RunProcedure', { procedure: 'ship-guarded' }),
      60_000,
    );
    expect(run.success).toBe(true);
    const [deploy] = await deploysOfGuarded();
    expect(deploy).toMatchObject({ success: true, operator: bobId });
  }, 90_000);
});
