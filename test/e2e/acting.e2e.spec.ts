import { ACTING_SUBJECT, BusClient } from '@monitor/bus';
import { newId } from '@monitor/resources';
import { signUp } from '../support/api';
import { startEmbedded, type EmbeddedMonitor } from '../support/embedded';

interface Created {
  _id: { $oid: string };
}

/**
 * A service asks the gateway to handle a request as one of its users (a sync applying its plan
 * as whoever ran it): the user's own rights decide, exactly as over HTTP, and the events say how.
 */
describe('requests a service sends for a user meet the checks of that user', () => {
  let monitor: EmbeddedMonitor;
  let bus: BusClient;
  let member: string;

  const origin = { type: 'ResourceSync', id: 'sync-1', commit: 'abc1234' };
  const actAs = (userId: string, verb: string, name: string, params: object) =>
    bus.request<Created>(ACTING_SUBJECT, {
      verb,
      name,
      params,
      meta: { userId, via: 'sync', correlationId: newId(), origin },
    });

  beforeAll(async () => {
    monitor = await startEmbedded({ MONITOR_AUTH_ALLOW_SIGNUPS: 'true' });
    bus = monitor.app.get(BusClient);
    await signUp(monitor.url, 'member');
    member = (await monitor.admin.read<Created>('FindUser', { user: 'member' }))._id.$oid;
    await monitor.admin.write('UpdateUserBasePermissions', { user_id: member, enabled: true });
  }, 60_000);

  afterAll(async () => {
    await monitor?.destroy();
  });

  it('writes as the user: their create and update, recorded as by them via the sync at its commit', async () => {
    const created = await actAs(member, 'write', 'CreateDeployment', { name: 'acted' });
    await actAs(member, 'write', 'UpdateDeployment', {
      id: created._id.$oid,
      config: { command: 'serve' },
    });
    const events = await monitor.runtime.store.readStream(`deployment-${created._id.$oid}`);
    expect(events.map((e) => e.type)).toEqual(['DeploymentCreated', 'DeploymentConfigUpdated']);
    for (const event of events)
      expect(event.metadata).toMatchObject({ userId: member, via: 'sync', origin });
  });

  it('refuses what the user may not do, with the status and reason their HTTP call would get', async () => {
    const alerter = await actAs(member, 'write', 'CreateAlerter', { name: 'nope' }).catch((e) => e);
    expect(alerter).toMatchObject({ code: 'FORBIDDEN' });
    const secret = await monitor.admin.write<Created>('CreateDeployment', { name: 'admins-only' });
    const update = await actAs(member, 'write', 'UpdateDeployment', {
      id: secret._id.$oid,
      config: { image: { type: 'Image', params: { image: 'localhost/x:1' } } },
    }).catch((e) => e);
    expect(update.code).toMatch(/FORBIDDEN|NOT_FOUND/);
    const bad = await actAs(member, 'write', 'CreateDeployment', { name: 7 }).catch((e) => e);
    expect(bad).toMatchObject({ code: 'VALIDATION', message: expect.stringContaining('name') });
    const unknown = await actAs(member, 'write', 'DropEverything', {}).catch((e) => e);
    expect(unknown).toMatchObject({ code: 'NOT_FOUND' });
    expect(monitor.runtime.readModel.resource('Alerter', 'nope')).toBeUndefined();
  });

  it('refuses for a disabled or unknown user', async () => {
    await monitor.admin.write('UpdateUserBasePermissions', { user_id: member, enabled: false });
    const disabled = await actAs(member, 'write', 'CreateDeployment', { name: 'x' }).catch(
      (e) => e,
    );
    expect(disabled).toMatchObject({
      code: 'FORBIDDEN',
      message: expect.stringContaining('disabled'),
    });
    const ghost = await actAs('no-such-user', 'read', 'ListDeployments', {}).catch((e) => e);
    expect(ghost).toMatchObject({ code: 'UNAUTHENTICATED' });
    await monitor.admin.write('UpdateUserBasePermissions', { user_id: member, enabled: true });
  });
});
