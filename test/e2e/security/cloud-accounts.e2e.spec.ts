import { randomBytes } from 'node:crypto';
import type { ApiClient } from '../../support/api';
import { startEmbedded, type EmbeddedMonitor } from '../../support/embedded';
import { expectNoSecret } from '../../support/secret-search';
import { enabledUser, expectRefusedUnchanged, grant } from '../../support/security';

const MIXED = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
const token = () => [...randomBytes(64)].map((byte) => MIXED[byte % MIXED.length]).join('');

type View = { id: string; name: string; provider: string; credentials_set: string[] };

/**
 * Issue 17's cloud accounts: credentials that launch paid machines. Users who may read or
 * write a ServerTemplate, but are no admins, can neither manage an account nor read a
 * credential back, and cannot point their template at an account that does not fit it.
 */
describe('security: cloud accounts are admin business and never answered', () => {
  const secret = token();
  let monitor: EmbeddedMonitor;
  let account: View;
  const users: Record<'reader' | 'writer', ApiClient> = {} as never;

  const refusedUnchanged = async (
    client: ApiClient,
    verb: string,
    request: string,
    params: object,
    status: number,
    message: RegExp,
  ) => {
    const body = await expectRefusedUnchanged(
      monitor,
      client,
      verb,
      request,
      params,
      status,
      message,
    );
    expectNoSecret([body], [secret]);
  };

  beforeAll(async () => {
    monitor = await startEmbedded({ MONITOR_AUTH_ALLOW_SIGNUPS: 'true' });
    account = await monitor.admin.write<View>('CreateCloudAccount', {
      name: 'hetzner-paid',
      provider: 'Hetzner',
      credentials: { token: secret },
    });
    await monitor.admin.write('CreateServerTemplate', {
      name: 'tpl',
      config: { type: 'Hetzner', params: { cloud_account: 'hetzner-paid' } },
    });
    await monitor.admin.write('CreateServerTemplate', {
      name: 'aws-tpl',
      config: { type: 'Aws', params: {} },
    });
    for (const [name, level] of [
      ['reader', 'Read'],
      ['writer', 'Write'],
    ] as const) {
      users[name] = (await enabledUser(monitor, name)).client;
      for (const id of ['tpl', 'aws-tpl'])
        await grant(monitor.admin, name, { type: 'ServerTemplate', id }, level);
    }
  });
  afterAll(() => monitor?.destroy());

  it.each(['reader', 'writer'] as const)(
    'a %s user is refused each cloud account write with 403, nothing changed',
    async (name) => {
      const client = users[name];
      const writes: [string, object][] = [
        [
          'CreateCloudAccount',
          { name: `${name}-own`, provider: 'Hetzner', credentials: { token: token() } },
        ],
        ['UpdateCloudAccount', { id: account.id, credentials: { token: token() } }],
        ['UpdateCloudAccount', { id: account.id, name: `${name}-renamed` }],
        ['DeleteCloudAccount', { id: account.id }],
      ];
      for (const [request, params] of writes)
        await refusedUnchanged(client, 'write', request, params, 403, /admin/i);
      expect(await monitor.admin.read('ListCloudAccounts', {})).toEqual([account]);
    },
  );

  it.each(['reader', 'writer'] as const)(
    'a %s user reads which credentials are set, never a value',
    async (name) => {
      const client = users[name];
      expect(await client.read('ListCloudAccounts', {})).toEqual([account]);
      expect(await client.read('GetCloudAccount', { id: 'hetzner-paid' })).toEqual(account);
      const template = await client.read('GetServerTemplate', { server_template: 'tpl' });
      expectNoSecret([template], [secret]);
      expect(account.credentials_set).toEqual(['token']);
    },
  );

  it('a writer cannot point a template at an account of another provider or none (400)', async () => {
    const writer = users.writer;
    await refusedUnchanged(
      writer,
      'write',
      'UpdateServerTemplate',
      { id: 'aws-tpl', config: { type: 'Aws', params: { cloud_account: 'hetzner-paid' } } },
      400,
      /config\.params\.cloud_account: 'hetzner-paid' is a Hetzner account/,
    );
    // Switching the provider under a named account is the same mismatch.
    await refusedUnchanged(
      writer,
      'write',
      'UpdateServerTemplate',
      { id: 'tpl', config: { type: 'Aws', params: { cloud_account: 'hetzner-paid' } } },
      400,
      /config\.params\.cloud_account/,
    );
    await refusedUnchanged(
      writer,
      'write',
      'UpdateServerTemplate',
      { id: 'aws-tpl', config: { type: 'Aws', params: { cloud_account: 'ghost' } } },
      400,
      /config\.params\.cloud_account: no cloud account is named 'ghost'/,
    );
  });

  it('a writer may still name an account that fits their template (the legitimate use)', async () => {
    await users.writer.write('UpdateServerTemplate', {
      id: 'tpl',
      config: { type: 'Hetzner', params: { cloud_account: '' } },
    });
    await users.writer.write('UpdateServerTemplate', {
      id: 'tpl',
      config: { type: 'Hetzner', params: { cloud_account: 'hetzner-paid' } },
    });
    const tpl = await users.writer.read<{ config: { params: { cloud_account: string } } }>(
      'GetServerTemplate',
      { server_template: 'tpl' },
    );
    expect(tpl.config.params.cloud_account).toBe('hetzner-paid');
  });
});
