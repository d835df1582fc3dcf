import type { ApiClient } from '../../support/api';
import type { EmbeddedMonitor } from '../../support/embedded';
import {
  expectRefused as refused,
  startSecurityScene,
  type SecurityScene,
} from '../../support/security';

type BuilderView = { name: string; config: { type: string; params: Record<string, unknown> } };

/**
 * Issue 13, Builders: who may make one, what it may point at, and what it keeps secret. Every
 * attempt is made through the API by an ordinary user and must fail with a clear 4xx and change
 * nothing; the legitimate use beside it still works.
 */
describe('security: Builders are made by admins, name servers with Attach, keep their passkey', () => {
  let monitor: EmbeddedMonitor;
  let admin: ApiClient;
  let users: SecurityScene['users'];
  let grant: SecurityScene['grant'];
  const PASSKEY = 'builder-passkey-never-shown-0123';

  const builder = (name: string) => admin.read<BuilderView>('GetBuilder', { builder: name });
  const builders = async () =>
    (await admin.read<{ name: string }[]>('ListBuilders')).map((b) => b.name);

  beforeAll(async () => {
    ({ monitor, admin, users, grant } = await startSecurityScene(['mallory', 'alice', 'bob']));
    await admin.write('CreateBuilder', {
      name: 'shared',
      config: { type: 'Url', params: { address: 'http://127.0.0.1:8120', passkey: PASSKEY } },
    });
    await grant('alice', 'Builder', 'shared', 'Write');
    await grant('alice', 'Server', 'local', 'Read', ['Attach']);
    await grant('bob', 'Builder', 'shared', 'Write');
    await grant('bob', 'Server', 'local', 'Read');
  }, 60_000);

  afterAll(async () => {
    await monitor?.destroy();
  });

  it('refuses a user who creates or copies a Builder (an Aws one would launch machines in the core account)', async () => {
    const message = /^only admins may create Builders/;
    await refused(
      users.mallory,
      'write',
      'CreateBuilder',
      {
        name: 'miner',
        config: { type: 'Aws', params: { ami_id: 'ami-12345678', instance_type: 'p4d.24xlarge' } },
      },
      403,
      message,
    );
    await refused(
      users.alice,
      'write',
      'CopyBuilder',
      { id: 'shared', name: 'mine' },
      403,
      message,
    );
    expect(await builders()).toEqual(['shared']);
  });

  it('refuses pointing a Server builder at a server without Attach, naming the field', async () => {
    await refused(
      users.bob,
      'write',
      'UpdateBuilder',
      { id: 'shared', config: { type: 'Server', params: { server_ids: ['local'] } } },
      403,
      /^config\.params\.server_ids: you need Attach \(with Read\) or Write on Server 'local'.*you have Read, without Attach/,
    );
    expect((await builder('shared')).config.type).toBe('Url');
  });

  it('lets a user with Write on the Builder and Attach on the server point it there', async () => {
    await users.alice.write('UpdateBuilder', {
      id: 'shared',
      config: { type: 'Server', params: { server_ids: ['local'] } },
    });
    const { config } = await builder('shared');
    expect(config).toEqual({
      type: 'Server',
      params: { server_ids: [expect.stringMatching(/^[0-9a-f]{24}$/)] },
    });
  });

  it('refuses AWS fields EC2 would not take with a 400 naming the field, and changes nothing', async () => {
    await admin.write('CreateBuilder', {
      name: 'aws',
      config: { type: 'Aws', params: { ami_id: 'ami-12345678', volume_gb: 40 } },
    });
    for (const [params, message] of [
      [{ ami_id: 'ubuntu-latest' }, /^params\.ami_id: 'ubuntu-latest' is not an AMI id/],
      [{ volume_gb: 100_000 }, /^params\.volume_gb: must be a whole number of GiB from 1 to 16384/],
      [{ region: 'us-east-1; rm -rf /' }, /^params\.region: .* is not an AWS region/],
      [
        { security_group_ids: ['sg-12345678', '0.0.0.0/0'] },
        /^params\.security_group_ids: '0\.0\.0\.0\/0'/,
      ],
    ] as const) {
      await refused(
        admin,
        'write',
        'UpdateBuilder',
        { id: 'aws', config: { type: 'Aws', params } },
        400,
        message,
      );
    }
    await refused(
      admin,
      'write',
      'CreateBuilder',
      { name: 'url', config: { type: 'Url', params: { address: 'http://u:p@10.0.0.5:8120' } } },
      400,
      /^params\.address: must not hold a user or password/,
    );
    const { config } = await builder('aws');
    expect(config.params).toMatchObject({
      ami_id: 'ami-12345678',
      volume_gb: 40,
      region: 'us-east-1',
    });
    expect(await builders()).not.toContain('url');
  });

  it("keeps an Url builder's passkey out of answers, and keeps it through a partial update", async () => {
    await admin.write('CreateBuilder', {
      name: 'url-builder',
      config: { type: 'Url', params: { address: 'http://127.0.0.1:8120', passkey: PASSKEY } },
    });
    await admin.write('UpdateBuilder', {
      id: 'url-builder',
      config: { type: 'Url', params: { address: 'http://127.0.0.1:9000' } },
    });
    const { config } = await builder('url-builder');
    expect(config.params).toMatchObject({ address: 'http://127.0.0.1:9000', passkey: '*****' });
    const answers = JSON.stringify([
      config,
      await admin.read('ListFullBuilders'),
      await admin.read('ListUpdates', {}),
    ]);
    expect(answers).not.toContain(PASSKEY);
  });
});
