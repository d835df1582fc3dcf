import { CATALOGUE_ENTRIES, REQUESTS } from '@monitor/contracts';
import { RequestRegistry } from '../../apps/gateway/src/api/request-registry';
import { api, logIn, TEST_PASSWORD } from '../support/api';
import { startEmbedded, type EmbeddedMonitor } from '../support/embedded';

/** The gateway answers the catalogue (libs/contracts/src/catalogue), all of it and only it. */
describe('the gateway registers from the request catalogue', () => {
  let monitor: EmbeddedMonitor;

  beforeAll(async () => {
    monitor = await startEmbedded();
  });
  afterAll(() => monitor.destroy());

  it('handles every catalogue entry, and nothing else', () => {
    const registry = monitor.app.get(RequestRegistry);
    const handled = registry.list().map(({ verb, name }) => `${verb}/${name}`);
    const declared = CATALOGUE_ENTRIES.map(({ verb, name }) => `${verb}/${name}`);
    expect(handled.sort()).toEqual(declared.sort());
    for (const entry of CATALOGUE_ENTRIES) {
      const definition = registry.find(entry.verb, entry.name);
      expect(definition).toMatchObject({ dto: entry.dto, access: entry.access });
    }
  });

  it('refuses a request that is not the catalogue’s, and a second handler of one', () => {
    const registry = new RequestRegistry();
    const copy = { ...REQUESTS.write.CreateStack };
    expect(() => registry.handle(copy, async () => ({}) as never)).toThrow(
      "request write/CreateStack is not the catalogue's",
    );
    registry.handle(REQUESTS.read.GetVersion, async () => ({ version: '1' }));
    expect(() => registry.handle(REQUESTS.read.GetVersion, async () => ({ version: '2' }))).toThrow(
      'request read/GetVersion is handled twice',
    );
  });

  it('checks a resource rule on the param its entry names: 404 for none, 403 without the level, the target form too', async () => {
    const { admin } = monitor;
    await admin.write('CreateServer', { name: 'catalogue-srv' });
    await admin.write('CreateDeployment', {
      name: 'catalogue-dep',
      config: { server_id: 'catalogue-srv' },
    });
    const missing = await admin.call<{ error: string }>('read', 'GetDeploymentLog', {
      deployment: 'nowhere',
    });
    expect([missing.status, missing.body.error]).toEqual([
      404,
      "no Deployment has the name or id 'nowhere'",
    ]);
    const user = await admin.write<{ _id: { $oid: string } }>('CreateLocalUser', {
      username: 'catalogue-reader',
      password: TEST_PASSWORD,
    });
    await admin.write('UpdateUserBasePermissions', { user_id: user._id.$oid, enabled: true });
    const reader = api(monitor.url, await logIn(monitor.url, 'catalogue-reader'));
    const log = await reader.call<{ error: string }>('read', 'GetDeploymentLog', {
      deployment: 'catalogue-dep',
    });
    expect([log.status, log.body.error]).toEqual([
      403,
      "you need Read permission and Logs on Deployment 'catalogue-dep' (you have None, without Logs)",
    ]);
    const meta = { target: { type: 'Deployment', id: 'catalogue-dep' } };
    const refused = await reader.call('write', 'UpdateResourceMeta', { ...meta, description: 'x' });
    expect(refused.status).toBe(403);
    const done = await admin.call('write', 'UpdateResourceMeta', {
      ...meta,
      description: 'by the catalogue rule',
    });
    expect(done.status).toBe(200);
    expect(await admin.read('GetDeployment', { deployment: 'catalogue-dep' })).toMatchObject({
      description: 'by the catalogue rule',
    });
  });
});
