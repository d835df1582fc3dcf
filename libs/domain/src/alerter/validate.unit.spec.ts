import { DomainError } from '../shared/domain-error';
import { decideResource } from '../resources/lifecycle/commands';
import { initialResourceState } from '../resources/lifecycle/state';
import type { MaintenanceWindow } from '../resources/configs/common';
import { validateServerConfig } from '../server/validate';
import {
  ALERTER_ENDPOINT_TYPES,
  defaultAlerterEndpoint,
  type AlerterConfig,
  type AlerterEndpoint,
} from './alerter.config';
import { unknownVariables } from './unknown-variables';
import { validateAlerterConfig } from './validate';

const email = (params: object): AlerterEndpoint =>
  ({
    type: 'Email',
    params: {
      ...defaultAlerterEndpoint('Email').params,
      from: 'ops@example.com',
      to: ['a@example.com'],
      ...params,
    },
  }) as AlerterEndpoint;
const telegram = (params: object): AlerterEndpoint =>
  ({
    type: 'Telegram',
    params: { bot_token: '123:abc', chat_id: '42', url: '', ...params },
  }) as AlerterEndpoint;
const custom = (url: string): AlerterEndpoint => ({ type: 'Custom', params: { url } });
const window = (over: Partial<MaintenanceWindow>): MaintenanceWindow => ({
  name: 'w',
  description: '',
  schedule_type: 'Daily',
  day_of_week: '',
  date: '',
  hour: 2,
  minute: 0,
  duration_minutes: 60,
  timezone: '',
  enabled: true,
  ...over,
});
const fields = (config: Partial<AlerterConfig>, known?: ReadonlySet<string>) =>
  validateAlerterConfig(config, known).map((e) => e.field);

describe('validateAlerterConfig: given a config as written', () => {
  it.each<[string, Partial<AlerterConfig>, string[]]>([
    [
      'a Custom url with variables',
      { endpoint: custom('https://[[HOST]]:[[PORT]]/hook?t=[[TOKEN]]') },
      [],
    ],
    [
      'a sealed url or token, checked by the config DTO before it was sealed',
      {
        endpoint: {
          type: 'Telegram',
          params: { bot_token: { sealed: 'x' }, chat_id: '1', url: { sealed: 'y' } },
        } as never,
      },
      [],
    ],
    ['a Custom url that is none', { endpoint: custom('not a url') }, ['endpoint.params.url']],
    [
      'a url of another scheme',
      { endpoint: custom('file:///etc/passwd') },
      ['endpoint.params.url'],
    ],
    [
      'a scheme from a variable',
      { endpoint: custom('[[SCHEME]]://example.com') },
      ['endpoint.params.url'],
    ],
    [
      'an unknown endpoint type',
      { endpoint: { type: 'Fax', params: { url: 'http://x' } } as never },
      ['endpoint.type'],
    ],
    [
      'params that are no object',
      { endpoint: { type: 'Slack', params: null } as never },
      ['endpoint.params'],
    ],
    [
      'an ntfy e-mail that is none',
      { endpoint: { type: 'Ntfy', params: { url: 'http://n/t', email: 'nope' } } },
      ['endpoint.params.email'],
    ],
    ['a Telegram endpoint on its default api', { endpoint: telegram({}) }, []],
    [
      'a Telegram endpoint on a local api',
      { endpoint: telegram({ url: 'http://127.0.0.1:9000' }) },
      [],
    ],
    [
      'a Telegram endpoint without token or chat',
      { endpoint: telegram({ bot_token: ' ', chat_id: '' }) },
      ['endpoint.params.bot_token', 'endpoint.params.chat_id'],
    ],
    [
      'a Telegram api that is no url',
      { endpoint: telegram({ url: 'api.telegram.org' }) },
      ['endpoint.params.url'],
    ],
    [
      'an Email endpoint',
      {
        endpoint: email({
          from: 'Monitor <ops@example.com>',
          to: ['a@localhost', '[[ONCALL]]@example.com'],
        }),
      },
      [],
    ],
    ['an Email port out of range', { endpoint: email({ port: 70000 }) }, ['endpoint.params.port']],
    ['an Email port of 0', { endpoint: email({ port: 0 }) }, ['endpoint.params.port']],
    [
      'an Email host with a scheme',
      { endpoint: email({ host: 'smtp://mail' }) },
      ['endpoint.params.host'],
    ],
    [
      'an unknown Email security',
      { endpoint: email({ security: 'ssl' }) },
      ['endpoint.params.security'],
    ],
    [
      'Email addresses that are none',
      { endpoint: email({ from: 'ops', to: ['a@example.com', 'b at example'] }) },
      ['endpoint.params.from', 'endpoint.params.to[1]'],
    ],
    ['no Email recipient', { endpoint: email({ to: [] }) }, ['endpoint.params.to']],
    [
      'known alert types, Komodo and Monitor',
      {
        alert_types: [
          'ServerUnreachable',
          'SwarmUnhealthy',
          'DeploymentDeployFailed',
          'BuildSucceeded',
        ],
      },
      [],
    ],
    [
      'an unknown alert type',
      { alert_types: ['ServerCpu', 'ServerOnFire' as never] },
      ['alert_types[1]'],
    ],
    [
      'a target of an unknown kind',
      {
        resources: [{ type: 'Widget' as never, id: 'w' }],
        except_resources: [{ type: 'Server', id: '' }],
      },
      ['resources[0].type', 'except_resources[0].id'],
    ],
    [
      'possible windows',
      {
        maintenance_windows: [
          window({}),
          window({ schedule_type: 'Weekly', day_of_week: 'Thurs', timezone: 'Asia/Tokyo' }),
          window({ schedule_type: 'OneTime', date: '2028-02-29', duration_minutes: 10080 }),
        ],
      },
      [],
    ],
    [
      'an hour and minute out of range',
      { maintenance_windows: [window({}), window({ hour: 24, minute: 60 })] },
      ['maintenance_windows[1].hour', 'maintenance_windows[1].minute'],
    ],
    [
      'durations of 0 and over a week',
      {
        maintenance_windows: [window({ duration_minutes: 0 }), window({ duration_minutes: 10081 })],
      },
      ['maintenance_windows[0].duration_minutes', 'maintenance_windows[1].duration_minutes'],
    ],
    [
      'an unknown timezone',
      { maintenance_windows: [window({ timezone: 'Europe/Atlantis' })] },
      ['maintenance_windows[0].timezone'],
    ],
    [
      'a Weekly window without a day',
      { maintenance_windows: [window({ schedule_type: 'Weekly', day_of_week: 'Funday' })] },
      ['maintenance_windows[0].day_of_week'],
    ],
    [
      'a OneTime window on no real day',
      {
        maintenance_windows: [
          window({ schedule_type: 'OneTime', date: '2027-02-29' }),
          window({ schedule_type: 'OneTime', date: '10/03/2027' }),
        ],
      },
      ['maintenance_windows[0].date', 'maintenance_windows[1].date'],
    ],
    [
      'an unknown schedule',
      { maintenance_windows: [window({ schedule_type: 'Hourly' as never })] },
      ['maintenance_windows[0].schedule_type'],
    ],
  ])('%s', (_name, config, expected) => {
    expect(fields(config)).toEqual(expected);
  });

  it('says why, naming the field', () => {
    expect(
      validateAlerterConfig({ maintenance_windows: [window({}), window({ hour: 25 })] }),
    ).toEqual([
      {
        field: 'maintenance_windows[1].hour',
        message: 'maintenance_windows[1].hour: 25 is not an hour (0-23)',
      },
    ]);
  });

  it("accepts the default of every endpoint type but those that need the user's account", () => {
    const failing = ALERTER_ENDPOINT_TYPES.filter(
      (type) => fields({ endpoint: defaultAlerterEndpoint(type) }).length,
    );
    expect(failing).toEqual(['Telegram', 'Email']);
  });

  it('with the known variables, names a reference to an unknown one', () => {
    const endpoint = custom('https://[[HOST]]/hook/[[TOKEN]]');
    expect(fields({ endpoint }, new Set(['HOST', 'TOKEN']))).toEqual([]);
    expect(validateAlerterConfig({ endpoint }, new Set(['HOST']))).toEqual([
      {
        field: 'endpoint.params.url',
        message: 'endpoint.params.url: [[TOKEN]] is not a variable (create it first)',
      },
    ]);
  });
});

