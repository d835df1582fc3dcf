import { startHttpReceiver, type HttpReceiver } from '@monitor/testing';
import type { ApiClient } from '../../support/api';
import { startEmbedded, type EmbeddedMonitor } from '../../support/embedded';
import { enabledUser, expectRefused, grant } from '../../support/security';
import { completed, type UpdateView } from '../../support/updates';

const BOT_TOKEN = '987654:telegram-bot-token-31d7';
const SMTP_PASSWORD = 'smtp-password-b62e90';
const URL_SECRET = 'url-path-secret-7ac1f3';

/** [what is wrong, the request's params, a piece of the error naming the field]. */
const BAD_INPUT: [string, Record<string, unknown>, string][] = [
  ['an unknown endpoint type', { endpoint: { type: 'Fax', params: {} } }, 'endpoint.type'],
  ['an unknown alert type', { alert_types: ['ServerOnFire'] }, 'alert_types'],
  [
    'a malformed url',
    { endpoint: { type: 'Custom', params: { url: 'http//no-scheme' } } },
    'endpoint.params.url',
  ],
  [
    'an impossible window',
    {
      maintenance_windows: [
        {
          name: 'w',
          schedule_type: 'OneTime',
          date: '2027-02-30',
          hour: 1,
          minute: 0,
          duration_minutes: 60,
          timezone: 'UTC',
          enabled: true,
        },
      ],
    },
    'maintenance_windows[0].date',
  ],
  [
    'an unknown variable',
    { endpoint: { type: 'Slack', params: { url: 'https://hooks.example.com/[[NO_SUCH_VAR]]' } } },
    'config.endpoint.params.url',
  ],
];

