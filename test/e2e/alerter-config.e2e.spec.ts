import type { ApiClient } from '../support/api';
import { startEmbedded, type EmbeddedMonitor } from '../support/embedded';
import { storeQuiet } from '../support/quiet-store';

const window = (over: object) => ({
  name: 'nightly',
  schedule_type: 'Daily',
  hour: 23,
  minute: 0,
  duration_minutes: 120,
  timezone: 'Europe/Berlin',
  enabled: true,
  ...over,
});
const email = (params: object) => ({
  type: 'Email',
  params: {
    host: 'smtp.example.com',
    port: 587,
    from: 'ops@example.com',
    to: ['a@example.com'],
    ...params,
  },
});

/** [request, params, a piece of the error naming the field]. */
type Case = [string, Record<string, unknown>, string];

const CASES: Case[] = [
  [
    'CreateAlerter',
    { name: 'a', config: { endpoint: { type: 'Fax', params: {} } } },
    'endpoint.type',
  ],
  ['CreateAlerter', { name: 'a', config: { alert_types: ['ServerOnFire'] } }, 'alert_types'],
  [
    'CreateAlerter',
    { name: 'a', config: { endpoint: { type: 'Custom', params: { url: 'ftp://example.com' } } } },
    'endpoint.params.url',
  ],
  [
    'CreateAlerter',
    { name: 'a', config: { endpoint: { type: 'Slack', params: { url: 'https://[[HOOK' } } } },
    'endpoint.params.url',
  ],
  ['CreateAlerter', { name: 'a', config: { endpoint: email({ port: 70000 }) } }, 'port'],
  [
    'CreateAlerter',
    { name: 'a', config: { endpoint: email({ to: ['nope'] }) } },
    'endpoint.params.to[0]',
  ],
  [
    'CreateAlerter',
    { name: 'a', config: { maintenance_windows: [window({ timezone: 'Mars/Olympus' })] } },
    'maintenance_windows[0].timezone',
  ],
  [
    'CreateAlerter',
    { name: 'a', config: { maintenance_windows: [window({ duration_minutes: 20000 })] } },
    'maintenance_windows[0].duration_minutes',
  ],
  [
    'UpdateServer',
    {
      id: 'prod',
      config: { maintenance_windows: [window({ schedule_type: 'OneTime', date: '2027-02-29' })] },
    },
    'maintenance_windows[0].date',
  ],
  [
    'UpdateServer',
    {
      id: 'prod',
      config: { maintenance_windows: [window({ schedule_type: 'Weekly', day_of_week: 'Funday' })] },
    },
    'maintenance_windows[0].day_of_week',
  ],
];

describe('Alerter and Server maintenance configs are checked when written', () => {
  let monitor: EmbeddedMonitor;
  let client: ApiClient;

  beforeAll(async () => {
    monitor = await startEmbedded();
    client = monitor.admin;
    await client.write('CreateServer', { name: 'prod' });
    // The cases count writes: what start-up and the new Server set going lands first.
    await storeQuiet(monitor.runtime.store);
  });
  afterAll(() => monitor.destroy());

  it.each(CASES)('%s %j -> 400 naming %s', async (request, params, field) => {
    const before = await monitor.runtime.store.headPosition();
    const answer = await client.call<{ error: string }>('write', request, params);
    expect(answer.status).toBe(400);
    expect(answer.body.error).toContain(field);
    expect(await monitor.runtime.store.headPosition()).toBe(before);
  });

  it('stores a sound Telegram alerter with its api defaulted, its token and url masked', async () => {
    const token = '123456:telegram-secret-token-value';
    await client.write('CreateAlerter', {
      name: 'tg',
      config: {
        enabled: true,
        endpoint: { type: 'Telegram', params: { bot_token: token, chat_id: '-100' } },
        alert_types: ['DeploymentDeployFailed', 'StackDeployed'],
        maintenance_windows: [window({})],
      },
    });
    const alerter = await client.read<{ config: { endpoint: { params: Record<string, string> } } }>(
      'GetAlerter',
      { alerter: 'tg' },
    );
    // The api url was filled in from the default, and is masked as every endpoint url is.
    expect(alerter.config.endpoint.params).toEqual({
      bot_token: '*****',
      chat_id: '-100',
      url: '*****',
    });
    expect(JSON.stringify(alerter)).not.toContain(token);
  });
});
