import { defaultAlerterConfig, defaultAlerterEndpoint, type AlerterConfig } from './alerter.config';
import { completeAlerterPatch, MASKED_SECRET } from './complete-endpoint';

const SEALED = { $sealed: 1, ct: 'x' } as unknown as string;
const telegram: AlerterConfig = {
  ...defaultAlerterConfig(),
  endpoint: { type: 'Telegram', params: { bot_token: SEALED, chat_id: '-1', url: SEALED } },
};

describe('completeAlerterPatch', () => {
  it('given a Telegram endpoint, when its masked secrets come back with a new chat id, then they keep their stored values', () => {
    const patch = {
      endpoint: {
        type: 'Telegram',
        params: { bot_token: MASKED_SECRET, chat_id: '-2', url: MASKED_SECRET },
      },
    };
    expect(completeAlerterPatch(telegram, patch)).toEqual({
      endpoint: { type: 'Telegram', params: { bot_token: SEALED, chat_id: '-2', url: SEALED } },
    });
  });

  it('given a Telegram endpoint, when a mask comes with another type, then that param takes the default', () => {
    const patch = { endpoint: { type: 'Slack', params: { url: MASKED_SECRET } } };
    expect(completeAlerterPatch(telegram, patch)).toEqual({
      endpoint: defaultAlerterEndpoint('Slack'),
    });
  });

  it('given any endpoint, when a new secret is written, then it is taken as given', () => {
    const patch = { endpoint: { type: 'Telegram', params: { bot_token: 'new', chat_id: '-1' } } };
    expect(completeAlerterPatch(telegram, patch)).toEqual({
      endpoint: {
        type: 'Telegram',
        params: { bot_token: 'new', chat_id: '-1', url: 'https://api.telegram.org' },
      },
    });
  });

  it('given any endpoint, when a Ntfy endpoint comes with an empty e-mail, then it is stored unset', () => {
    const patch = { endpoint: { type: 'Ntfy', params: { url: 'http://ntfy:8080/t', email: '' } } };
    expect(completeAlerterPatch(telegram, patch)).toEqual({
      endpoint: { type: 'Ntfy', params: { url: 'http://ntfy:8080/t' } },
    });
    const withEmail = { endpoint: { type: 'Ntfy', params: { email: 'ops@example.com' } } };
    expect(completeAlerterPatch(telegram, withEmail)).toEqual({
      endpoint: {
        type: 'Ntfy',
        params: { url: defaultAlerterEndpoint('Ntfy').params.url, email: 'ops@example.com' },
      },
    });
  });
});