describe('unknownVariables', () => {
  it('lists the references that name no known variable, with their field', () => {
    expect(unknownVariables('a [[A]] b [[B]] [not] [[ c ]]', new Set(['A']), 'url')).toEqual([
      { name: 'B', field: 'url' },
    ]);
    expect(unknownVariables({ to: ['[[X]]', '[[Y]]'] }, (name) => name === 'Y')).toEqual([
      { name: 'X', field: 'config.to[0]' },
    ]);
  });
});

describe('the create and update decide of an Alerter and a Server', () => {
  const create = (kind: 'Alerter' | 'Server', config: Record<string, unknown>) => () =>
    decideResource(kind, initialResourceState(), { type: 'Create', id: 'r1', name: 'r', config });

  it('refuses an impossible config with the field in config', () => {
    const check = (run: () => unknown, field: string) => {
      try {
        run();
      } catch (error) {
        expect(error).toBeInstanceOf(DomainError);
        expect((error as DomainError).code).toBe('VALIDATION');
        expect((error as DomainError).details).toMatchObject({ errors: [{ field }] });
        return;
      }
      throw new Error('accepted');
    };
    check(create('Alerter', { endpoint: custom('ftp://x') }), 'config.endpoint.params.url');
    check(
      create('Server', { maintenance_windows: [window({ minute: 75 })] }),
      'config.maintenance_windows[0].minute',
    );
  });

  it('accepts a sound one', () => {
    expect(
      create('Alerter', { endpoint: telegram({}), alert_types: ['StackDeployed'] })(),
    ).toHaveLength(1);
    expect(
      create('Server', { maintenance_windows: [window({ timezone: 'Europe/Berlin' })] })(),
    ).toHaveLength(1);
  });

  it("validates a Server's maintenance windows only", () => {
    expect(validateServerConfig({ address: 'whatever' } as never)).toEqual([]);
    expect(
      validateServerConfig({ maintenance_windows: [window({ duration_minutes: -5 })] }),
    ).toHaveLength(1);
  });
});
