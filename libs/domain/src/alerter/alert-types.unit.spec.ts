import type { AlertType } from '../alerts/alert-data';
import { isAlertType, isFailureType, isSuccessType, takesAlertType } from './alert-types';
import {
  ALERT_TYPES,
  ALERTER_ENDPOINT_TYPES,
  ALERTER_SECRETS,
  defaultAlerterConfig,
  defaultAlerterEndpoint,
  OUTCOME_ALERT_TYPES,
} from './alerter.config';
import { completeAlerterPatch } from './complete-endpoint';

// Compile-time: the types an alerter can choose are exactly the AlertData variants.
function sameValues<A, B>(_ok: [A, B] extends [B, A] ? true : { extra: Exclude<A, B> }): void {}
sameValues<(typeof ALERT_TYPES)[number], AlertType>(true);

describe('alert types', () => {
  it("take Komodo's and Monitor's outcome types", () => {
    expect(ALERT_TYPES).toContain('SwarmUnhealthy');
    expect(ALERT_TYPES).toEqual(expect.arrayContaining([...OUTCOME_ALERT_TYPES]));
    expect(isAlertType('StackDeployFailed')).toBe(true);
    expect(isAlertType('ServerOnFire')).toBe(false);
    expect(isAlertType(7)).toBe(false);
  });

  it.each<[AlertType, boolean, boolean, boolean]>([
    // type, success, failure, taken by an empty alert_types
    ['DeploymentDeployed', true, false, false],
    ['StackDeployed', true, false, false],
    ['BuildSucceeded', true, false, false],
    ['DeploymentDeployFailed', false, true, true],
    ['StackDeployFailed', false, true, true],
    ['BuildFailed', false, true, true],
    ['RepoBuildFailed', false, true, true],
    ['ServerUnreachable', false, false, true],
    ['ScheduleRun', false, false, true],
  ])('%s: success %s, failure %s, taken by default %s', (type, success, failure, taken) => {
    expect(isSuccessType(type)).toBe(success);
    expect(isFailureType(type)).toBe(failure);
    expect(takesAlertType([], type)).toBe(taken);
    expect(takesAlertType([type], type)).toBe(true);
    expect(takesAlertType(['Custom'], type)).toBe(false);
  });
});

describe('endpoint defaults and secrets', () => {
  it('give each type its params', () => {
    expect(ALERTER_ENDPOINT_TYPES.map((type) => defaultAlerterEndpoint(type).type)).toEqual(
      ALERTER_ENDPOINT_TYPES,
    );
    expect(defaultAlerterEndpoint('Telegram').params).toEqual({
      bot_token: '',
      chat_id: '',
      url: 'https://api.telegram.org',
    });
    expect(defaultAlerterEndpoint('Email').params).toEqual({
      host: 'localhost',
      port: 587,
      security: 'starttls',
      username: '',
      password: '',
      from: '',
      to: [],
    });
    expect(defaultAlerterEndpoint('Slack').params.url).toMatch(/^https:\/\/hooks\.slack\.com\//);
  });

  it('mask the url, the bot token and the SMTP password', () => {
    expect(ALERTER_SECRETS.map((path) => path.join('.'))).toEqual([
      'endpoint.params.url',
      'endpoint.params.bot_token',
      'endpoint.params.password',
    ]);
  });
});

describe('completeAlerterPatch: given an endpoint written in part', () => {
  const current = { ...defaultAlerterConfig(), endpoint: defaultAlerterEndpoint('Ntfy') };

  it('fills the params not given from its type, keeping nothing of the stored endpoint', () => {
    const patch = { endpoint: { type: 'Telegram', params: { bot_token: 't', chat_id: '1' } } };
    expect(completeAlerterPatch(current, patch)).toEqual({
      endpoint: {
        type: 'Telegram',
        params: { bot_token: 't', chat_id: '1', url: 'https://api.telegram.org' },
      },
    });
    const stored = {
      ...current,
      endpoint: { type: 'Ntfy' as const, params: { url: 'http://n/a', email: 'a@x.io' } },
    };
    expect(
      completeAlerterPatch(stored, { endpoint: { type: 'Ntfy', params: { url: 'http://n/b' } } }),
    ).toEqual({
      endpoint: { type: 'Ntfy', params: { url: 'http://n/b' } },
    });
  });

  it('leaves a patch without endpoint, or of an unknown type, as given', () => {
    expect(completeAlerterPatch(current, { enabled: true })).toEqual({ enabled: true });
    const fax = { endpoint: { type: 'Fax', params: {} } };
    expect(completeAlerterPatch(current, fax)).toBe(fax);
  });
});