describe('security: Alerters', () => {
  let monitor: EmbeddedMonitor;
  let admin: ApiClient;
  let reader: ApiClient;
  let readerId: string;
  let receiver: HttpReceiver;
  let alerterId: string;

  beforeAll(async () => {
    receiver = await startHttpReceiver();
    monitor = await startEmbedded({ MONITOR_AUTH_ALLOW_SIGNUPS: 'true' });
    admin = monitor.admin;
    reader = (await enabledUser(monitor, 'reader')).client;
    readerId = (await admin.read<{ _id: { $oid: string } }>('FindUser', { user: 'reader' }))._id
      .$oid;
    await admin.write('CreateVariable', { name: 'URL_SECRET', value: URL_SECRET, is_secret: true });
    alerterId = (
      await admin.write<{ _id: { $oid: string } }>('CreateAlerter', {
        name: 'team-channel',
        config: {
          enabled: true,
          endpoint: { type: 'Custom', params: { url: `${receiver.url}/[[URL_SECRET]]` } },
        },
      })
    )._id.$oid;
    await grant(admin, readerId, { type: 'Alerter', id: alerterId }, 'Read');
  });
  afterAll(async () => {
    await monitor.destroy();
    await receiver.close();
  });

  it.each(BAD_INPUT)(
    'CreateAlerter with %s: 400 naming the field, nothing stored',
    async (_what, config, field) => {
      const before = await monitor.runtime.store.headPosition();
      const answer = await admin.call<{ error: string }>('write', 'CreateAlerter', {
        name: 'bad',
        config,
      });
      expect([answer.status, answer.body.error]).toEqual([400, expect.stringContaining(field)]);
      expect(await monitor.runtime.store.headPosition()).toBe(before);
    },
  );

  it.each(BAD_INPUT)(
    'UpdateAlerter with %s: 400 naming the field, unchanged',
    async (_what, config, field) => {
      const before = await monitor.runtime.store.headPosition();
      const answer = await admin.call<{ error: string }>('write', 'UpdateAlerter', {
        id: 'team-channel',
        config,
      });
      expect([answer.status, answer.body.error]).toEqual([400, expect.stringContaining(field)]);
      expect(await monitor.runtime.store.headPosition()).toBe(before);
    },
  );

  it('only admins create Alerters and ResourceSyncs, as in Komodo; nothing is stored', async () => {
    // An alerter posts from Monitor to any address its endpoint names, and a sync writes every
    // kind: a user who could create one could reach what only the core reaches.
    const before = await admin.read<unknown[]>('ListAlerters');
    await expectRefused(
      reader,
      'write',
      'CreateAlerter',
      {
        name: 'probe',
        config: { endpoint: { type: 'Custom', params: { url: 'http://169.254.169.254/' } } },
      },
      403,
      /^only admins may create Alerters/,
    );
    await expectRefused(
      reader,
      'write',
      'CopyAlerter',
      { name: 'probe', id: alerterId },
      403,
      /^only admins may create Alerters/,
    );
    await expectRefused(
      reader,
      'write',
      'CreateResourceSync',
      { name: 'probe', config: {} },
      403,
      /^only admins may create ResourceSyncs/,
    );
    expect(await admin.read<unknown[]>('ListAlerters')).toEqual(before);
    expect(await admin.read<unknown[]>('ListResourceSyncs')).toEqual([]);
  });

  it('a user with Read only cannot TestAlerter or SendAlert to the alerter', async () => {
    const before = await monitor.runtime.store.headPosition();
    const sent = receiver.requests.length;
    await expectRefused(
      reader,
      'execute',
      'TestAlerter',
      { alerter: 'team-channel' },
      403,
      /Execute/,
    );
    await expectRefused(
      reader,
      'execute',
      'SendAlert',
      { message: 'posted by a reader', alerters: ['team-channel'] },
      403,
      /Alerter 'team-channel'/,
    );
    await expectRefused(reader, 'execute', 'SendAlert', { message: 'to all' }, 400, /Execute/);
    expect(await monitor.runtime.store.headPosition()).toBe(before);
    expect(receiver.requests.length).toBe(sent);
  });

  it('with Execute granted, the same user tests the alerter', async () => {
    await grant(admin, readerId, { type: 'Alerter', id: alerterId }, 'Execute');
    const update = await completed(
      reader,
      await reader.execute<UpdateView>('TestAlerter', { alerter: 'team-channel' }),
    );
    expect(update.success).toBe(true);
    expect(receiver.requests.at(-1)!.path).toBe(`/${URL_SECRET}`);
    await grant(admin, readerId, { type: 'Alerter', id: alerterId }, 'Read');
  });

  it('a form sending back the masked token and url (to change the chat id) keeps them', async () => {
    await admin.write('CreateAlerter', {
      name: 'tg-edit',
      config: {
        enabled: true,
        endpoint: {
          type: 'Telegram',
          params: { bot_token: BOT_TOKEN, chat_id: '-1', url: receiver.url },
        },
      },
    });
    const shown = await admin.read<{ config: { endpoint: object } }>('GetAlerter', {
      alerter: 'tg-edit',
    });
    expect(shown.config.endpoint).toEqual({
      type: 'Telegram',
      params: { bot_token: '*****', chat_id: '-1', url: '*****' },
    });
    await admin.write('UpdateAlerter', {
      id: 'tg-edit',
      config: {
        endpoint: {
          type: 'Telegram',
          params: { bot_token: '*****', chat_id: '-2', url: '*****' },
        },
      },
    });
    const update = await completed(
      admin,
      await admin.execute<UpdateView>('TestAlerter', { alerter: 'tg-edit' }),
    );
    expect(update.success).toBe(true);
    const request = receiver.requests.at(-1)!;
    expect(request.path).toBe(`/bot${BOT_TOKEN}/sendMessage`);
    expect(request.json).toMatchObject({ chat_id: '-2' });
  });

  it('a bot token, an SMTP password and a secret in a url are in no answer', async () => {
    await admin.write('CreateAlerter', {
      name: 'tg',
      config: { endpoint: { type: 'Telegram', params: { bot_token: BOT_TOKEN, chat_id: '-1' } } },
    });
    await admin.write('CreateAlerter', {
      name: 'mail',
      config: {
        endpoint: {
          type: 'Email',
          params: {
            host: '127.0.0.1',
            port: 1,
            username: 'ops',
            password: SMTP_PASSWORD,
            from: 'ops@example.com',
            to: ['team@example.com'],
          },
        },
      },
    });
    // A url holding the secret itself, not through a variable.
    await admin.write('UpdateAlerter', {
      id: 'team-channel',
      config: { endpoint: { type: 'Custom', params: { url: `${receiver.url}/${URL_SECRET}` } } },
    });
    const tested = await Promise.all(
      ['tg', 'mail', 'team-channel'].map(async (alerter) =>
        completed(admin, await admin.execute<UpdateView>('TestAlerter', { alerter })),
      ),
    );
    const answers = [
      ...tested,
      await admin.read('ListAlerters', {}),
      await admin.read('ListFullAlerters', {}),
      await admin.read('GetAlerter', { alerter: 'tg' }),
      await admin.read('GetAlerter', { alerter: 'mail' }),
      await admin.read('GetAlerter', { alerter: 'team-channel' }),
      await admin.read('ListUpdates', {}),
      await admin.read('ExportAllResourcesToToml', {}).catch((e: Error) => e.message),
    ];
    const text = JSON.stringify(answers);
    for (const secret of [BOT_TOKEN, SMTP_PASSWORD, URL_SECRET]) expect(text).not.toContain(secret);
    const tg = await admin.read<{ config: { endpoint: { params: Record<string, string> } } }>(
      'GetAlerter',
      { alerter: 'tg' },
    );
    expect(tg.config.endpoint.params.bot_token).toBe('*****');
  });
});
