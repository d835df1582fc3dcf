import { randomBytes } from 'node:crypto';
import type { ApiClient } from '../support/api';
import { CapturingLogger } from '../support/capturing-logger';
import { startEmbedded, type EmbeddedMonitor } from '../support/embedded';
import { expectNoSecret } from '../support/secret-search';
import { enabledUser, expectRefusedUnchanged } from '../support/security';

/** Random credentials of the shapes the domain checks, each found by its own search. */
const alnum = (length: number, alphabet: string) =>
  [...randomBytes(length)].map((byte) => alphabet[byte % alphabet.length]).join('');
const UPPER = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789';
const MIXED = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
const awsCredentials = () => ({
  access_key_id: `AKIA${alnum(16, UPPER)}`,
  secret_access_key: alnum(40, MIXED),
});
const hetznerToken = () => alnum(64, MIXED);

type View = { id: string; name: string; provider: string; credentials_set: string[] };

describe('cloud accounts: managed by admins, named by ServerTemplates, never answered', () => {
  const logger = new CapturingLogger();
  const aws = awsCredentials();
  const awsSecret2 = alnum(40, MIXED);
  const hetzner = hetznerToken();
  const secrets = [aws.access_key_id, aws.secret_access_key, awsSecret2, hetzner];
  let monitor: EmbeddedMonitor;
  let admin: ApiClient;
  let bob: ApiClient;

  const head = () => monitor.runtime.store.headPosition();
  const refused = (
    client: ApiClient,
    verb: string,
    request: string,
    params: object,
    status: number,
    message: RegExp,
  ) => expectRefusedUnchanged(monitor, client, verb, request, params, status, message);

  beforeAll(async () => {
    monitor = await startEmbedded({ MONITOR_AUTH_ALLOW_SIGNUPS: 'true' }, undefined, logger);
    admin = monitor.admin;
    bob = (await enabledUser(monitor, 'bob')).client;
  });
  afterAll(() => monitor?.destroy());

  it('creates, lists, gets, updates and deletes, answering which credentials are set', async () => {
    const created = await admin.write<View>('CreateCloudAccount', {
      name: 'aws-main',
      provider: 'Aws',
      credentials: aws,
    });
    expect(created).toEqual({
      id: expect.any(String),
      name: 'aws-main',
      provider: 'Aws',
      credentials_set: ['access_key_id', 'secret_access_key'],
    });
    const hz = await admin.write<View>('CreateCloudAccount', {
      name: 'hetzner-main',
      provider: 'Hetzner',
      credentials: { token: hetzner },
    });
    expect(await admin.read('ListCloudAccounts', {})).toEqual([created, hz]);
    expect(await bob.read('ListCloudAccounts', { provider: 'Hetzner' })).toEqual([hz]);
    expect(await bob.read('GetCloudAccount', { id: created.id })).toEqual(created);
    expect(await admin.read('GetCloudAccount', { id: 'hetzner-main' })).toEqual(hz);

    // The stored credentials are sealed, and open to what was given.
    const stored = monitor.runtime.readModel.cloudAccounts.account(created.id)!;
    expect(monitor.runtime.keyring.open(stored.credentials.secret_access_key as never)).toBe(
      aws.secret_access_key,
    );

    // A blank credential keeps the stored one; the same value again changes nothing.
    const before = await head();
    await admin.write('UpdateCloudAccount', {
      id: created.id,
      credentials: { access_key_id: '', secret_access_key: aws.secret_access_key },
    });
    expect(await head()).toBe(before);
    const updated = await admin.write<View>('UpdateCloudAccount', {
      id: created.id,
      name: 'aws-prod',
      credentials: { secret_access_key: awsSecret2 },
    });
    expect(updated).toEqual({ ...created, name: 'aws-prod' });
    const after = monitor.runtime.readModel.cloudAccounts.account(created.id)!;
    const open = (key: string) =>
      monitor.runtime.keyring.open(after.credentials[key] as never) as string;
    expect([open('access_key_id'), open('secret_access_key')]).toEqual([
      aws.access_key_id,
      awsSecret2,
    ]);

    // Names are unique, the old one free again.
    await refused(
      admin,
      'write',
      'CreateCloudAccount',
      { name: 'hetzner-main', provider: 'Hetzner', credentials: { token: hetznerToken() } },
      409,
      /name: a cloud account named 'hetzner-main' already exists/,
    );
    const again = await admin.write<View>('CreateCloudAccount', {
      name: 'aws-main',
      provider: 'Aws',
      credentials: awsCredentials(),
    });
    expect(await admin.write('DeleteCloudAccount', { id: again.id })).toEqual(again);
    await refused(admin, 'read', 'GetCloudAccount', { id: again.id }, 404, /no cloud account/);
    expect((await admin.read<View[]>('ListCloudAccounts', {})).map((a) => a.name)).toEqual([
      'aws-prod',
      'hetzner-main',
    ]);
  });

  it('refuses bad credentials with a 400 naming the field, and changes nothing', async () => {
    const create = (provider: string, credentials: object) => ({
      name: 'bad',
      provider,
      credentials,
    });
    const cases: [object, RegExp][] = [
      [create('Aws', { ...aws, access_key_id: 'AKIA123' }), /credentials\.access_key_id: must be/],
      [
        create('Aws', { access_key_id: aws.access_key_id }),
        /credentials\.secret_access_key: is required/,
      ],
      [create('Aws', { ...aws, token: hetzner }), /credentials\.token: not an Aws credential/],
      [create('Hetzner', { token: 'short' }), /credentials\.token: must be Hetzner's 64/],
      [create('Hetzner', { token: '' }), /credentials\.token: is required/],
      [create('Gcp', { token: hetzner }), /provider/],
      [create('Hetzner', { token: hetzner, password: 'x' }), /credentials\.password/],
      [create('Hetzner', { token: 42 }), /credentials\.token/],
    ];
    for (const [params, message] of cases) {
      const body = await refused(admin, 'write', 'CreateCloudAccount', params, 400, message);
      expectNoSecret([body], secrets);
    }
    const [account] = await admin.read<View[]>('ListCloudAccounts', { provider: 'Aws' });
    await refused(
      admin,
      'write',
      'UpdateCloudAccount',
      { id: account.id, credentials: { secret_access_key: 'too-short' } },
      400,
      /credentials\.secret_access_key: must be 40 characters/,
    );
    await refused(
      admin,
      'write',
      'UpdateCloudAccount',
      { id: account.id, credentials: { token: hetzner } },
      400,
      /credentials\.token: not an Aws credential/,
    );
    await refused(
      admin,
      'write',
      'UpdateCloudAccount',
      { id: account.id, credentials: { token: '' } },
      400,
      /credentials\.token: not an Aws credential/,
    );
    await refused(admin, 'write', 'UpdateCloudAccount', { id: 'nope' }, 404, /no cloud account/);
  });

  it('refuses every write of a non-admin with 403, storing nothing', async () => {
    const [account] = await admin.read<View[]>('ListCloudAccounts', { provider: 'Hetzner' });
    const writes: [string, object][] = [
      [
        'CreateCloudAccount',
        { name: 'bobs', provider: 'Hetzner', credentials: { token: hetznerToken() } },
      ],
      ['UpdateCloudAccount', { id: account.id, credentials: { token: hetznerToken() } }],
      ['UpdateCloudAccount', { id: account.id, name: 'bobs' }],
      ['DeleteCloudAccount', { id: account.id }],
    ];
    for (const [request, params] of writes)
      await refused(bob, 'write', request, params, 403, /admin/i);
    expect(await admin.read('GetCloudAccount', { id: account.id })).toEqual(account);
  });

  it('refuses a ServerTemplate naming a missing account or one of the other provider (400 naming config.params.cloud_account)', async () => {
    const template = (type: string, cloud_account: string) => ({
      name: `t-${type}-${cloud_account}`,
      config: { type, params: { cloud_account } },
    });
    await refused(
      admin,
      'write',
      'CreateServerTemplate',
      template('Aws', 'nobody'),
      400,
      /config\.params\.cloud_account: no cloud account is named 'nobody'/,
    );
    await refused(
      admin,
      'write',
      'CreateServerTemplate',
      template('Aws', 'hetzner-main'),
      400,
      /config\.params\.cloud_account: 'hetzner-main' is a Hetzner account; this template launches on Aws/,
    );
    await refused(
      admin,
      'write',
      'CreateServerTemplate',
      template('Hetzner', 'aws-prod'),
      400,
      /config\.params\.cloud_account: 'aws-prod' is an Aws account/,
    );

    await admin.write('CreateServerTemplate', template('Hetzner', 'hetzner-main'));
    await admin.write('CreateServerTemplate', {
      name: 'plain',
      config: { type: 'Aws', params: {} },
    });
    await refused(
      admin,
      'write',
      'UpdateServerTemplate',
      { id: 'plain', config: { type: 'Aws', params: { cloud_account: 'hetzner-main' } } },
      400,
      /config\.params\.cloud_account: 'hetzner-main' is a Hetzner account/,
    );
    await admin.write('UpdateServerTemplate', {
      id: 'plain',
      config: { type: 'Aws', params: { cloud_account: 'aws-prod' } },
    });
    const plain = await admin.read<{ config: { params: { cloud_account: string } } }>(
      'GetServerTemplate',
      { server_template: 'plain' },
    );
    expect(plain.config.params.cloud_account).toBe('aws-prod');
  });

  it('refuses to delete or rename an account while a template names it (409 naming them)', async () => {
    const [hz] = await admin.read<View[]>('ListCloudAccounts', { provider: 'Hetzner' });
    await refused(
      admin,
      'write',
      'DeleteCloudAccount',
      { id: hz.id },
      409,
      /cloud account 'hetzner-main' is named by ServerTemplate 't-Hetzner-hetzner-main'/,
    );
    await refused(
      admin,
      'write',
      'UpdateCloudAccount',
      { id: hz.id, name: 'renamed' },
      409,
      /'t-Hetzner-hetzner-main'.*can be renamed/,
    );
    await admin.write('UpdateServerTemplate', {
      id: 't-Hetzner-hetzner-main',
      config: { type: 'Hetzner', params: { cloud_account: '' } },
    });
    await admin.write('DeleteCloudAccount', { id: hz.id });
    expect((await admin.read<View[]>('ListCloudAccounts', {})).map((a) => a.name)).toEqual([
      'aws-prod',
    ]);
  });

  it('shows no credential in any answer, Update, event or log line', async () => {
    const answers: unknown[] = [];
    for (const client of [admin, bob]) {
      answers.push(await client.read('ListCloudAccounts', {}));
      const updates = (await client.read<{ updates: { id: string }[] }>('ListUpdates', {})).updates;
      for (const { id } of updates) answers.push(await client.read('GetUpdate', { id }));
      answers.push(updates);
    }
    const operations = (
      answers.filter((a) => (a as { operation?: string }).operation) as {
        operation: string;
        logs: { stdout: string }[];
      }[]
    ).filter((u) => u.operation.endsWith('CloudAccount'));
    expect(new Set(operations.map((u) => u.operation))).toEqual(
      new Set(['CreateCloudAccount', 'UpdateCloudAccount', 'DeleteCloudAccount']),
    );
    expect(operations.map((u) => u.logs[0].stdout)).toContain(
      "cloud account 'aws-prod' (Aws); credentials set: secret_access_key",
    );
    const events = await monitor.runtime.store.readAll(0, 100_000);
    expect(events.some((e) => e.type === 'CloudAccountCreated')).toBe(true);
    expectNoSecret([...answers, events, logger.lines.join('\n')], secrets);
  });

  it('keeps accounts, their sealed credentials and their names over a restart', async () => {
    const [before] = await admin.read<View[]>('ListCloudAccounts', {});
    await monitor.stop();
    monitor = await startEmbedded({ MONITOR_AUTH_ALLOW_SIGNUPS: 'true' }, monitor.dataDir, logger);
    admin = monitor.admin;
    expect(await admin.read('ListCloudAccounts', {})).toEqual([before]);
    const stored = monitor.runtime.readModel.cloudAccounts.account(before.id)!;
    expect(monitor.runtime.keyring.open(stored.credentials.secret_access_key as never)).toBe(
      awsSecret2,
    );
    await refused(
      admin,
      'write',
      'CreateCloudAccount',
      { name: before.name, provider: 'Aws', credentials: awsCredentials() },
      409,
      /already exists/,
    );
  });
});
